/**
 * Load through nginx while the walk goes on (e2e/multi-instance/multi-instance.spec.ts): several handlers save
 * reply drafts and contact records on proposals of their own units through the real server actions (as
 * scripts/crash-test.ts does, with session cookies minted for the instances' secret), and readers fetch the
 * public site and staff pages. Plain fetch from this process, to the public origin (its name resolved to
 * loopback: cluster.ts, resolveSiteNameToLoopback); every request is kept with its time and answer,
 * and every write answered {ok: true} with the marker that finds it in the database.
 */
import { randomBytes } from "node:crypto";
import { isoDateInChina } from "../../lib/format";
import { readDatabase } from "../../scripts/lib/read-database";
import { callServerAction, serverActionIds } from "../../scripts/lib/server-action";
import { handlerWriteFields } from "../../scripts/lib/handler-writes";
import { mintSessionToken, SESSION_COOKIE } from "../../scripts/lib/session-cookie";
import { sleep } from "./cluster";
import { MULTI } from "./env";

export type Sample = {
  method: "GET" | "POST";
  what: string;
  start: number;
  end: number;
  /** HTTP status; null when no answer came (the connection failed). */
  status: number | null;
  failed: boolean;
  /** What the client got when it failed: the status and the start of the body, or the error. */
  answer: string;
};

export type Write = { kind: "draft" | "contact"; proposalId: number; marker: string };

type Target = { proposalId: number; username: string };
type Writer = Target & { token: string; version: number };

const MARKER = "多实例测试";
export const draftBody = (marker: string) => `经研究，现将办理情况答复如下。（${marker}）`;
export const contactSummary = (marker: string) => `电话沟通办理思路（${marker}）`;

/** Proposals in handling whose lead unit has accepted them, each with a handler of that unit (one per unit). */
async function findTargets(count: number): Promise<Target[]> {
  const rows = await readDatabase(MULTI.databaseUrl, (db) =>
    db.rows<Target>(
      // The handler the unit divided it to (分办), else the unit's first handler.
      `select p.id as "proposalId", coalesce(max(named.username), min(u.username)) as username
         from proposals p
         join assignments a on a.proposal_id = p.id and a.role = 'lead' and a.status = 'accepted'
         left join users named on named.id = a.assignee_id
         join users u on u.unit_id = a.unit_id and u.role = 'handler' and not u.disabled
        where p.status in ('handling', 'rehandling')
        group by p.id
        order by p.id`,
    ),
  );
  const byUser = new Map<string, Target>();
  for (const row of rows) if (!byUser.has(row.username)) byUser.set(row.username, row);
  return [...byUser.values()].slice(0, count);
}

const versionOf = async (proposalId: number) =>
  (
    await readDatabase(MULTI.databaseUrl, (db) => db.rows<{ version: number }>("select version from proposals where id = ?", proposalId))
  )[0]!.version;

export class Load {
  readonly samples: Sample[] = [];
  /** Writes answered {ok: true}. */
  readonly acknowledged: Write[] = [];
  /** Writes that got no success answer (an error, a 5xx, a refusal): they may or may not have committed. */
  readonly unacknowledged: Write[] = [];
  private stopping = false;
  private loops: Promise<void>[] = [];
  private writers: Writer[] = [];

  constructor(
    private readonly options: {
      writers: number;
      readers: number;
      /** A published reply's public page to read, and a word its search finds. */
      publishedId: number;
      searchWord: string;
    },
  ) {}

  /** A proposal in handling of another handler, which the load leaves alone (for a person at a browser). */
  spare: Target | null = null;

  get targets(): readonly Target[] {
    return this.writers;
  }

  async start() {
    const targets = await findTargets(this.options.writers + 1);
    if (targets.length <= this.options.writers)
      throw new Error(`only ${targets.length} proposals in handling for ${this.options.writers} writers and a spare`);
    this.spare = targets.pop()!;
    for (const t of targets)
      this.writers.push({
        ...t,
        token: await mintSessionToken(MULTI.databaseUrl, MULTI.authSecret, t.username),
        version: await versionOf(t.proposalId),
      });
    const ids = serverActionIds(MULTI.distDir);
    const actions = {
      draft: ids.get("app/(staff)/proposals/[id]/actions.ts#saveReplyDraft")!,
      contact: ids.get("app/(staff)/proposals/[id]/actions.ts#recordContact")!,
    };
    if (!actions.draft || !actions.contact) throw new Error(`no saveReplyDraft / recordContact in ${MULTI.distDir}`);
    this.loops = [
      ...this.writers.map(async (w, i) => this.write(w, i, actions)),
      ...Array.from({ length: this.options.readers }, async (_, i) => this.read(i)),
    ];
  }

