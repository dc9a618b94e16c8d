/**
 * What several sections of a proposal's page ask for, read once per request (React's cache: a memo of one render,
 * nothing kept between requests; a server action is not memoized). Each section that asks the workflow read the
 * facts and its context again, and the page and its receipts and publication sections read the deadline rules and the
 * calendar (the context) again: three loads of the facts and up to nine of the context a view, about 50 of its 100
 * statements (a round trip each on PostgreSQL).
 */
import { cache } from "react";
import { loadFacts } from "@/db/handling/facts";
import { workflowContext } from "@/db/handling/run";

export const factsOnce = cache(loadFacts);
export const workflowContextOnce = cache(workflowContext);
