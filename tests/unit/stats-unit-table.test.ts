/** The statistics page's ranking of lead units, a page at a time (a district has some 200). */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UnitTable, UNITS_PER_PAGE } from "@/app/(staff)/stats/unit-table";
import { figuresFromCounts, noCounts, type UnitFigures } from "@/lib/statistics";

const units: UnitFigures[] = Array.from({ length: 120 }, (_, i) => ({
  unitId: i + 1,
  unit: `单位${i + 1}`,
  figures: figuresFromCounts({ ...noCounts(), total: 120 - i }),
}));
const table = (list: readonly UnitFigures[], page: number) =>
  renderToStaticMarkup(createElement(UnitTable, { units: list, page, href: (p: number) => `/stats?session=3&page=${p}` }));
const rowHeaders = (html: string) => [...html.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);

describe("UnitTable", () => {
  it("shows the first page of the ranking, says which ranks, and links to the next", () => {
    const html = table(units, 1);
    expect(UNITS_PER_PAGE).toBe(50);
    expect(rowHeaders(html)).toEqual(units.slice(0, 50).map((u) => u.unit));
    expect(html).toContain("各主办单位（按按时办复率排序，共 120 个，第 1–50 名）");
    expect(html).toContain('href="/stats?session=3&amp;page=2"');
    expect(html).not.toContain("上一页");
  });

  it("shows the last page's units, and a page past the end as the last", () => {
    for (const page of [3, 9]) {
      const html = table(units, page);
      expect(rowHeaders(html)).toEqual(units.slice(100).map((u) => u.unit));
      expect(html).toContain("第 101–120 名");
      expect(html).toContain("第 3 / 3 页");
      expect(html).toContain('href="/stats?session=3&amp;page=2"');
      expect(html).not.toContain("下一页");
    }
  });

  it("has no pager and no ranks in its heading when every unit fits on one page", () => {
    const html = table(units.slice(0, 50), 1);
    expect(rowHeaders(html)).toHaveLength(50);
    expect(html).toContain("各主办单位（按按时办复率排序）");
    expect(html).not.toContain("分页");
  });

  it("stays a table on a phone: no cell repeats its column's name", () => {
    const html = table(units, 1);
    expect(html).toContain('class="data-table figure-grid"');
    expect(html).not.toContain("data-label");
  });
});
