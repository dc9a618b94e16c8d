import { Pagination } from "@/components/pagination";
import { ScrollFrame } from "@/components/ui/scroll-frame";
import type { UnitFigures } from "@/lib/statistics";
import { UNIT_COLUMNS } from "@/lib/statistics-workbook";

/** Units a page of the ranking: a district's 200 lead units in four pages (the export holds them all). */
export const UNITS_PER_PAGE = 50;

/** The lead units' figures in their ranking, a page of them; `href` gives the address of another page. */
export function UnitTable({ units, page, href }: { units: readonly UnitFigures[]; page: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(units.length / UNITS_PER_PAGE));
  const shown = Math.min(page, pages);
  const from = (shown - 1) * UNITS_PER_PAGE;
  const rows = units.slice(from, from + UNITS_PER_PAGE);
  return (
    <section aria-labelledby="units-h" className="mb-6">
      <h2 id="units-h" className="mb-2 font-semibold">
        各主办单位（按按时办复率排序
        {pages > 1 && `，共 ${units.length} 个，第 ${from + 1}–${from + rows.length} 名`}）
      </h2>
      <ScrollFrame label="各主办单位">
        <table className="data-table figure-grid">
          <thead>
            <tr>
              {UNIT_COLUMNS.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.unitId}>
                <th scope="row" className="font-normal">
                  {u.unit}
                </th>
                {UNIT_COLUMNS.slice(1).map((c) => (
                  <td key={c.header}>{c.cell(u)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      <Pagination page={shown} pages={pages} href={href} label="各主办单位分页" />
    </section>
  );
}
