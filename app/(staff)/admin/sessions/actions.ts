"use server";
import { formAction } from "@/app/_server/action";
import { getDb } from "@/db/client";
import * as queries from "@/db/queries/admin";
import { createSessionInput, updateSessionInput } from "@/lib/validation/admin";
import { afterCreate, afterUpdate } from "../_shared/outcome";

export const createSession = formAction("administer", createSessionInput, async (input, user) =>
  afterCreate(await queries.createSession(getDb(), input, user.id), "/admin/sessions"),
);

export const updateSession = formAction("administer", updateSessionInput, async (input, user) =>
  afterUpdate(await queries.updateSession(getDb(), input, user.id), undefined, { everyReply: true }),
);
