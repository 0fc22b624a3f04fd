/**
 * The audit trail as CSV for Excel in Swedish locale: UTF-8 with BOM, semicolons, CRLF, Swedish
 * headers, times in Europe/Stockholm. A cell that Excel would read as a formula (= + - @ first)
 * gets a leading apostrophe: names and subjects are typed by people.
 */
import type { NamedAuditView } from './named-audit.js';

// 'Ändringar' is what a person reads (Swedish field names, values in kr, Ja/Nej, names); the two
// data columns keep the stored JSON for an auditor who needs the exact values.
const HEADERS = [
  'Nummer',
  'Tidpunkt',
  'Vem',
  'Användar-id',
  'Åtgärd',
  'Vad',
  'Objekt',
  'Objekt-id',
  'Ändringar',
  'Före (data)',
  'Efter (data)',
] as const;

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** "Flöde: – → MT rörlig del; Status: utkast → godkänt" */
function changesText(e: NamedAuditView): string {
  return e.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`).join('; ');
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** The entries as one CSV file (bytes as sent). */
export function auditCsv(entries: readonly NamedAuditView[]): Buffer {
  const lines = [HEADERS.join(';')];
  for (const e of entries) {
    lines.push(
      [
        String(e.seq),
        stockholm.format(new Date(e.at)),
        e.actorName,
        e.actor,
        e.actionLabel,
        e.entityLabel,
        e.entityName,
        e.entityId,
        changesText(e),
        json(e.before),
        json(e.after),
      ]
        .map(cell)
        .join(';'),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
