'use client';

import { formatCount } from '@/lib/format/date-time';

export interface BarDatum {
  /** Short label under the bar (axis). */
  readonly label: string;
  /** Full label for the table and the summary, e.g. "Week of Mar 3, 2026". */
  readonly longLabel: string;
  readonly value: number;
}

/**
 * A bar chart drawn as SVG on the server (no script, nothing to hydrate), with its numbers as a
 * table beside it: the SVG is one image with a text summary for screen readers, the table holds
 * every value. Bars are one colour with a value label, so nothing depends on colour.
 *
 * A client component for the page's weight only (no state, no effects): its props (a dozen
 * numbers and labels) are what the page's React payload carries, instead of the drawn SVG and
 * table a second time beside the HTML (issue 10). formatCount has a fixed locale, so the server's
 * and the browser's render agree.
 */
/** A tenth of a drawing unit is finer than any screen shows it. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function BarChart({
  id,
  title,
  data,
  categoryLabel,
  valueLabel,
  summary,
}: {
  id: string;
  title: string;
  data: readonly BarDatum[];
  /** Column headings of the table alternative, e.g. "Week" and "Intakes". */
  categoryLabel: string;
  valueLabel: string;
  summary: string;
}) {
  const width = 560;
  const height = 200;
  const top = 18;
  const bottom = 34;
  const left = 8;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const slot = (width - left * 2) / Math.max(1, data.length);
  const barWidth = round(Math.max(4, slot * 0.68));
  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-300 bg-white p-4">
      <figcaption id={`${id}-title`} className="font-semibold text-slate-900">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        className="mt-2 h-auto w-full"
      >
        <desc id={`${id}-summary`}>{summary}</desc>
        <line x1={left} x2={width - left} y1={top + plotHeight} y2={top + plotHeight} className="stroke-slate-400" />
        {/* The bars' fill, the labels' anchor, size and colours are set once here (SVG presentation
            attributes and the classes' variants reach every child) instead of on each of the ~20
            elements, and coordinates are rounded to a tenth of a unit (a 560-unit-wide drawing): the
            two charts were 11 KB of the dashboard's HTML, most of it repeated attributes and
            16-digit numbers (issue 10). */}
        <g
          textAnchor="middle"
          className="text-[11px] [&_rect]:fill-sky-800 [&_text]:fill-slate-700 [&_text:first-of-type]:fill-slate-900"
        >
          {data.map((datum, i) => {
            const barHeight = round((datum.value / max) * plotHeight);
            const x = round(left + i * slot + (slot - barWidth) / 2);
            const y = round(top + plotHeight - barHeight);
            const middle = round(x + barWidth / 2);
            return (
              <g key={datum.longLabel}>
                <rect x={x} y={y} width={barWidth} height={Math.max(barHeight, datum.value > 0 ? 1 : 0)} />
                <text x={middle} y={round(y - 4)}>
                  {formatCount(datum.value)}
                </text>
                <text x={middle} y={height - bottom + 16}>
                  {datum.label}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-sky-900 underline">Show the numbers as a table</summary>
        <table className="mt-2 text-left [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.longLabel}>
                <th scope="row" className="font-normal">
                  {datum.longLabel}
                </th>
                <td className="text-right tabular-nums">{formatCount(datum.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
