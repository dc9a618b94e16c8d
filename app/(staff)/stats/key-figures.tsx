import { FIGURE_DEFINITIONS, type Figures, percent, RATES } from "@/lib/statistics";

/** 重点提案 counted on their own, under the page's filters, with the same definitions as the main figures. */
export function KeyFigures({ figures }: { figures: Figures }) {
  return (
    <section aria-labelledby="key-figures-h" className="mb-6">
      <h2 id="key-figures-h" className="mb-2 font-semibold">
        重点提案（共 {figures.total} 件，已答复 {figures.replied} 件，{FIGURE_DEFINITIONS.replyOverdue.label} {figures.replyOverdue} 件）
      </h2>
      {figures.total === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-500">所选范围内没有重点提案。</p>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label="重点提案指标" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                {RATES.map((key) => (
                  <th key={key} scope="col">
                    {FIGURE_DEFINITIONS[key].label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {RATES.map((key) => (
                  <td key={key} data-label={FIGURE_DEFINITIONS[key].label}>
                    {percent(figures[key])}
                    <span className="ml-1 text-xs text-slate-500">
                      {figures[key].count}/{figures[key].of}
                    </span>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
