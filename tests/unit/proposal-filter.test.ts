import { describe, expect, it } from "vitest";
import { isFiltered, MAX_OVERDUE_DAYS, MAX_SEARCH_LENGTH, parseProposalQuery, proposalQueryString } from "@/lib/proposal-filter";
import { queryStringOf } from "@/lib/query-param";

describe("the staff list's filters in the query string", () => {
  it("reads every filter and the page", () => {
    const { filter, page } = parseProposalQuery({
      session: "3",
      kind: "suggestion",
      status: "handling",
      lead: "12",
      co: "7",
      category: "2",
      key: "1",
      overdue: "30",
      from: "2026-01-01",
      to: "2026-03-31",
      q: "刘新荣 养老",
      page: "4",
    });
    expect(filter).toEqual({
      session: 3,
      kind: "suggestion",
      status: "handling",
      lead: 12,
      co: 7,
      category: 2,
      key: true,
      overdue: 30,
      from: "2026-01-01",
      to: "2026-03-31",
      q: "刘新荣 养老",
    });
    expect(page).toBe(4);
    expect(isFiltered(filter)).toBe(true);
  });

  it("an empty query string is the whole list, page 1", () => {
    expect(parseProposalQuery({})).toEqual({ filter: {}, page: 1 });
    expect(parseProposalQuery(new URLSearchParams(""))).toEqual({ filter: {}, page: 1 });
    expect(isFiltered({})).toBe(false);
  });

  it("ignores bad values instead of refusing them", () => {
    const { filter, page } = parseProposalQuery({
      session: "abc",
      kind: "petition",
      status: "lost",
      lead: "-1",
      co: "1.5",
      category: "0",
      key: "yes",
      overdue: String(MAX_OVERDUE_DAYS + 1),
      from: "2026-02-30",
      to: "tomorrow",
      q: "   ",
      page: "0",
    });
    expect(filter).toEqual({});
    expect(page).toBe(1);
    expect(parseProposalQuery({ session: "99999999999", page: "100001", overdue: "0", lead: "1e3" })).toEqual({ filter: {}, page: 1 });
    // Objects and other shapes a query parser may hand over.
    expect(parseProposalQuery({ session: [] as string[], q: ["", "x"] }).filter).toEqual({});
  });

  it("normalises what it can read: spaces, full-width digits, a reversed date range, the first of a repeated parameter", () => {
    expect(parseProposalQuery({ session: " 5 ", overdue: "１５", page: "２" })).toEqual({ filter: { session: 5, overdue: 15 }, page: 2 });
    expect(parseProposalQuery({ from: "2026-05-01", to: "2026-01-01" }).filter).toEqual({ from: "2026-01-01", to: "2026-05-01" });
    expect(parseProposalQuery({ status: ["closed", "handling"], q: ["第一", "第二"] }).filter).toEqual({ status: "closed", q: "第一" });
    expect(parseProposalQuery(new URLSearchParams("status=closed&status=handling&key=on")).filter).toEqual({ status: "closed", key: true });
    // Checkbox spellings, an empty select (全部).
    expect(parseProposalQuery({ key: "true", kind: "", lead: "" }).filter).toEqual({ key: true });
  });

  it("keeps the search text as typed, but without control characters, runs of spaces or more than the maximum", () => {
    expect(parseProposalQuery({ q: "  养老\t\n服务  " }).filter.q).toBe("养老 服务");
    expect(parseProposalQuery({ q: "养\u0000老\u202e服务" }).filter.q).toBe("养 老 服务");
    const long = "养".repeat(MAX_SEARCH_LENGTH + 20);
    expect(parseProposalQuery({ q: long }).filter.q).toBe("养".repeat(MAX_SEARCH_LENGTH));
    // Characters outside the BMP count as one and are never cut in half.
    expect(Array.from(parseProposalQuery({ q: "𠀀".repeat(MAX_SEARCH_LENGTH + 1) }).filter.q!)).toHaveLength(MAX_SEARCH_LENGTH);
  });

  it("writes the filters back in a fixed order, the page only after the first, and reads them back alike", () => {
    const { filter } = parseProposalQuery({ q: "停车 180", key: "on", status: "closed", session: "2", to: "2026-06-30" });
    const text = proposalQueryString(filter);
    expect(text).toBe("session=2&status=closed&key=1&to=2026-06-30&q=%E5%81%9C%E8%BD%A6+180");
    expect(proposalQueryString(filter, 1)).toBe(text);
    expect(proposalQueryString(filter, 3)).toBe(`${text}&page=3`);
    expect(proposalQueryString({})).toBe("");
    expect(parseProposalQuery(new URLSearchParams(proposalQueryString(filter, 3)))).toEqual({ filter, page: 3 });
  });
});

describe("the list's address in its short form", () => {
  it("a form's submission (every field, empty ones too) is not the short form; the short form reads back as itself", () => {
    const submitted = { q: "刘新荣", session: "", kind: "proposal", status: "", overdue: "" };
    const { filter, page } = parseProposalQuery(submitted);
    const short = proposalQueryString(filter, page);
    expect(short).toBe("kind=proposal&q=%E5%88%98%E6%96%B0%E8%8D%A3");
    expect(queryStringOf(submitted)).not.toBe(short);
    const again = Object.fromEntries(new URLSearchParams(short));
    expect(queryStringOf(again)).toBe(short);
    expect(proposalQueryString(parseProposalQuery(again).filter, parseProposalQuery(again).page)).toBe(short);
    expect(queryStringOf({ status: ["closed", "handling"] })).toBe("status=closed&status=handling");
  });
});
