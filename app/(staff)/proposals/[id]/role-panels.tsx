/**
 * Which workflow panels the signed-in user sees on a proposal. Presentation only: every action is
 * checked again on the server by lib/workflow when it is submitted.
 */
import { DeadlineNote } from "@/components/deadline-note";
import type { Db } from "@/db/client";
import { coOpinionsOf, pendingRequestsOf } from "@/db/queries/handling-view";
import { filesOfRound, replyFilesOf } from "@/db/queries/reply-files";
import { factsOnce, repliesOnce, workflowContextOnce } from "./page-reads";
import { listUnits } from "@/db/queries/org";
import { divisionNames, sectionStaffOf, sectionsOf } from "@/db/queries/sections";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/domain";
import { isoDateInChina } from "@/lib/format";
import { divisionRefusal, missingCoOpinions, refusalOf } from "@/lib/workflow/decide";
import { effectiveDue, leadAssignment, liveAssignments, type AssignmentFacts, type ProposalFacts } from "@/lib/workflow/facts";
import type { CurrentUser } from "../../../_server/guard";
import type { PendingAdjustment } from "./panels/adjustment-decision";
import { AssignPanel, CoordinatorTools, RequestDecisions, type DeadlineNotes } from "./panels/coordinator-panels";
import { CoSignOffPanel, SignOffPanel } from "./panels/director-panels";
import { DivisionPanel, type DivisionChoices } from "./panels/division-panel";
import { LeaderReviewPanel } from "./panels/leader-panel";
import { draftingOf } from "./drafting";
import { DraftLinkPanel } from "./panels/draft-link-panel";
import { AcceptPanel, CoOpinionPanel, ContactPanel, ExtensionPanel, SubmitPanel } from "./panels/handler-panels";
import { SealedScanPanel } from "./panels/reply-file-panels";
import { publicationPanels } from "./publication-section";
import { PaperReceipts } from "./paper-receipts";

type Props = { db: Db; user: CurrentUser; proposalId: number; today: string; proposerName: string };

/** While the unit works on it (before the reply is signed), its staff see to whom it is divided. */
const DIVISION_SHOWN: readonly ProposalFacts["status"][] = ["assigned", "handling", "rehandling", "in_review"];

/**
 * 分办 for the unit's staff: who has the assignment, and for the unit's office the form to divide or
 * reassign it (only in a unit with 科室 in use). Null when there is nothing to show.
 */
async function divisionPanel(db: Db, user: CurrentUser, proposalId: number, facts: ProposalFacts, mine: AssignmentFacts, today: string) {
  const sections = await sectionsOf(db, mine.unitId, { activeOnly: true });
  const choices: DivisionChoices | null =
    sections.length > 0 && divisionRefusal(facts, user, mine.unitId) === null
      ? {
          sections: sections.map((s) => ({ id: s.id, name: s.name })),
          staff: await sectionStaffOf(db, mine.unitId),
          unitDue: effectiveDue(mine),
          today,
          current: mine.division,
        }
      : null;
  const current =
    mine.division && DIVISION_SHOWN.includes(facts.status) ? { ...(await divisionNames(db, mine.division)), due: mine.division.due } : null;
  if (!choices && !current) return null;
  return <DivisionPanel key="division" proposalId={proposalId} current={current} choices={choices} />;
}

