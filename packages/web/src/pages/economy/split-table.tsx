/** A split per municipality as a chart and, as its accessible alternative, a table with exact öre. */
import { useMemo, type ReactNode } from 'react';
import { BarChart } from '../../components/bar-chart.js';
import { ScrollTable } from '../../components/scroll-table.js';
import { formatOre } from '../../format/money.js';

/** One municipality's part. */
export interface SplitRow {
  readonly code: string;
  readonly name: string;
  readonly amountOre: number;
  /** Share as a display string (e.g. "41,3 %"), when the calculation states one. */
  readonly share?: string;
  /** The measure behind the share (devices, weighted population). */
  readonly measure?: string;
}

/** Chart + table; the table caption names the total so the two can be compared. */
export function SplitView({
  rows,
  caption,
  measureLabel,
}: {
  readonly rows: readonly SplitRow[];
  readonly caption: string;
  readonly measureLabel?: string;
}): ReactNode {
  const bars = useMemo(() => rows.map((r) => ({ label: r.name, valueOre: r.amountOre })), [rows]);
  const total = rows.reduce((s, r) => s + BigInt(r.amountOre), 0n);
  const largest = [...rows].sort((a, b) => b.amountOre - a.amountOre)[0];
  const summary = `${caption}. Stapeldiagram över ${String(rows.length)} kommuner, totalt ${formatOre(total)}${largest ? `; störst andel har ${largest.name} med ${formatOre(largest.amountOre)}` : ''}. Alla belopp finns i tabellen.`;
  return (
    <div className="stack">
      <figure className="figure">
        <BarChart bars={bars} summary={summary} />
        <figcaption>{caption} (diagram). Samma siffror finns i tabellen.</figcaption>
      </figure>
      <ScrollTable caption={caption}>
        <thead>
          <tr>
            <th scope="col">Kommun</th>
            {measureLabel ? (
              <th scope="col" className="num">
                {measureLabel}
              </th>
            ) : null}
            {rows.some((r) => r.share !== undefined) ? (
              <th scope="col" className="num">
                Andel
              </th>
            ) : null}
            <th scope="col" className="num">
              Belopp
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.name}</th>
              {measureLabel ? <td className="num">{r.measure ?? ''}</td> : null}
              {rows.some((x) => x.share !== undefined) ? <td className="num">{r.share ?? ''}</td> : null}
              <td className="num">{formatOre(r.amountOre)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summa</th>
            {measureLabel ? <td /> : null}
            {rows.some((r) => r.share !== undefined) ? <td /> : null}
            <td className="num">
              <strong>{formatOre(total)}</strong>
            </td>
          </tr>
        </tfoot>
      </ScrollTable>
    </div>
  );
}