  async stop() {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  private record(sample: Sample) {
    this.samples.push(sample);
  }

  /** One writer: a reply draft three times in four, else a contact record, one after another with a short pause. */
  private async write(writer: Writer, index: number, actions: { draft: string; contact: string }) {
    const today = isoDateInChina(new Date());
    for (let n = 0; !this.stopping; n++) {
      const kind: Write["kind"] = n % 4 === 3 ? "contact" : "draft";
      const marker = `${MARKER} 客户${index} 第${n}次 ${randomBytes(4).toString("hex")}`;
      const write = { kind, proposalId: writer.proposalId, marker };
      const fields = handlerWriteFields({
        kind,
        proposalId: writer.proposalId,
        version: writer.version,
        text: kind === "draft" ? draftBody(marker) : contactSummary(marker),
        today,
      });
      const start = Date.now();
      try {
        const response = await callServerAction({
          baseURL: MULTI.origin,
          page: `/proposals/${writer.proposalId}`,
          actionId: kind === "draft" ? actions.draft : actions.contact,
          fields,
          sessionToken: writer.token,
          signal: AbortSignal.timeout(60_000),
        });
        const result = response.result as { ok?: boolean; error?: string } | undefined;
        const ok = response.status === 200 && result?.ok === true;
        this.record({
          method: "POST",
          what: `${kind} ${writer.proposalId}`,
          start,
          end: Date.now(),
          status: response.status,
          failed: !ok,
          answer: ok ? "" : `HTTP ${response.status} ${result?.error ?? snippet(response.body)}`,
        });
        if (ok) {
          this.acknowledged.push(write);
          writer.version++;
        } else {
          this.unacknowledged.push(write);
          writer.version = await versionOf(writer.proposalId);
        }
      } catch (error) {
        this.record({
          method: "POST",
          what: `${kind} ${writer.proposalId}`,
          start,
          end: Date.now(),
          status: null,
          failed: true,
          answer: String(error),
        });
        this.unacknowledged.push(write);
        writer.version = await versionOf(writer.proposalId);
      }
      await sleep(100);
    }
  }

  /** One reader: the public site (list, search, a reply, feed, sitemap) and, as a handler, 待办 and a proposal's page. */
  private async read(index: number) {
    const writer = this.writers[index % this.writers.length]!;
    const staff = { Cookie: `${SESSION_COOKIE}=${writer.token}` };
    const pages: [string, Record<string, string>][] = [
      ["/open", {}],
      [`/open?q=${encodeURIComponent(this.options.searchWord)}`, {}],
      [`/open/${this.options.publishedId}`, {}],
      ["/open/feed.xml", {}],
      ["/sitemap.xml", {}],
      ["/work", staff],
      [`/proposals/${writer.proposalId}`, staff],
    ];
    for (let n = index; !this.stopping; n++) {
      const [pathname, headers] = pages[n % pages.length]!;
      const start = Date.now();
      try {
        const response = await fetch(`${MULTI.origin}${pathname}`, {
          redirect: "manual",
          headers: { "Accept-Encoding": "gzip", ...headers },
          signal: AbortSignal.timeout(60_000),
        });
        const body = await response.text();
        this.record({
          method: "GET",
          what: pathname,
          start,
          end: Date.now(),
          status: response.status,
          failed: response.status !== 200,
          answer: response.status === 200 ? "" : `HTTP ${response.status} ${response.headers.get("location") ?? snippet(body)}`,
        });
      } catch (error) {
        this.record({ method: "GET", what: pathname, start, end: Date.now(), status: null, failed: true, answer: String(error) });
      }
      await sleep(100);
    }
  }
}

/** The start of an answer's body as one line (nginx's error page: its title). */
const snippet = (body: string) => {
  const title = /<title>([^<]*)<\/title>/i.exec(body);
  return (title ? title[1]! : body).replace(/\s+/g, " ").slice(0, 100);
};

/** The writes of `writes` found in the database, by their markers. */
export async function writesPresent(writes: readonly Write[]): Promise<Write[]> {
  const found = await readDatabase(MULTI.databaseUrl, async (db) => {
    const drafts = await db.rows<{ k: string }>(
      `select proposal_id || ':' || body as k from reply_drafts where body like ?`,
      `%${MARKER}%`,
    );
    const contacts = await db.rows<{ k: string }>(
      `select proposal_id || ':' || summary as k from contact_records where summary like ?`,
      `%${MARKER}%`,
    );
    return new Set([...drafts, ...contacts].map((r) => r.k));
  });
  return writes.filter((w) => found.has(`${w.proposalId}:${w.kind === "draft" ? draftBody(w.marker) : contactSummary(w.marker)}`));
}
