/** The staff lists' pager: its links look like links (WCAG 1.4.1: not by their place alone). */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pagination } from "@/components/pagination";

describe("Pagination", () => {
  it("underlines 上一页 and 下一页 in the link colour, and shows where the reader is", () => {
    const html = renderToStaticMarkup(createElement(Pagination, { page: 2, pages: 3, href: (p: number) => `/admin/users?page=${p}` }));
    expect(html).toContain('<a class="text-brand-700 underline" href="/admin/users?page=1">上一页</a>');
    expect(html).toContain('<a class="text-brand-700 underline" href="/admin/users?page=3">下一页</a>');
    expect(html).toContain("<span>第 2 / 3 页</span>");
  });

  it("is left out when everything fits on one page", () => {
    expect(renderToStaticMarkup(createElement(Pagination, { page: 1, pages: 1, href: () => "/" }))).toBe("");
  });
});
