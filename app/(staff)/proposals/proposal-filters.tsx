"use client";
/*
 * A client component only so that the choices travel once, as data: rendered on the server, 200 units in
 * two selects are some 35 KB of the page's RSC payload, as props 6 KB. It has no state of its own.
 */
import { FilterActions } from "@/components/ui/filter-actions";
import { FilterField } from "@/components/ui/filter-field";
import { ITEM_WORD, PROPOSAL_STATES, PROPOSAL_STATE_LABELS, SESSION_KINDS } from "@/lib/domain";
import type { ProposalFilter } from "@/lib/proposal-filter";
import { MAX_OVERDUE_DAYS, MAX_SEARCH_LENGTH } from "@/lib/proposal-filter-limits";

/** One choice of a select: its id and what it reads. */
export type Choice = [id: number, label: string];
export type FilterChoices = { sessions: Choice[]; units: Choice[]; categories: Choice[] };

function ChoiceSelect({
  id,
  name,
  label,
  value,
  choices,
}: {
  id: string;
  name: string;
  label: string;
  value: number | undefined;
  choices: Choice[];
}) {
  return (
    <FilterField id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ""} className="input">
        <option value="">全部</option>
        {choices.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/**
 * 全部提案's filters: a plain GET form, so that the filtered list is its address (shared, bookmarked, and
 * the back button returns to the previous filters); lib/proposal-filter.ts reads it.
 */
export function ProposalFilters({ filter, choices, total }: { filter: ProposalFilter; choices: FilterChoices; total: number }) {
  return (
    <form
      method="get"
      action="/proposals"
      // Back and forward, the browser would otherwise put back what was chosen on the page before it was submitted.
      autoComplete="off"
      role="search"
      aria-label="筛选提案"
      className="mb-4 grid grid-cols-2 items-end gap-3 rounded border border-slate-200 bg-white p-3 lg:grid-cols-4 [&>*]:min-w-0"
    >
      <div className="col-span-2">
        <FilterField id="f-q" label="搜索">
          <input
            id="f-q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            maxLength={MAX_SEARCH_LENGTH}
            placeholder="编号、标题、正文、提案人、联名人或单位，空格分开几个词"
            className="input"
          />
        </FilterField>
      </div>
      <ChoiceSelect id="f-session" name="session" label="届次会议" value={filter.session} choices={choices.sessions} />
      <FilterField id="f-kind" label="类别">
        <select id="f-kind" name="kind" defaultValue={filter.kind ?? ""} className="input">
          <option value="">全部</option>
          {SESSION_KINDS.map((k) => (
            <option key={k} value={k}>
              {ITEM_WORD[k]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="f-status" label="状态">
        <select id="f-status" name="status" defaultValue={filter.status ?? ""} className="input">
          <option value="">全部</option>
          {PROPOSAL_STATES.map((s) => (
            <option key={s} value={s}>
              {PROPOSAL_STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </FilterField>
      <ChoiceSelect id="f-category" name="category" label="主题分类" value={filter.category} choices={choices.categories} />
      <ChoiceSelect id="f-lead" name="lead" label="主办单位" value={filter.lead} choices={choices.units} />
      <ChoiceSelect id="f-co" name="co" label="协办单位" value={filter.co} choices={choices.units} />
      <FilterField id="f-from" label="收到日期自">
        <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} className="input" />
      </FilterField>
      <FilterField id="f-to" label="收到日期至">
        <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} className="input" />
      </FilterField>
      <FilterField id="f-overdue" label="办复超期至少（天）">
        <input
          id="f-overdue"
          name="overdue"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_OVERDUE_DAYS}
          defaultValue={filter.overdue ?? ""}
          className="input"
        />
      </FilterField>
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" name="key" value="1" defaultChecked={filter.key === true} /> 只看重点提案
      </label>
      <div className="col-span-2 flex flex-wrap items-center gap-3 lg:col-span-4">
        <FilterActions clearHref="/proposals" count={`共 ${total} 件`} />
      </div>
    </form>
  );
}
