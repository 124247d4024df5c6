// TOP: 30 days of 売上等 as an inline SVG bar chart rendered on the server (no script); one bar per
// business day, the latest on the right, a label every 7 days and the largest figure on the axis.
import { dayCell } from '../dates.js';
import { yen } from './ledger-format.js';

const widthPx = 900;
const heightPx = 220;
const marginLeftPx = 80;
const marginBottomPx = 26;
const marginTopPx = 10;

export function SalesChart(props: { days: readonly { date: string; salesTotal: number }[] }) {
  const days = props.days;
  const plotWidth = widthPx - marginLeftPx - 10;
  const plotHeight = heightPx - marginTopPx - marginBottomPx;
  const topYen = Math.max(1, ...days.map((d) => d.salesTotal));
  const slot = plotWidth / Math.max(1, days.length);
  const baseY = marginTopPx + plotHeight;
  return (
    <svg
      class="sales-chart"
      data-testid="sales-chart"
      xmlns="http://www.w3.org/2000/svg"
      width={widthPx}
      height={heightPx}
      viewBox={`0 0 ${widthPx} ${heightPx}`}
      role="img"
      aria-label={`直近${days.length}日の売上等`}
    >
      <line x1={marginLeftPx} y1={baseY} x2={widthPx - 10} y2={baseY} stroke="#888" />
      <text x={marginLeftPx - 6} y={marginTopPx + 10} text-anchor="end" font-size="11">
        {yen(topYen)}
      </text>
      <text x={marginLeftPx - 6} y={baseY} text-anchor="end" font-size="11">
        ¥0
      </text>
      {days.map((day, index) => {
        const height = (Math.max(0, day.salesTotal) / topYen) * plotHeight;
        const x = marginLeftPx + index * slot + slot * 0.15;
        return (
          <g data-date={day.date} data-sales-total={String(day.salesTotal)}>
            <title>{`${dayCell(day.date)} ${yen(day.salesTotal)}`}</title>
            <rect x={x} y={baseY - height} width={slot * 0.7} height={height} fill="#2f6fb0" />
            {(days.length - 1 - index) % 7 === 0 ? (
              <text x={x + slot * 0.35} y={heightPx - 8} text-anchor="middle" font-size="11">
                {dayCell(day.date)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
