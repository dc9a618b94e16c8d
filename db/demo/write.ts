/**
 * Writes told stories into the database, inside the caller's transaction, through prepared statements
 * on the raw connection: the demo's few dozen stories and the benchmark's hundred thousand
 * (scripts/bench) go through the same code.
 */
import type Database from "better-sqlite3";
import { GENRE_LABELS } from "@/lib/domain";
import { noticeMessage } from "@/lib/notices";
import { docNumber, indexNumber } from "./numbering";
import { SESSIONS, type Cast, type ReferenceIds, type SessionKey } from "./reference";
import type { AssignmentRec, EventRec, NoticeRec, ReplyRec, Resolve, Story } from "./story";

/** Database ids of what the stories name by key (units, sessions, categories) or by login (people). */
export type StoryIds = Resolve & { category(name: string): number; session(key: string): number };

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

const ms = (d: Date | null) => (d === null ? null : d.getTime());
const flag = (b: boolean) => (b ? 1 : 0);

const SQL = {
  proposal: `insert into proposals (session_id, number, title, category_id, body, received_on, assigned_on, is_key, is_urgent, wants_meeting,
    status, round, contact_waived_reason, closed_reason, registered_by, version, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?)`,
  signer: "insert into proposal_signers (proposal_id, user_id, role, position) values (?, ?, ?, ?)",
  assignment: `insert into assignments (proposal_id, unit_id, role, status, handler_id, assigned_on, accept_due, due, extended_due, accepted_at,
    opinion_waived_reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)`,
  adjustment: `insert into adjustment_requests (assignment_id, requested_by, reason, suggested_unit_id, status, decide_by, decided_by, decided_at,
    decision_comment, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  extension: `insert into extension_requests (assignment_id, requested_by, reason, requested_until, status, granted_until, decided_by, decided_at,
    decision_comment, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  opinion: `insert into co_opinions (assignment_id, body, status, author_id, director_id, director_comment, sent_at, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  contact: `insert into contact_records (proposal_id, unit_id, round, contacted_on, method, participants, summary, created_by, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  draft: `insert into reply_drafts (proposal_id, unit_id, round, version, body, result_class, contact_person, contact_phone, disclosure,
    disclosure_summary, disclosure_reason, author_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  signOff: `insert into sign_offs (proposal_id, draft_id, decision, comment, signer_id, signer_name, signer_title, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?)`,
  reply: `insert into replies (proposal_id, round, draft_id, unit_id, doc_year, doc_serial, doc_number, written_on, sign_off_id, reply_due,
    receipt_due, publication_due, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  publication: `insert into publications (reply_id, status, mode, publisher_unit_id, index_year, index_serial, index_number, topic, genre,
    publisher_name, validity, written_on, published_on, summary, withheld_reason, withdrawn_at, withdrawn_reason, decided_by, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, null, null, ?, ?)`,
  receipt: `insert into receipts (reply_id, member_id, contact_report, attitude, result, opinion, on_paper, recorded_by, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  event: "insert into events (proposal_id, actor_id, action, from_state, to_state, comment, data, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
  notification: "insert into notifications (user_id, proposal_id, kind, message, link, read_at, created_at) values (?, ?, ?, ?, ?, null, ?)",
} as const;

type Statements = Record<keyof typeof SQL, Database.Statement>;

/** Writes stories through one connection's prepared statements; call `write` inside a transaction. */
export class StoryWriter {
  private readonly st: Statements;
  private readonly registeredBy: number;

  constructor(
    sqlite: Database.Database,
    private readonly cast: Cast,
    private readonly ids: StoryIds,
  ) {
    this.st = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, sqlite.prepare(sql)])) as Statements;
    this.registeredBy = ids.user("coordinator");
  }

  private insert(statement: Database.Statement, ...values: unknown[]): number {
    return Number(statement.run(...values).lastInsertRowid);
  }

  private assignment(proposalId: number, a: AssignmentRec) {
    const { st, ids } = this;
    const user = (login: string | null) => (login === null ? null : ids.user(login));
    const assignmentId = this.insert(
      st.assignment,
      proposalId,
      ids.unit(a.unit),
      a.role,
      a.status,
      user(a.handler),
      a.assignedOn,
      a.acceptDue,
      a.due,
      a.extendedDue,
      ms(a.acceptedAt),
      ms(a.createdAt),
    );
    if (a.adjustment) {
      const { by, reason, suggested, decideBy, at, status, decision } = a.adjustment;
      st.adjustment.run(
        assignmentId,
        ids.user(by),
        reason,
        suggested ? ids.unit(suggested) : null,
        status,
        decideBy,
        user(decision?.by ?? null),
        ms(decision?.at ?? null),
        decision?.comment ?? null,
        ms(at),
      );
    }
    if (a.extension) {
      const { by, reason, requestedUntil, at, status, grantedUntil, decision } = a.extension;
      st.extension.run(
        assignmentId,
        ids.user(by),
        reason,
        requestedUntil,
        status,
        grantedUntil,
        user(decision?.by ?? null),
        ms(decision?.at ?? null),
        decision?.comment ?? null,
        ms(at),
      );
    }
    if (a.opinion) {
      const o = a.opinion;
      st.opinion.run(assignmentId, o.body, o.status, ids.user(o.author), user(o.director), o.directorComment, ms(o.sentAt), ms(o.createdAt), ms(o.updatedAt));
    }
  }

  private reply(story: Story, proposalId: number, reply: ReplyRec, draftId: number, signOffId: number) {
    const { st, ids, cast } = this;
    const replyId = this.insert(
      st.reply,
      proposalId,
      reply.round,
      draftId,
      ids.unit(reply.unit),
      reply.docYear,
      reply.docSerial,
      docNumber(reply, cast),
      reply.writtenOn,
      signOffId,
      reply.replyDue,
      reply.receiptDue,
      reply.publicationDue,
      ms(reply.at),
    );
    const p = reply.publication;
    if (p) {
      st.publication.run(
        replyId,
        p.status,
        p.mode,
        ids.unit(p.publisher),
        p.indexYear,
        p.indexSerial,
        indexNumber(p, cast),
        story.category,
        GENRE_LABELS[story.kind],
        cast.unit(p.publisher).shortName,
        reply.writtenOn,
        p.publishedOn,
        p.summary,
        p.withheldReason,
        ids.user(p.decidedBy),
        ms(p.at),
      );
    }
    for (const r of reply.receipts) {
      st.receipt.run(replyId, ids.user(r.member), r.contactReport, r.attitude, r.result, r.opinion, flag(r.onPaper), ids.user(r.recordedBy), ms(r.at));
    }
  }

  private story(story: Story): number {
    const { st, ids } = this;
    const proposalId = this.insert(
      st.proposal,
      ids.session(story.session),
      story.number,
      story.title,
      ids.category(story.category),
      story.body,
      story.receivedOn,
      story.assignedOn,
      flag(story.isKey),
      flag(story.isUrgent),
      flag(story.wantsMeeting),
      story.status,
      story.round,
      story.closedReason,
      this.registeredBy,
      story.version,
      ms(story.createdAt),
      ms(story.updatedAt),
    );
    for (const [position, s] of story.signers.entries()) st.signer.run(proposalId, ids.user(s.login), s.role, position);
    for (const a of story.assignments) this.assignment(proposalId, a);
    const leadUnit = () => ids.unit(story.assignments[0]!.unit);
    for (const c of story.contacts) {
      st.contact.run(proposalId, leadUnit(), c.round, c.contactedOn, c.method, c.participants, c.summary, ids.user(c.createdBy), ms(c.createdAt));
    }
    for (const d of story.drafts) {
      const draftId = this.insert(
        st.draft,
        proposalId,
        leadUnit(),
        d.round,
        d.version,
        d.body,
        d.resultClass,
        d.contactPerson,
        d.contactPhone,
        d.disclosure,
        d.disclosureSummary,
        d.disclosureReason,
        ids.user(d.author),
        ms(d.createdAt),
      );
      const signOff = d.signOff;
      if (!signOff) continue;
      const signOffId = this.insert(
        st.signOff,
        proposalId,
        draftId,
        signOff.decision,
        signOff.comment,
        ids.user(signOff.signer),
        signOff.signerName,
        signOff.signerTitle,
        ms(signOff.at),
      );
      const reply = story.replies.find((r) => r.draft === d);
      if (reply) this.reply(story, proposalId, reply, draftId, signOffId);
    }
    return proposalId;
  }

  /** Inserts every story, then their event logs and notifications in time order. */
  write(stories: readonly Story[]): void {
    const { st, ids, cast } = this;
    const events: { proposalId: number; event: EventRec }[] = [];
    const notices: { proposalId: number; notice: NoticeRec }[] = [];
    for (const story of stories) {
      const proposalId = this.story(story);
      for (const event of story.events) events.push({ proposalId, event });
      // Named as notifyRecipients names the workflow's notices.
      for (const notice of story.notices) notices.push({ proposalId, notice: { ...notice, message: noticeMessage(story, notice.message) } });
    }
    // Stable sorts: acts at the same instant keep the order they happened in.
    events.sort((a, b) => a.event.at.getTime() - b.event.at.getTime());
    for (const { proposalId, event: e } of events) {
      st.event.run(proposalId, e.actor ? ids.user(e.actor) : null, e.action, e.from, e.to, e.comment, e.data ? JSON.stringify(e.data(ids)) : null, ms(e.at));
    }
    notices.sort((a, b) => a.notice.at.getTime() - b.notice.at.getTime());
    for (const { proposalId, notice: n } of notices) {
      const link = cast.person(n.user).role === "member" ? `/member/proposals/${proposalId}` : `/proposals/${proposalId}`;
      st.notification.run(ids.user(n.user), proposalId, n.kind, n.message, link, ms(n.at));
    }
  }
}
