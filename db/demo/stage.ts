/**
 * Where the demo's scripts (handling.ts) are carried out: every act, of every proposal, in the order of
 * its moment, through the use cases with the clock held at that moment (db/clock.ts). The demo's few
 * dozen proposals and the benchmark's hundred thousand (scripts/bench) go through the same code.
 */
import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "../client";
import { atInstant } from "../clock";
import { param, preparedOnce } from "../prepared";
import type { Signer } from "../handling/sign-off";
import { openNotification } from "../queries/notifications";
import { notifications, replies, users } from "../schema";
import { SESSIONS, type ReferenceIds, type SessionKey } from "./reference";

/** Database ids of what the scripts name by key (units, sessions, categories) or by login (people). */
export type StoryIds = {
  unit(key: string): number;
  user(login: string): number;
  category(name: string): number;
  session(key: string): number;
};

/** Someone acting: as the workflow sees them, with the name and title a director signs with. */
export type Actor = Signer;

/** One act of a script: at `at`, carried out on the stage. */
export type Act = { at: Date; run(stage: Stage): Promise<void> };

/** The ids of the demo's reference rows. */
export function demoIds(ref: ReferenceIds): StoryIds {
  const lookup = (map: Map<string, number>, key: string) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`Demo data: unknown reference ${key}`);
    return id;
  };
  return {
    unit: (key) => {
      if (!(key in ref.units)) throw new Error(`Demo data: unknown unit ${key}`);
      return ref.units[key as keyof ReferenceIds["units"]];
    },
    user: (login) => lookup(ref.users, login),
    category: (name) => lookup(ref.categories, name),
    session: (key) => {
      if (!(key in SESSIONS)) throw new Error(`Demo data: unknown session ${key}`);
      return ref.sessions[key as SessionKey];
    },
  };
}

/** The notices sent after a given one: asked after every act, so built once (db/prepared.ts). */
const sentSince = preparedOnce((db: Db) =>
  db
    .select({ id: notifications.id, userId: notifications.userId, proposalId: notifications.proposalId, at: notifications.createdAt })
    .from(notifications)
    .where(gt(notifications.id, param("after")))
    .orderBy(asc(notifications.id))
    .prepare(),
);

/** How long people leave a notice unopened at most before they catch up with it. */
const CATCH_UP_MS = 30 * 86_400_000;

type Notice = { id: number; at: number };

/**
 * Who has read what: the notices the use cases sent, per user, until the user opens them. Kept here, as
 * they are sent, so that finding a user's notices about one proposal reads no table.
 */
class Inbox {
  /** By `user|proposal`. */
  private readonly about = new Map<string, number[]>();
  /** Per user, oldest first, from `head` on. */
  private readonly queue = new Map<number, { notices: Notice[]; head: number }>();
  private readonly opened = new Set<number>();

  add(userId: number, proposalId: number | null, notice: Notice) {
    if (proposalId !== null) {
      const key = `${userId}|${proposalId}`;
      const ids = this.about.get(key);
      if (ids) ids.push(notice.id);
      else this.about.set(key, [notice.id]);
    }
    const q = this.queue.get(userId);
    if (q) q.notices.push(notice);
    else this.queue.set(userId, { notices: [notice], head: 0 });
  }

  /** The user's unopened notices about the proposal, and those older than `before`; taken as opened. */
  take(userId: number, proposalId: number, before: number): number[] {
    const key = `${userId}|${proposalId}`;
    const ids = (this.about.get(key) ?? []).filter((id) => !this.opened.has(id));
    this.about.delete(key);
    const q = this.queue.get(userId);
    while (q && q.head < q.notices.length && q.notices[q.head]!.at < before) {
      const { id } = q.notices[q.head++]!;
      if (!this.opened.has(id)) ids.push(id);
    }
    if (q && q.head > 1024) {
      q.notices.splice(0, q.head);
      q.head = 0;
    }
    for (const id of ids) this.opened.add(id);
    return ids;
  }
}

export class Stage {
  private readonly actors = new Map<string, Actor>();
  private readonly inbox = new Inbox();
  /** The last notice the inbox has seen. */
  private lastNotice = 0;

  constructor(
    readonly db: Db,
    readonly ids: StoryIds,
  ) {}

  async actor(login: string): Promise<Actor> {
    let actor = this.actors.get(login);
    if (!actor) {
      const u = await this.db
        .select()
        .from(users)
        .where(eq(users.id, this.ids.user(login)))
        .get();
      if (!u) throw new Error(`Demo data: no account ${login}`);
      actor = { id: u.id, role: u.role, unitId: u.unitId, displayName: u.displayName, title: u.title };
      this.actors.set(login, actor);
    }
    return actor;
  }

  /**
   * Before acting on a proposal, the user opens their notices about it, and catches up with those left
   * unopened for a month.
   */
  async readNotices(userId: number, proposalId: number, at: Date): Promise<void> {
    for (const id of this.inbox.take(userId, proposalId, at.getTime() - CATCH_UP_MS)) await openNotification(this.db, userId, id);
  }

  /** Puts the notices sent since the last look into the inbox. */
  private async collectNotices(): Promise<void> {
    const sent = await sentSince(this.db).all({ after: this.lastNotice });
    for (const n of sent) this.inbox.add(n.userId, n.proposalId, { id: n.id, at: n.at.getTime() });
    this.lastNotice = sent.at(-1)?.id ?? this.lastNotice;
  }

  /** The id of the proposal's signed reply of `round` (the one a receipt answers). */
  async replyOf(proposalId: number, round: number): Promise<number> {
    const row = await this.db
      .select({ id: replies.id })
      .from(replies)
      .where(and(eq(replies.proposalId, proposalId), eq(replies.round, round)))
      .get();
    if (!row) throw new Error(`Demo data: proposal ${proposalId} has no reply of round ${round}`);
    return row.id;
  }

  /**
   * Carries out the acts in the order of their moments (acts at the same moment in the order they were
   * told), each with the clock held at its moment.
   */
  async perform(acts: readonly Act[]): Promise<void> {
    const ordered = [...acts].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const act of ordered) {
      await atInstant(act.at, async () => act.run(this));
      await this.collectNotices();
    }
  }
}
