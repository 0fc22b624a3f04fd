/**
 * Test support: a daytime-assignments CSV whose every row is the region lending to Östersund in
 * one month, so a billing run of that month makes one basis with a line per row (for tests of a
 * large basis's line windows, in the API and the browser).
 */

/** `lines` distinct assignments of `month` (YYYY-MM), references `RAD-0` … as UTF-8 bytes. */
export function oneBasisDaytimeCsv(lines: number, month: string): Buffer {
  const header = 'datum;starttid;utförare;beställare;insatstid;administration;återrapportering;restid;resa samordnad;referens\n';
  const rows: string[] = [];
  for (let i = 0; i < lines; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(8 + (i % 8)).padStart(2, '0');
    rows.push(`${month}-${day};${hour}:00;region;Östersund;${String(20 + (i % 70))};5;2;0;nej;RAD-${String(i)}\n`);
  }
  return Buffer.from(header + rows.join(''), 'utf8');
}
