"use client";
import { link } from "../actions";
import { ActionForm } from "./action-form";

export function LinkButton({ proposalId, relatedId }: { proposalId: number; relatedId: number }) {
  return <ActionForm action={link} hidden={{ proposalId, relatedId }} buttons={[{ label: "并案", variant: "secondary" }]} />;
}
