/**
 * The PostgreSQL search reads a plan's long words back from its FTS5 MATCH expression (db/search/
 * pg-public-search.ts): every word of three characters or more, as SQLite matches it (without NULs).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planLongWords } from "@/db/search/pg-public-search";
import { pgWordTest } from "@/db/search/pg-text-match";
import { searchPlan, TRIGRAM } from "@/lib/public-search";

describe("the PostgreSQL search's words", () => {
  it("reads back every long word of the plan, quotes included, NULs left out", () => {
    expect(planLongWords(searchPlan(["人才红利", "博士", 'a"b"c', "科学城"])!)).toEqual(["人才红利", 'a"b"c', "科学城"]);
    expect(planLongWords(searchPlan(["博士"])!)).toEqual([]);
    // Quotes and NULs among the characters, which the MATCH expression escapes or drops.
    const unit = fc.oneof(fc.constantFrom('"', "\u0000", "博", "a"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(fc.string({ unit, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 }), (terms) => {
        const long = terms.filter((t) => Array.from(t).length >= TRIGRAM).map((t) => t.replaceAll("\u0000", ""));
        expect(planLongWords(searchPlan(terms)!)).toEqual(long);
      }),
    );
  });

  it("matches nothing for a word that no text can hold, as SQLite", () => {
    // A phrase left with two characters once its NUL is removed: a trigram index matches nothing with it.
    expect(pgWordTest("a\u0000b")).toBeNull();
    expect(pgWordTest("a\u0000")).toBeNull();
    expect(pgWordTest("a\u0000bc")).not.toBeNull();
    expect(pgWordTest("博士")).not.toBeNull();
  });
});
