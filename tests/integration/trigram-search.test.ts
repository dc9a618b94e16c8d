/**
 * Searches answered by the trigram indexes give what a LIKE over every text gives: the public search
 * (public_search) and the staff list's search (proposal_titles), for words of any length, a word at the
 * very end of a text included (where no trigram begins with it but for the two line feeds appended).
 */
import { afterEach, describe, expect, it } from "vitest";
import { listProposals } from "@/db/queries/proposals";
import { searchPublished } from "@/db/queries/public";
import { searchPlan, searchTerms } from "@/lib/public-search";
import { demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

const like = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

describe("trigram search", () => {
  it("finds on the public site exactly what LIKE finds, for short and long words", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const sqlite = t.db.$client;
    const texts = sqlite.prepare("select rowid as id, title || body as text from public_search").all() as { id: number; text: string }[];
    expect(texts.length).toBeGreaterThan(3);
    // Words from the indexed texts: their last two characters (the end of a text), and a few inside.
    const words = new Set<string>(["博士", "人才红利", "人才", "科", "不存在的词", "X"]);
    for (const { text } of texts.slice(0, 5)) {
      const trimmed = text.trimEnd();
      words.add(trimmed.slice(-2));
      words.add(trimmed.slice(10, 12));
      words.add(trimmed.slice(20, 24));
    }
    for (const word of [...words].filter((w) => searchTerms(w).length === 1 && searchTerms(w)[0] === w)) {
      const expected = sqlite
        .prepare("select rowid from public_search where title like ? escape '\\' or body like ? escape '\\' order by rowid")
        .pluck()
        .all(like(word), like(word));
      const found = searchPublished(t.db, searchPlan([word])!, {}, 1);
      expect(found.total, word).toBe(expected.length);
      const all = Array.from({ length: Math.ceil(found.total / 15) }, (_, i) => searchPublished(t.db, searchPlan([word])!, {}, i + 1).items.map((h) => h.id)).flat();
      expect(all.sort((a, b) => a - b), word).toEqual(expected);
    }
  });

  it("finds in the staff list by title, also by a word that ends the title, by proposer and by number; a unit's list", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const registered = t.register(991, { title: "关于改善老旧小区停车" });
    if (!registered.ok) throw new Error(registered.reason);
    const sqlite = t.db.$client;
    const ids = (q: string) =>
      listProposals(t.db, { q, pageSize: 1000 })
        .rows.map((r) => r.id)
        .sort((a, b) => a - b);
    const byTitle = (q: string) =>
      sqlite.prepare("select id from proposals where title like ? escape '\\' order by id").pluck().all(like(q)) as number[];
    for (const q of ["停车", "老旧小区停车", "车", "人才", "科技创新", "没有这个词"]) expect(ids(q), q).toEqual(byTitle(q));
    expect(ids("停车")).toContain(registered.data.id);
    const liu = t.user("liuxr");
    const led = sqlite.prepare("select proposal_id from proposal_signers where role = 'lead' and user_id = ? order by proposal_id").pluck().all(liu.id) as number[];
    expect(led.length).toBeGreaterThan(0);
    expect(ids(liu.displayName)).toEqual([...new Set([...led, ...byTitle(liu.displayName)])].sort((a, b) => a - b));
    const n180 = sqlite.prepare("select id from proposals where number = 180").pluck().all() as number[];
    expect(ids("180")).toEqual([...new Set([...n180, ...byTitle("180")])].sort((a, b) => a - b));

    // A unit's list, counted from its assignments: the proposals it has a live assignment on.
    const unitId = t.unit("重庆高新区科技创新局");
    const handled = sqlite
      .prepare("select proposal_id from assignments where unit_id = ? and status <> 'withdrawn' order by proposal_id")
      .pluck()
      .all(unitId) as number[];
    const list = listProposals(t.db, { unitId, pageSize: 1000 });
    expect(list.total).toBe(handled.length);
    expect(list.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(handled);
  });
});
