/** Instants are stored as ISO-8601 UTC text (portable, sortable, and stable inside audit hashes). */

/** Now as stored: `2026-03-01T09:15:00.000Z`. */
export function nowIso(): string {
  return new Date().toISOString();
}
