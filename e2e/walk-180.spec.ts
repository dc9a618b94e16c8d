/**
 * Proposal 180's reply through a unit with 分办 (issue 19, "must show"), every person at a browser of their
 * own, signed in through the form, nothing written but through the pages. The demo's own 180 already waits
 * for sign-off, so the coordinator registers the same proposal (its title and text) as 第180号 of a session
 * created for the walk, and assigns it to 科技创新局 as lead unit. The unit's office (何静, 可分办) signs for
 * it and divides it to 科技综合科 and 蒋明杰 with an internal deadline; 蒋明杰 finds it on his 待办, records
 * the contact, drafts the reply, attaches a file and submits, while his colleagues (王磊 of another 科室,
 * and the office) only read it; the 分管领导 (周文斌) returns the first draft, 蒋明杰 revises and submits
 * again, 周文斌 passes it; the director (邓敏军) signs it off on a phone (390×844: the pages fit, axe
 * clean); 蒋明杰 uploads the scan of the sealed letter (a PDF made with pdf-lib); 刘新荣 signs in, reads the
 * letter with the scan beside it, and downloads the very bytes uploaded. At the end the event log (read
 * only) holds exactly these steps, each by its person.
 */
import { expect, test } from "./fixtures";
import { E2E } from "./env";
import { one, readDb } from "./security/support";
import {
  colleagueOnlyReads,
  directorSignsOnPhone,
  handlerDrafts,
  handlerRevises,
  handlerUploadsSealedScan,
  leaderApproves,
  leaderReturns,
  memberDownloadsScan,
  officeDivides,
  onePagePdf,
  registerAndAssign,
  signedIn,
  stepsLogged,
  submitForReview,
  UNIT,
  WALK_180_STEPS,
} from "./walk-180";

test("proposal 180 through 科技创新局 with 分办: the office divides it to 蒋明杰, the 分管领导 returns it once then passes it, the director signs on a phone, the member downloads the sealed scan", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // The unit asks for its 分管领导's review (the demo's setting, read here, not written).
  expect(await readDb((db) => one(db, "select leader_review from units where name = ?", UNIT))).toBeTruthy();

  const walked = await registerAndAssign(browser);
  const due = await officeDivides(browser, walked);

  const handler = await signedIn(browser, "jiangmj", "/work");
  await handlerDrafts(handler, walked, due);
  for (const colleague of ["wangl", "hej"]) await colleagueOnlyReads(browser, walked, colleague);
  await submitForReview(handler);

  const leader = await signedIn(browser, "zhouwb", "/work");
  await leaderReturns(leader, walked);
  await handlerRevises(handler, walked);
  await leaderApproves(leader, walked);
  await leader.context().close();

  const docNumber = await directorSignsOnPhone(browser, walked);
  const scan = await onePagePdf("Reply to proposal 180, signed and sealed (scan)", { seal: true });
  await handlerUploadsSealedScan(handler, walked, scan);
  await handler.context().close();
  await memberDownloadsScan(browser, walked, docNumber, scan);

  expect(await stepsLogged(E2E.database, walked.id)).toEqual(WALK_180_STEPS);
});
