"use server";
import { formAction } from "@/app/_server/action";
import { getDb } from "@/db/client";
import * as queries from "@/db/queries/admin";
import { createUnitInput, updateUnitInput } from "@/lib/validation/admin";
import { afterCreate, afterUpdate } from "../_shared/outcome";

export const createUnit = formAction("administer", createUnitInput, (input, user) =>
  afterCreate(queries.createUnit(getDb(), input, user.id), "/admin/units"),
);

export const updateUnit = formAction("administer", updateUnitInput, (input, user) =>
  afterUpdate(queries.updateUnit(getDb(), input, user.id)),
);
