/** The statistics charts as server-rendered SVG: named for assistive technology, with the data in words. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";

describe("HorizontalBarChart", () => {
  const html = renderToStaticMarkup(
    createElement(HorizontalBarChart, {
      title: "满意率（办理结果）（按主办单位）",
      items: [
        { label: "科技创新局", value: { count: 3, of: 4 } },
        { label: "建设局", value: { count: 0, of: 0 } },
      ],
    }),
  );

  it("is an image whose label and description state every unit's rate", () => {
    const summary = "满意率（办理结果）（按主办单位）：科技创新局 75%（3/4）；建设局 —（0/0）";
    expect(html).toMatch(/^<svg role="img" aria-label="满意率（办理结果）（按主办单位）：科技创新局 75%（3\/4）；建设局 —（0\/0）"/);
    expect(html).toContain("<title>满意率（办理结果）（按主办单位）</title>");
    expect(html).toContain(`<desc>${summary}</desc>`);
  });

  it("draws each bar in proportion to its rate, and none where nothing was counted", () => {
    expect(html).toContain('<rect x="0" y="18" width="390" height="14" fill="#1d4f91"></rect>');
    expect(html).toContain('<rect x="0" y="58" width="0" height="14" fill="#1d4f91"></rect>');
  });

  it("says so when there are no units", () => {
    expect(renderToStaticMarkup(createElement(HorizontalBarChart, { title: "满意率", items: [] }))).toContain(
      'aria-label="满意率：无数据"',
    );
  });
});

describe("StackedBarChart", () => {
  const html = renderToStaticMarkup(
    createElement(StackedBarChart, {
      title: "各届次会议提案办理状态",
      series: [
        { label: "办理中", color: "#2563eb" },
        { label: "已办结", color: "#14532d" },
      ],
      rows: [
        { label: "第一次会议", values: [1, 3] },
        { label: "第二次会议", values: [2, 0] },
      ],
    }),
  );

  it("is an image whose label states each session's total and counts per state", () => {
    expect(html).toContain(
      'aria-label="各届次会议提案办理状态：第一次会议 共 4 件，办理中 1、已办结 3；第二次会议 共 2 件，办理中 2、已办结 0"',
    );
    expect(html).toContain("<title>各届次会议提案办理状态</title>");
  });

  it("stacks the segments on a scale common to all rows, leaving out empty ones", () => {
    expect(html).toContain('<rect x="0" y="46" width="140" height="16" fill="#2563eb"><title>办理中 1 件</title></rect>');
    expect(html).toContain('<rect x="140" y="46" width="420" height="16" fill="#14532d"><title>已办结 3 件</title></rect>');
    expect(html).toContain('<rect x="0" y="88" width="280" height="16" fill="#2563eb"><title>办理中 2 件</title></rect>');
    expect(html).not.toContain("已办结 0 件</title>");
  });
});
