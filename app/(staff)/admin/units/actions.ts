"use server";
import { formAction } from "@/app/_server/action";
import { getDb } from "@/db/client";
import * as queries from "@/db/queries/admin";
import * as division from "@/db/queries/admin-division";
import { createSectionInput, createUnitInput, leaderReviewInput, updateSectionInput, updateUnitInput } from "@/lib/validation/admin";
import { afterCreate, afterUpdate } from "../_shared/outcome";

export const createUnit = formAction("administer", createUnitInput, async (input, user) =>
  afterCreate(await queries.createUnit(getDb(), input, user.id), "/admin/units"),
);

export const updateUnit = formAction("administer", updateUnitInput, async (input, user) =>
  afterUpdate(await queries.updateUnit(getDb(), input, user.id), undefined, { everyReply: true }),
);

export const createSection = formAction("administer", createSectionInput, async (input, user) =>
  afterUpdate(await division.createSection(getDb(), input, user.id), `已添加科室“${input.name}”。`),
);

export const updateSection = formAction("administer", updateSectionInput, async (input, user) =>
  afterUpdate(await division.updateSection(getDb(), input, user.id)),
);

export const saveLeaderReview = formAction("administer", leaderReviewInput, async (input, user) =>
  afterUpdate(
    await division.setLeaderReview(getDb(), input, user.id),
    input.leaderReview ? "已开启分管领导审核。" : "已关闭分管领导审核。",
  ),
);
