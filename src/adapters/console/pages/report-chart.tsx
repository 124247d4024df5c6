// 1時間ごとの売上 as a bar chart: inline SVG rendered on the server (no script). One bar per hourly
// row of the report (the configured window plus any hour with a checkout; 24–29 = the next morning);
// a negative hour (returns) is drawn below the zero line. The axis spans the largest and the most
// negative 売上等.
import type { HourlyRow } from '../../../domain/report/types.js';
import { yen } from './report-view.js';

const widthPx = 760;
const heightPx = 240;
const marginLeftPx = 70;
const marginRightPx = 10;
const marginTopPx = 12;
const marginBottomPx = 28;

export function HourlyChart(props: { hourly: HourlyRow[] }) {
  const rows = props.hourly;
  if (rows.length === 0) return <p>1時間ごとの売上はありません。</p>;
  const plotWidth = widthPx - marginLeftPx - marginRightPx;
  const plotHeight = heightPx - marginTopPx - marginBottomPx;
  const topYen = Math.max(0, ...rows.map((r) => r.salesTotal));
  const bottomYen = Math.max(0, ...rows.map((r) => -r.salesTotal));
  const span = Math.max(1, topYen + bottomYen);
  const zeroY = marginTopPx + (topYen / span) * plotHeight;
  const slot = plotWidth / rows.length;
  const barWidth = Math.max(2, slot * 0.7);
  const scale = plotHeight / span;
  return (
    <svg
      class="hourly-chart"
      data-testid="hourly-chart"
      xmlns="http://www.w3.org/2000/svg"
      width={widthPx}
      height={heightPx}
      viewBox={`0 0 ${widthPx} ${heightPx}`}
      role="img"
      aria-label="1時間ごとの売上"
    >
      <line
        x1={marginLeftPx}
        y1={zeroY}
        x2={widthPx - marginRightPx}
        y2={zeroY}
        stroke="#555"
        stroke-width="1"
      />
      {topYen > 0 ? (
        <text x={marginLeftPx - 6} y={marginTopPx + 10} text-anchor="end" font-size="11">
          {yen(topYen)}
        </text>
      ) : null}
      <text x={marginLeftPx - 6} y={zeroY + 4} text-anchor="end" font-size="11">
        ¥0
      </text>
      {bottomYen > 0 ? (
        <text x={marginLeftPx - 6} y={heightPx - marginBottomPx} text-anchor="end" font-size="11">
          {yen(-bottomYen)}
        </text>
      ) : null}
      {rows.map((row, index) => (
        <HourBar
          row={row}
          x={marginLeftPx + index * slot + (slot - barWidth) / 2}
          barWidth={barWidth}
          zeroY={zeroY}
          scale={scale}
        />
      ))}
    </svg>
  );
}

/** One hour's bar (below the zero line when negative) with its tooltip and hour label. */
function HourBar(props: {
  row: HourlyRow;
  x: number;
  barWidth: number;
  zeroY: number;
  scale: number;
}) {
  const { row, x, barWidth, zeroY } = props;
  const barHeight = Math.abs(row.salesTotal) * props.scale;
  const y = row.salesTotal >= 0 ? zeroY - barHeight : zeroY;
  return (
    <g data-hour={row.hour} data-sales-total={row.salesTotal}>
      <rect
        x={x.toFixed(1)}
        y={y.toFixed(1)}
        width={barWidth.toFixed(1)}
        height={barHeight.toFixed(1)}
        fill={row.salesTotal < 0 ? '#c0504d' : '#2f6fb0'}
      >
        <title>{`${row.hour}時 売上等 ${yen(row.salesTotal)} / 会計数 ${row.checkoutCount} / 客数 ${row.customerCount} / 商品数 ${row.itemCount}`}</title>
      </rect>
      <text
        x={(x + barWidth / 2).toFixed(1)}
        y={heightPx - 10}
        text-anchor="middle"
        font-size="11"
      >{`${row.hour}`}</text>
    </g>
  );
}
