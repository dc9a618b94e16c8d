import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DraftDiff } from "@/components/draft-diff";
import { draftsOf } from "@/db/queries/handling-view";
import { canSeeDrafts } from "@/lib/authz";
import { FilterField } from "@/components/ui/filter-field";
import { BackToProposal } from "../back-to-proposal";
import { proposalForPage } from "../proposal-for-page";

export const metadata: Metadata = { title: "比较答复函稿" };

/** Compares any two saved versions of the reply draft. */
export default async function CompareDrafts({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { user, id, db, detail, leadUnitId } = await proposalForPage(params);
  if (!canSeeDrafts(user, leadUnitId)) forbidden();
  const drafts = (await draftsOf(db, id)).map((d) => d.draft);
  const label = (d: (typeof drafts)[number]) => `${d.round > 1 ? `第${d.round}轮` : ""}第 ${d.version} 稿`;
  const { from, to } = await searchParams;
  const older = drafts.find((d) => d.id === Number(from)) ?? drafts[1];
  const newer = drafts.find((d) => d.id === Number(to)) ?? drafts[0];
  return (
    <>
      <BackToProposal proposalId={id} />
      <h1 className="mb-4 text-xl font-bold">比较答复函稿：{detail.proposal.title}</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
        {(["from", "to"] as const).map((name) => (
          <FilterField key={name} id={`v-${name}`} label={name === "from" ? "原稿" : "修改稿"}>
            <select id={`v-${name}`} name={name} defaultValue={(name === "from" ? older : newer)?.id} className="input">
              {drafts.map((d) => (
                <option key={d.id} value={d.id}>
                  {label(d)}
                </option>
              ))}
            </select>
          </FilterField>
        ))}
        <button type="submit" className="btn btn-primary">
          比较
        </button>
      </form>
      {older && newer ? (
        <div className="rounded border border-slate-200 bg-white p-4">
          <DraftDiff before={{ ...older, label: label(older) }} after={{ ...newer, label: label(newer) }} />
        </div>
      ) : (
        <p className="text-slate-500">至少需要两稿才能比较。</p>
      )}
    </>
  );
}
