"use server";
import { formAction } from "@/app/_server/action";
import { getDb } from "@/db/client";
import * as queries from "@/db/queries/admin";
import { createCategoryInput, updateCategoryInput } from "@/lib/validation/admin";
import { afterCreate, afterUpdate } from "../_shared/outcome";

export const createCategory = formAction("administer", createCategoryInput, async (input, user) =>
  afterCreate(await queries.createCategory(getDb(), input, user.id), "/admin/categories"),
);

export const updateCategory = formAction("administer", updateCategoryInput, async (input, user) =>
  afterUpdate(await queries.updateCategory(getDb(), input, user.id)),
);
