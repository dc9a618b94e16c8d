import { describe, expect, it } from "vitest";
import { convertStrings, toSimplified, toTraditional } from "@/lib/hant";
import { parsePublicQuery, publicQueryString } from "@/lib/public-filters";
import { parsePrefs, safeReturnPath } from "@/lib/public-prefs";
import { excerpt, highlight, searchPlan, searchTerms, shortTermMatch } from "@/lib/public-search";

describe("search words", () => {
  it("splits on spaces and punctuation, drops repeats, keeps at most five", () => {
    expect(searchTerms("  人才红利，博士 博士《科学城》")).toEqual(["人才红利", "博士", "科学城"]);
    expect(searchTerms("a b c d e f g")).toHaveLength(5);
    expect(searchTerms("   ")).toEqual([]);
  });

  it("sends words of three characters or more to MATCH as quoted phrases", () => {
    expect(searchPlan(["人才红利"])).toEqual({ match: '"人才红利"', short: [] });
    expect(searchPlan(["人才红利", "科学城"])).toEqual({ match: '"人才红利" AND "科学城"', short: [] });
    expect(searchPlan(['a"bc'])).toEqual({ match: '"a""bc"', short: [] });
    // A NUL would end the FTS5 query string in the middle of the phrase.
    expect(searchPlan(["a\u0000bc"])).toEqual({ match: '"abc"', short: [] });
  });

  it("keeps one- and two-character words apart, which trigram MATCH cannot answer, with their LIKE patterns", () => {
    expect(searchPlan(["博士"])).toEqual({ match: null, short: [{ word: "博士", like: "%博士%" }] });
    expect(searchPlan(["人才红利", "博士", "城"])).toEqual({
      match: '"人才红利"',
      short: [
        { word: "博士", like: "%博士%" },
        { word: "城", like: "%城%" },
      ],
    });
    expect(searchPlan(["5%"])).toEqual({ match: null, short: [{ word: "5%", like: "%5\\%%" }] });
    expect(searchPlan(["a_"])).toEqual({ match: null, short: [{ word: "a_", like: "%a\\_%" }] });
  });

  it("matches a short word as any of the trigrams that begin with it", () => {
    expect(shortTermMatch(["博士后", "博士\n", 'a"b'])).toBe('("博士后" OR "博士\n" OR "a""b")');
  });

  it("plans nothing for an empty query", () => {
    expect(searchPlan([])).toBeNull();
  });
});

describe("highlighting", () => {
  it("marks every occurrence and merges overlapping matches", () => {
    expect(highlight("博士和博士后", ["博士"])).toEqual([
      { text: "博士", match: true },
      { text: "和", match: false },
      { text: "博士", match: true },
      { text: "后", match: false },
    ]);
    expect(highlight("人才红利", ["人才", "才红"])).toEqual([
      { text: "人才红", match: true },
      { text: "利", match: false },
    ]);
  });

  it("cuts an excerpt around the first match with ellipses", () => {
    const text = `${"甲".repeat(100)}博士${"乙".repeat(200)}`;
    const segments = excerpt(text, ["博士"], 10);
    expect(segments.map((s) => s.text).join("")).toBe(`…${"甲".repeat(10)}博士${"乙".repeat(18)}…`);
    expect(segments.find((s) => s.match)?.text).toBe("博士");
    expect(
      excerpt("短文", ["无"])
        .map((s) => s.text)
        .join(""),
    ).toBe("短文");
  });
});

describe("filters in the query string", () => {
  it("reads valid filters and ignores malformed ones", () => {
    expect(parsePublicQuery({ q: " 博士 ", year: "2026", unit: "3", topic: "科技、教育", kind: "proposal", page: "2" })).toEqual({
      q: "博士",
      year: 2026,
      unitId: 3,
      topic: "科技、教育",
      kind: "proposal",
      page: 2,
    });
    expect(parsePublicQuery({ year: "20x6", unit: "-1", kind: "other", page: "0" })).toEqual({
      q: "",
      year: undefined,
      unitId: undefined,
      topic: undefined,
      kind: undefined,
      page: 1,
    });
  });

  it("writes them back with the page", () => {
    expect(publicQueryString({ q: "博士", kind: "suggestion", page: 1 }, 3)).toBe("?q=%E5%8D%9A%E5%A3%AB&kind=suggestion&page=3");
    expect(publicQueryString({ q: "", page: 1 })).toBe("");
  });
});

describe("繁體版 and the preference toggles", () => {
  it("converts to Traditional Chinese with 發布 as government sites write it", () => {
    expect(toTraditional("发布机构")).toBe("發布機構");
    expect(toTraditional("索引号 主题分类 关于抢抓人才红利机遇")).toBe("索引號 主題分類 關於搶抓人才紅利機遇");
    expect(toSimplified("人才紅利")).toBe("人才红利");
  });

  it("converts every string of a value", () => {
    expect(convertStrings({ a: "发布", b: ["机构", 3], c: null }, toTraditional)).toEqual({ a: "發布", b: ["機構", 3], c: null });
  });

  it("reads the cookies and returns only to pages of the public site", () => {
    expect(parsePrefs({ lang: "hant", care: "1" })).toEqual({ traditional: true, care: true });
    expect(parsePrefs({})).toEqual({ traditional: false, care: false });
    expect(safeReturnPath("/open/12?x=1")).toBe("/open/12?x=1");
    expect(safeReturnPath("/open")).toBe("/open");
    expect(safeReturnPath("https://evil.example/")).toBe("/open");
    expect(safeReturnPath("//evil.example/open")).toBe("/open");
    expect(safeReturnPath("/openevil")).toBe("/open");
    expect(safeReturnPath("/work")).toBe("/open");
  });
});
