/** A horizontal bar per item, its rate as a percentage of 100%, drawn as inline SVG on the server. */
import { percent, type Ratio } from "@/lib/statistics";

const WIDTH = 640;
const ROW = 40;
const BAR_WIDTH = 520;

export function HorizontalBarChart({ title, items }: { title: string; items: readonly { label: string; value: Ratio }[] }) {
  const summary = `${title}：${items.map((i) => `${i.label} ${percent(i.value)}（${i.value.count}/${i.value.of}）`).join("；") || "无数据"}`;
  const height = Math.max(items.length, 1) * ROW + 4;
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
      {items.length === 0 && (
        <text x="0" y="20" fill="#475569">
          无数据
        </text>
      )}
      {items.map((item, i) => {
        const y = i * ROW;
        const width = item.value.of === 0 ? 0 : (item.value.count / item.value.of) * BAR_WIDTH;
        return (
          <g key={item.label}>
            <text x="0" y={y + 13} fill="#334155">
              {item.label}
            </text>
            <rect x="0" y={y + 18} width={BAR_WIDTH} height="14" fill="#e2e8f0" />
            <rect x="0" y={y + 18} width={width} height="14" fill="#1d4f91" />
            <text x={BAR_WIDTH + 6} y={y + 30} fill="#0f172a">
              {percent(item.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