export async function RolePanels({ db, user, proposalId, today, proposerName }: Props) {
  const facts = await factsOnce(db, proposalId);
  if (!facts) return null;
  const allUnits = await listUnits(db);
  const units = allUnits.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }));
  const unitName = new Map(allUnits.map((u) => [u.id, u.name]));
  const live = liveAssignments(facts);
  const lead = leadAssignment(facts);
  const mine = live.find((a) => a.unitId === user.unitId);
  const open = ["handling", "rehandling"].includes(facts.status);
  const panels: React.ReactNode[] = [];

  if (user.role === "coordinator") {
    if (facts.status === "registered") panels.push(<AssignPanel key="assign" proposalId={proposalId} units={units} />);
    panels.push(<PaperReceipts key="paper-receipts" db={db} proposalId={proposalId} facts={facts} />);
    const requests = await pendingRequestsOf(db, proposalId);
    const { rules, calendar } = await workflowContextOnce(db, today);
    const notes: DeadlineNotes = {};
    // Typed here: drizzle infers this select (units joined twice, once aliased) as never[].
    const adjustments: PendingAdjustment[] = requests.adjustments;
    for (const a of adjustments) {
      notes[a.unitId] = (
        <DeadlineNote
          label="审批期限"
          start={isoDateInChina(a.requestedAt)}
          rule={rules.adjustmentDecision}
          due={a.decideBy}
          calendar={calendar}
        />
      );
    }
    panels.push(
      <RequestDecisions
        key="requests"
        proposalId={proposalId}
        {...requests}
        units={units}
        leadUnit={lead ? (unitName.get(lead.unitId) ?? "") : ""}
        liveUnitIds={live.map((a) => a.unitId)}
        notes={notes}
      />,
    );
    if (facts.status !== "registered" && facts.status !== "closed") {
      panels.push(
        <CoordinatorTools
          key="tools"
          proposalId={proposalId}
          liveUnits={live.map((a) => ({ id: a.unitId, name: unitName.get(a.unitId) ?? "" }))}
          missingCoUnits={
            ["assigned", "handling", "rehandling"].includes(facts.status)
              ? missingCoOpinions(facts).map((a) => ({ id: a.unitId, name: unitName.get(a.unitId) ?? "" }))
              : []
          }
          canWaiveContact={["assigned", "handling", "rehandling"].includes(facts.status) && !facts.contactWaived}
          canClose={facts.status === "replied"}
        />,
      );
    }
  }

  if (mine && (user.role === "handler" || user.role === "director" || user.role === "leader")) {
    const division = await divisionPanel(db, user, proposalId, facts, mine, today);
    if (division) panels.push(division);
  }

  if (user.role === "handler" && mine) {
    if (mine.status === "pending") {
      panels.push(
        <AcceptPanel
          key="accept"
          proposalId={proposalId}
          role={ASSIGNMENT_ROLE_LABELS[mine.role]}
          isLead={mine.role === "lead"}
          acceptDue={mine.acceptDue}
          units={units.filter((u) => u.id !== mine.unitId)}
        />,
      );
    }
    if (
      mine.role === "co" &&
      refusalOf(facts, user, { type: "save_co_opinion", unitId: mine.unitId }, await workflowContextOnce(db, today)) === null
    ) {
      const opinion = (await coOpinionsOf(db, proposalId)).find((o) => o.unitId === mine.unitId) ?? null;
      panels.push(
        <CoOpinionPanel
          key="opinion"
          proposalId={proposalId}
          opinion={opinion && { body: opinion.body, status: opinion.status, directorComment: opinion.directorComment }}
        />,
      );
    }
    if (refusalOf(facts, user, { type: "save_draft" }, await workflowContextOnce(db, today)) === null) {
      const drafting = await draftingOf(db, proposalId, facts);
      panels.push(
        <DraftLinkPanel key="draft" proposalId={proposalId} drafting={drafting} />,
        <SubmitPanel
          key="submit"
          proposalId={proposalId}
          proposalVersion={facts.version}
          blockers={drafting.blockers}
          review={drafting.review}
        />,
        <ContactPanel key="contact" proposalId={proposalId} today={today} defaultParticipants={`${user.displayName}与${proposerName}`} />,
      );
    }
    if (mine.status === "accepted" && open && !mine.pendingExtension)
      panels.push(<ExtensionPanel key="extension" proposalId={proposalId} due={effectiveDue(mine)} />);
  }

  if (user.role === "director" && mine) {
    if (mine.role === "co" && mine.opinion === "submitted") {
      const opinion = (await coOpinionsOf(db, proposalId)).find((o) => o.unitId === mine.unitId);
      if (opinion) panels.push(<CoSignOffPanel key="co-signoff" proposalId={proposalId} body={opinion.body} />);
    }
    if (refusalOf(facts, user, { type: "approve" }, await workflowContextOnce(db, today)) === null) {
      panels.push(
        <SignOffPanel key="signoff" proposalId={proposalId} proposalVersion={facts.version} draftVersion={facts.draftsThisRound} />,
      );
    }
  }
  // 盖章件 of the current round's signed letter, for the lead unit (its handler or director). A placeholder
  // reason asks the workflow only who may and when; the form asks for the real one when replacing.
  const reply = facts.reply && (await repliesOnce(db, proposalId)).find((r) => r.round === facts.reply!.round);
  if (
    reply &&
    refusalOf(
      facts,
      user,
      { type: "upload_sealed_scan", round: reply.round, fileName: "", reason: "—" },
      await workflowContextOnce(db, today),
    ) === null
  ) {
    const { sealed } = filesOfRound(await replyFilesOf(db, proposalId), reply.round);
    panels.push(<SealedScanPanel key="sealed" proposalId={proposalId} round={reply.round} docNumber={reply.docNumber} current={sealed} />);
  }

  if (
    user.role === "leader" &&
    refusalOf(facts, user, { type: "leader_approve", comment: null }, await workflowContextOnce(db, today)) === null
  ) {
    panels.push(
      <LeaderReviewPanel
        key="leader-review"
        proposalId={proposalId}
        proposalVersion={facts.version}
        draftVersion={facts.draftsThisRound}
      />,
    );
  }
  panels.push(...(await publicationPanels(db, user, proposalId)));
  return panels.length > 0 ? <div className="space-y-4">{panels}</div> : null;
}
