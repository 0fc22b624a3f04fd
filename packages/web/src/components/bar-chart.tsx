/**
 * A bar chart drawn with Observable Plot, loaded lazily so that only the economy pages pay for it.
 * The chart is an image with a text label; every chart on a page sits next to a table with the
 * same numbers (the accessible alternative), so the SVG carries only a summary.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { formatKronorRounded } from '../format/money.js';

/** One bar (or one bar segment when `series` is given). */
export interface Bar {
  readonly label: string;
  /** Amount in öre. */
  readonly valueOre: number;
  /** For grouped bars, e.g. "Budget" / "Utfall". */
  readonly series?: string;
}

/** The chart; `summary` is its text alternative (also in a table beside it). */
export function BarChart({
  bars,
  summary,
  height = 320,
}: {
  readonly bars: readonly Bar[];
  readonly summary: string;
  readonly height?: number;
}): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // Redraw only when the numbers change, not on every render of the page around the chart.
  const key = JSON.stringify(bars);
  useEffect(() => {
    const data = (JSON.parse(key) as Bar[]).map((b) => ({ label: b.label, kr: b.valueOre / 100, series: b.series ?? '' }));
    let cancelled = false;
    const el = ref.current;
    if (!el) return;
    import('@observablehq/plot')
      .then((Plot) => {
        if (cancelled) return;
        // Kronor as numbers only for drawing; the exact öre amounts are in the table.
        const grouped = data.some((b) => b.series !== '');
        const width = Math.max(320, Math.min(el.clientWidth || 640, 900));
        const chart = Plot.plot({
          width,
          height,
          marginLeft: 90,
          marginBottom: 60,
          // The service's Content-Security-Policy allows no inline styles: Plot's <style> element is
          // removed below and its few rules live in economy.css under this class.
          className: 'samverkan-plot',
          x: { label: null, tickRotate: width < 520 ? -35 : 0, ...(grouped ? { axis: null } : {}) },
          y: { label: 'kronor', grid: true, tickFormat: (v: number) => formatKronorRounded(Math.round(v * 100)).replace(/\u00a0kr$/, '') },
          color: grouped ? { legend: true, range: ['#1a4f8b', '#e07b00'] } : { range: ['#1a4f8b'] },
          ...(grouped ? { fx: { label: null, tickRotate: width < 520 ? -35 : 0 } } : {}),
          marks: grouped
            ? [Plot.barY(data, { fx: 'label', x: 'series', y: 'kr', fill: 'series' }), Plot.ruleY([0])]
            : [Plot.barY(data, { x: 'label', y: 'kr', fill: '#1a4f8b', sort: { x: 'y', reverse: true } }), Plot.ruleY([0])],
        });
        for (const style of chart.querySelectorAll('style')) style.remove();
        // The SVG is one image with a text label; Plot's labels on inner groups are not allowed there.
        for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
          el.removeAttribute('aria-label');
          el.removeAttribute('aria-description');
        }
        chart.setAttribute('role', 'img');
        chart.setAttribute('aria-label', summary);
        el.replaceChildren(chart);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [key, summary, height]);
  return (
    <div className="bar-chart" ref={ref} style={{ minHeight: height }}>
      {failed ? <p>Diagrammet kunde inte ritas. Siffrorna finns i tabellen nedanför. Ladda om sidan för att försöka igen.</p> : null}
    </div>
  );
}
