/**
 * What the plan tests share (query-plans.test.ts for the reads, write-plans.test.ts for the writes and the
 * triggers): the rule that a statement reads no big table in full, and the data that gives the planner
 * the proportions of a real database.
 */
import type Database from "better-sqlite3";
import { DEMO_TODAY } from "./demo-db";

/** A statement as it was run: its SQL and the parameters bound to it. */
export type Statement = { sql: string; params: unknown[] };

/**
 * Tables that do not grow with the proposals, where reading one in full is fine: lookups, and
 * pending_publications, which holds only the replies still waiting for a decision (what the board lists).
 */
export const LOOKUP_TABLES = new Set([
  "units",
  "sections",
  "categories",
  "sessions",
  "settings",
  "statistics_versions",
  "users",
  "pending_publications",
]);
/** Full-text tables: read only through MATCH or by rowid. Their vocabularies: only for given terms. */
export const FULL_TEXT = new Set(["public_search", "proposal_titles", "proposal_bodies"]);
export const VOCABULARIES = new Set(["public_search_terms", "proposal_titles_terms", "proposal_bodies_terms"]);

/** What each name after FROM or JOIN stands for: the table itself, or an alias of it. */
export function tableNames(text: string): Map<string, string> {
  const names = new Map<string, string>();
  const keyword = /^(on|where|left|inner|cross|join|group|order|limit|using|natural|union|select|set|values|as)$/i;
  for (const m of text.matchAll(/\b(?:from|join)\s+["`]?(\w+)["`]?(?:\s+(?:as\s+)?["`]?(\w+)["`]?)?/gi)) {
    const table = m[1]!;
    names.set(table, table);
    if (m[2] && !keyword.test(m[2])) names.set(m[2], table);
  }
  return names;
}

/** The plan lines of a statement that read a big table in full, with the reason; empty when the plan is fine. */
export function fullScans(sqlite: Database.Database, statement: Statement, context = ""): string[] {
  const tables = new Set(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
  // `context`: more SQL whose aliases the plan may name (the views a trigger reads).
  const names = tableNames(`${statement.sql} ${context}`);
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...(statement.params as unknown[])) as { detail: string }[];
  const problems: string[] = [];
  for (const { detail } of plan) {
    const m = /^(SCAN|SEARCH) (\S+)(.*)$/.exec(detail);
    if (!m) continue;
    const [, how, name, rest] = m as unknown as [string, string, string, string];
    const table = names.get(name) ?? name;
    if (!tables.has(table) || LOOKUP_TABLES.has(table)) continue;
    const virtual = /VIRTUAL TABLE INDEX (\d+):(\S*)/.exec(rest);
    if (FULL_TEXT.has(table)) {
      if (!virtual || !/[M=]/.test(virtual[2]!)) problems.push(`${detail}: full-text table read without MATCH`);
    } else if (VOCABULARIES.has(table)) {
      if (!virtual || virtual[1] === "0") problems.push(`${detail}: whole vocabulary read`);
    } else if (/AUTOMATIC/.test(rest)) {
      problems.push(`${detail}: automatic index on a big table`);
    } else if (how === "SCAN" && !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(rest)) {
      problems.push(`${detail}: full scan of a big table`);
    }
  }
  return problems;
}

/**
 * Proposals enough for the planner to see which indexes pay: four more sessions and 30 units, each
 * proposal with its proposers, assignments, contact, drafts, reply, publication, receipts, events and
 * notices in the usual proportions (most replied and published, some still being handled).
 */
export async function generate(sqlite: Database.Database, proposals: number) {
  let seed = 10;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const now = Date.parse(`${DEMO_TODAY}T09:00:00+08:00`);
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const run = (text: string, ...values: unknown[]) => Number(sqlite.prepare(text).run(...values).lastInsertRowid);
  sqlite.transaction(() => {
    const coordinator = sqlite.prepare("select id from users where role = 'coordinator'").pluck().get() as number;
    const units = Array.from({ length: 30 }, (_, i) =>
      run(
        "insert into units (name, short_name, doc_prefix, index_prefix, kind, created_at) values (?, ?, ?, ?, 'department', ?)",
        `测试单位${i}局`,
        `测试${i}局`,
        `渝测${i}函`,
        `11500107TEST${i}X`,
        now,
      ),
    );
    const staff = new Map(
      units.map((u) => [
        u,
        {
          handler: run(
            "insert into users (username, display_name, role, unit_id, created_at) values (?, ?, 'handler', ?, ?)",
            `h-${u}`,
            `承办人${u}`,
            u,
            now,
          ),
          director: run(
            "insert into users (username, display_name, role, unit_id, title, created_at) values (?, ?, 'director', ?, '局长', ?)",
            `d-${u}`,
            `负责人${u}`,
            u,
            now,
          ),
        },
      ]),
    );
    const members = Array.from({ length: 200 }, (_, i) =>
      run("insert into users (username, display_name, role, created_at) values (?, ?, 'member', ?)", `m-${i}`, `委员${i}`, now),
    );
    const categories = sqlite.prepare("select id, name from categories").all() as { id: number; name: string }[];
    const sessions = [2022, 2023, 2024, 2025].flatMap((year) =>
      (["proposal", "suggestion"] as const).map((kind) => ({
        year,
        kind,
        id: run(
          "insert into sessions (body, term, meeting, year, kind, created_at) values (?, '第九届', ?, ?, ?, ?)",
          kind === "proposal" ? "政协测试委员会" : "测试人民代表大会",
          `第${year - 2021}次会议`,
          year,
          kind,
          now,
        ),
      })),
    );
    const words = ["停车", "人才", "科技创新", "养老服务", "生态环境", "营商环境", "教育", "交通", "医疗", "社区"];
    const serials = new Map<string, number>();
    const next = (key: string) => {
      serials.set(key, (serials.get(key) ?? 0) + 1);
      return serials.get(key)!;
    };
    for (let n = 1; n <= proposals; n++) {
      const session = pick(sessions);
      const category = pick(categories);
      const old = session.year < 2025;
      const status = old
        ? pick(["closed", "closed", "closed", "replied"] as const)
        : pick(["registered", "assigned", "handling", "handling", "in_review", "replied", "closed"] as const);
      const received = Date.parse(`${session.year}-01-20T09:00:00+08:00`) + Math.floor(random() * 30) * day;
      const title = `关于${pick(words)}和${pick(words)}工作的建议${n}`;
      const id = run(
        "insert into proposals (session_id, number, title, category_id, body, received_on, assigned_on, status, round, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        session.id,
        1000 + n,
        title,
        category.id,
        `${title}。建议加强${pick(words)}。`,
        iso(received),
        status === "registered" ? null : iso(received + 5 * day),
        status,
        received,
        received + 60 * day,
      );
      const proposer = pick(members);
      run("insert into proposal_signers (proposal_id, user_id, role, position) values (?, ?, 'lead', 0)", id, proposer);
      run(
        "insert into events (proposal_id, actor_id, action, to_state, created_at) values (?, ?, 'register', 'registered', ?)",
        id,
        coordinator,
        received,
      );
      if (status === "registered") continue;
      const lead = pick(units);
      const co = pick(units.filter((u) => u !== lead));
      const assigned = received + 5 * day;
      const replied = ["replied", "closed"].includes(status);
      const accepted = status !== "assigned";
      const assign = (role: "lead" | "co", unit: number, dueDays: number) =>
        run(
          "insert into assignments (proposal_id, unit_id, role, status, handler_id, assigned_on, accept_due, due, accepted_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          id,
          unit,
          role,
          replied ? "done" : accepted ? "accepted" : "pending",
          accepted ? staff.get(unit)!.handler : null,
          iso(assigned),
          iso(assigned + 7 * day),
          iso(assigned + dueDays * day),
          accepted ? assigned + 3 * day : null,
          assigned,
        );
      const leadId = assign("lead", lead, 90);
      const coId = assign("co", co, 30);
      run(
        "insert into events (proposal_id, actor_id, action, from_state, to_state, created_at) values (?, ?, 'assign', 'registered', 'assigned', ?)",
        id,
        coordinator,
        assigned,
      );
      if (!accepted) continue;
      const handler = staff.get(lead)!.handler;
      // 申请延期, now and then (about 0.6 % of the bench data's proposals), most of them decided.
      if (random() < 0.01)
        run(
          "insert into extension_requests (assignment_id, requested_by, reason, requested_until, status, created_at) values (?, ?, '需要更多时间', ?, ?, ?)",
          leadId,
          handler,
          iso(assigned + 120 * day),
          pick(["pending", "approved", "approved", "rejected"]),
          assigned + 30 * day,
        );
      run(
        "insert into co_opinions (assignment_id, body, status, author_id, created_at, updated_at) values (?, '协办意见', ?, ?, ?, ?)",
        coId,
        replied ? "sent" : pick(["draft", "submitted"]),
        staff.get(co)!.handler,
        assigned + 10 * day,
        assigned + 10 * day,
      );
      run(
        "insert into contact_records (proposal_id, unit_id, round, contacted_on, method, participants, summary, created_by, created_at) values (?, ?, 1, ?, ?, '承办人与委员', '沟通', ?, ?)",
        id,
        lead,
        iso(assigned + 20 * day),
        pick(["face", "phone", "forum", "visit", "written"]),
        handler,
        assigned + 20 * day,
      );
      if (status === "handling") continue;
      const written = assigned + 60 * day;
      const draft = run(
        "insert into reply_drafts (proposal_id, unit_id, round, version, body, result_class, contact_person, contact_phone, disclosure, author_id, created_at) values (?, ?, 1, 1, ?, ?, '承办人', '023-00000000', 'full', ?, ?)",
        id,
        lead,
        `关于${pick(words)}的答复。${pick(words)}工作已推进。`,
        pick(["A", "B", "C", "D"]),
        handler,
        written - 5 * day,
      );
      if (status === "in_review") continue;
      const director = staff.get(lead)!.director;
      const signOff = run(
        "insert into sign_offs (proposal_id, draft_id, decision, signer_id, signer_name, created_at) values (?, ?, 'approve', ?, '负责人', ?)",
        id,
        draft,
        director,
        written,
      );
      const serial = next(`${lead}-${session.year}`);
      const reply = run(
        "insert into replies (proposal_id, round, draft_id, unit_id, doc_year, doc_serial, doc_number, written_on, sign_off_id, reply_due, receipt_due, publication_due, created_at) values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        draft,
        lead,
        session.year,
        serial,
        `渝测${lead}函〔${session.year}〕${serial}号`,
        iso(written),
        signOff,
        iso(assigned + 90 * day),
        iso(written + 30 * day),
        iso(written + 20 * day),
        written,
      );
      run(
        "insert into events (proposal_id, actor_id, action, from_state, to_state, created_at) values (?, ?, 'approve', 'in_review', 'replied', ?)",
        id,
        director,
        written,
      );
      if (random() < 0.9) {
        const published = random() < 0.95;
        const indexSerial = published ? next(`pub-${lead}-${session.year}`) : null;
        run(
          "insert into publications (reply_id, status, mode, publisher_unit_id, index_year, index_serial, index_number, topic, genre, publisher_name, written_on, published_on, withheld_reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          reply,
          published ? "published" : "withheld",
          published ? "full" : "none",
          lead,
          published ? session.year : null,
          indexSerial,
          published ? `11500107TEST${lead}X/${session.year}-${String(indexSerial).padStart(5, "0")}` : null,
          category.name,
          session.kind === "proposal" ? "政协提案办理" : "人大建议办理",
          `测试${lead}局`,
          iso(written),
          published ? iso(written + 3 * day) : null,
          published ? null : "涉及个人隐私",
          written + 3 * day,
        );
      }
      if (status === "closed") {
        run(
          "insert into receipts (reply_id, member_id, contact_report, attitude, result, recorded_by, created_at) values (?, ?, 'visited', ?, ?, ?, ?)",
          reply,
          proposer,
          pick(["satisfied", "basically"]),
          pick(["satisfied", "basically", "unsatisfied"]),
          proposer,
          written + 10 * day,
        );
      }
      run(
        "insert into notifications (user_id, proposal_id, kind, message, link, read_at, created_at) values (?, ?, 'replied', '已答复', '/', ?, ?)",
        proposer,
        id,
        random() < 0.8 ? written + day : null,
        written,
      );
    }
  })();
  sqlite.exec("ANALYZE");
}
