/** One horizontal bar per row, split into a segment per series, on a common scale; inline SVG drawn on the server. */

const WIDTH = 640;
const LEGEND = 28;
const ROW = 42;
const BAR_WIDTH = 560;

export type StackedRow = { label: string; values: readonly number[] };

export function StackedBarChart({
  title,
  series,
  rows,
}: {
  title: string;
  series: readonly { label: string; color: string }[];
  rows: readonly StackedRow[];
}) {
  const total = (r: StackedRow) => r.values.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...rows.map(total));
  const summary = `${title}：${
    rows.map((r) => `${r.label} 共 ${total(r)} 件，${series.map((s, i) => `${s.label} ${r.values[i] ?? 0}`).join("、")}`).join("；") ||
    "无数据"
  }`;
  const height = LEGEND + Math.max(rows.length, 1) * ROW;
  const legendStep = WIDTH / series.length;
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      className="max-w-2xl max-md:min-w-[36rem]"
      fontSize="12"
    >
      <title>{title}</title>
      <desc>{summary}</desc>
      {series.map((s, i) => (
        <g key={s.label}>
          <rect x={i * legendStep} y="4" width="12" height="12" fill={s.color} />
          <text x={i * legendStep + 16} y="14" fill="#334155">
            {s.label}
          </text>
        </g>
      ))}
      {rows.length === 0 && (
        <text x="0" y={LEGEND + 16} fill="#475569">
          无数据
        </text>
      )}
      {rows.map((row, r) => {
        const y = LEGEND + r * ROW;
        const segments = series.map((s, i) => ({
          ...s,
          value: row.values[i] ?? 0,
          start: row.values.slice(0, i).reduce((a, b) => a + b, 0),
        }));
        return (
          <g key={row.label}>
            <text x="0" y={y + 13} fill="#334155">
              {row.label}（共 {total(row)} 件）
            </text>
            {segments.map((seg) =>
              seg.value === 0 ? null : (
                <rect
                  key={seg.label}
                  x={(seg.start / max) * BAR_WIDTH}
                  y={y + 18}
                  width={(seg.value / max) * BAR_WIDTH}
                  height="16"
                  fill={seg.color}
                >
                  <title>{`${seg.label} ${seg.value} 件`}</title>
                </rect>
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}
