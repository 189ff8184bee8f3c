/**
 * The result chart: projects in vote order (x), the running total of the funded ones as a step
 * line (y) against the budget line. Each project is a point at what the total would have been
 * with it: a filled circle when funded, a hollow cross when not, so the outcome reads without
 * colour; votes are written above each point. Built with lit's `svg` templates (no innerHTML).
 * The chart is decoration for sighted readers: the same data is in the table after it.
 */
import { css, svg, type SVGTemplateResult } from 'lit';

export interface ChartPoint {
  id: string;
  votes: number;
  funded: boolean;
  /** Funded total after this project (funded) or what it would have been with it (not funded). */
  y: number;
  /** Funded total before this project. */
  before: number;
}

/** Comes with the chart's chunk; the widget adds it to its shadow root with the first chart. */
export const chartStyles = css`
  .chart {
    display: block;
    max-width: none;
    font-size: 11px;
  }
  .chart .axis {
    stroke: var(--_muted);
  }
  .chart .budget-line {
    stroke: var(--_text);
    stroke-width: 2;
    stroke-dasharray: 6 4;
  }
  .chart text {
    fill: var(--_text);
  }
  .chart .total {
    fill: none;
    stroke: var(--_funded);
    stroke-width: 2;
  }
  .chart .funded {
    fill: var(--_funded);
  }
  .chart .not-funded rect {
    fill: var(--_surface);
    stroke: var(--_not);
    stroke-width: 2;
  }
  .chart .not-funded path {
    stroke: var(--_not);
    stroke-width: 2;
  }
`;

const W_STEP = 36;
const H = 240;
const PAD = { top: 28, right: 16, bottom: 24, left: 8 };

export function chartWidth(points: number): number {
  return PAD.left + PAD.right + Math.max(8, points) * W_STEP;
}

/** The budget line's label is in the legend: at the line's end it sat on the last point's vote count. */
export function renderChart(points: readonly ChartPoint[], budget: number): SVGTemplateResult {
  const width = chartWidth(points.length);
  // Up to 1.5 × the budget: a project far over it (a skate park for 85,000) sits at the top edge instead of squashing the rest.
  const max =
    budget > 0 ? Math.min(budget * 1.5, Math.max(budget * 1.15, ...points.map((p) => p.y))) : Math.max(1, ...points.map((p) => p.y));
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - Math.min(v, max) / max);
  const x = (i: number) => PAD.left + W_STEP * (i + 0.5);
  let path = `M ${PAD.left} ${y(0)}`;
  points.forEach((p, i) => {
    const total = p.funded ? p.y : p.before;
    path += ` H ${x(i)} V ${y(total)}`;
  });
  path += ` H ${width - PAD.right}`;
  const by = y(budget);
  return svg`<svg class="chart" viewBox="0 0 ${width} ${H}" width=${width} height=${H} aria-hidden="true" focusable="false">
    <line class="axis" x1=${PAD.left} x2=${width - PAD.right} y1=${y(0)} y2=${y(0)}></line>
    <line class="budget-line" x1=${PAD.left} x2=${width - PAD.right} y1=${by} y2=${by}></line>
    <path class="total" d=${path}></path>
    ${points.map((p, i) => {
      const cx = x(i);
      const cy = y(p.y);
      const mark = p.funded
        ? svg`<circle class="funded" cx=${cx} cy=${cy} r="6"></circle>`
        : svg`<g class="not-funded"><rect x=${cx - 6} y=${cy - 6} width="12" height="12"></rect><path d="M ${cx - 4} ${cy - 4} L ${cx + 4} ${cy + 4} M ${cx + 4} ${cy - 4} L ${cx - 4} ${cy + 4}"></path></g>`;
      return svg`${mark}<text class="votes" x=${cx} y=${Math.max(12, cy - 10)} text-anchor="middle">${p.votes}</text>`;
    })}
  </svg>`;
}
