/**
 * What several sections of a proposal's page ask for, read once per request (React's cache: a memo of one render,
 * nothing kept between requests; a server action is not memoized). Each section that asks the workflow read the
 * facts and its context again, and the page and its receipts and publication sections read the deadline rules and the
 * calendar (the context) again: three loads of the facts and up to nine of the context a view, about 50 of its 100
 * statements (a round trip each on PostgreSQL). The proposal's detail, its replies and its receipt reminders were
 * read by up to four sections each: 13 of the remaining 65 statements of a coordinator's view.
 */
import { cache } from "react";
import { loadFacts } from "@/db/handling/facts";
import { workflowContext } from "@/db/handling/run";
import { repliesOf } from "@/db/queries/handling-view";
import { getProposalDetail } from "@/db/queries/proposals";
import { lastRemindersOf } from "@/db/queries/receipts";

export const factsOnce = cache(loadFacts);
export const workflowContextOnce = cache(workflowContext);
/** The proposal with its signers and assignments: the page, its receipts and its paper receipts (three reads each). */
export const proposalDetailOnce = cache(getProposalDetail);
/** Its replies: the role panels, the receipts, the paper receipts and the letter. */
export const repliesOnce = cache(repliesOf);
export const lastRemindersOnce = cache(lastRemindersOf);
