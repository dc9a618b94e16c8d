/**
 * Searches answered by the trigram indexes give what a LIKE over every text gives: the public search
 * (public_search) and the staff list's search (proposal_titles, proposal_bodies), for words of any length, a word at the
 * very end of a text included (where no trigram begins with it but for the two line feeds appended).
 */
import { afterEach, describe, expect, it } from "vitest";
import { listProposals } from "@/db/queries/proposals";
import { searchPublished } from "@/db/queries/public";
import { searchPlan, searchTerms } from "@/lib/public-search";
import { sqliteOf } from "./temp-db";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

const like = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

describe("trigram search", () => {
  it("finds on the public site exactly what LIKE finds, for short and long words", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const sqlite = sqliteOf(t.db);
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
      const found = await searchPublished(t.db, searchPlan([word])!, {}, 1);
      expect(found.total, word).toBe(expected.length);
      const all = (
        await Promise.all(
          Array.from({ length: Math.ceil(found.total / 15) }, async (_, i) =>
            (await searchPublished(t.db, searchPlan([word])!, {}, i + 1)).items.map((h) => h.id),
          ),
        )
      ).flat();
      expect(
        all.sort((a, b) => a - b),
        word,
      ).toEqual(expected);
    }
  });

  it("finds in the staff list by title and body, also by a word that ends the text, by proposer and co-signer, by unit and by number; a unit's list", async () => {
    const t = await demoDatabase();
    cleanup = t.cleanup;
    const registered = await t.register(991, { title: "关于改善老旧小区停车", body: "建议增设鲸落式立体停车库" });
    if (!registered.ok) throw new Error(registered.reason);
    const sqlite = sqliteOf(t.db);
    const ids = async (q: string) =>
      (await listProposals(t.db, { q }, { pageSize: 1000, today: DEMO_TODAY })).rows.map((r) => r.id).sort((a, b) => a - b);
    const byText = (q: string) =>
      sqlite
        .prepare("select id from proposals where title like ? escape '\\' or body like ? escape '\\' order by id")
        .pluck()
        .all(like(q), like(q)) as number[];
    const union = (...lists: number[][]) => [...new Set(lists.flat())].sort((a, b) => a - b);
    // Words none of the demo's names or units hold, so that the text alone decides.
    for (const q of ["停车", "老旧小区停车", "鲸落式立体停车库", "鲸落", "停车库", "车", "库", "人才", "没有这个词"])
      expect(await ids(q), q).toEqual(byText(q));
    expect(await ids("鲸落")).toEqual([registered.data.id]);
    const liu = await t.user("liuxr");
    const signed = sqlite
      .prepare("select proposal_id from proposal_signers where role in ('lead', 'cosigner') and user_id = ? order by proposal_id")
      .pluck()
      .all(liu.id) as number[];
    const cosigned = sqlite
      .prepare("select proposal_id from proposal_signers where role = 'cosigner' and user_id = ?")
      .pluck()
      .all(liu.id) as number[];
    expect(cosigned.length).toBeGreaterThan(0);
    expect(await ids(liu.displayName)).toEqual(union(signed, byText(liu.displayName)));
    const n180 = sqlite.prepare("select id from proposals where number = 180").pluck().all() as number[];
    expect(await ids("180")).toEqual(union(n180, byText("180")));
    const party = await t.unit("重庆高新区党群工作部");
    const partyHandles = sqlite
      .prepare("select proposal_id from assignments where unit_id = ? and status <> 'withdrawn'")
      .pluck()
      .all(party) as number[];
    expect(await ids("党群工作部")).toEqual(union(partyHandles, byText("党群工作部")));

    // A unit's list, counted from its assignments: the proposals it has a live assignment on.
    const unitId = await t.unit("重庆高新区科技创新局");
    const handled = sqlite
      .prepare("select proposal_id from assignments where unit_id = ? and status <> 'withdrawn' order by proposal_id")
      .pluck()
      .all(unitId) as number[];
    const list = await listProposals(t.db, { unitId }, { pageSize: 1000, today: DEMO_TODAY });
    expect(list.total).toBe(handled.length);
    expect(list.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(handled);
  });
});
