/**
 * Excel's rules for sheet names: at most 31 characters, none of [ ] : * ? / \, not beginning or
 * ending with an apostrophe, not "History" (reserved), and unique without regard to case. A
 * name that breaks them makes Excel refuse to open the file, so every name goes through here.
 */

const MAX = 31;

function clean(name: string): string {
  const c = name
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return c === '' || c.toLowerCase() === 'history' ? 'Blad' : c;
}

/** Names for `wanted`, in order: cleaned, cut to 31 characters and made unique with " (2)", " (3)", …. */
export function sheetNames(wanted: readonly string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w) => {
    const base = clean(w).slice(0, MAX);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${String(n)})`;
      name = `${base.slice(0, MAX - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
