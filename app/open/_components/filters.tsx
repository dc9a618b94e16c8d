import { SESSION_KINDS, SESSION_KIND_LABELS } from "@/lib/domain";
import type { PublicQuery } from "@/lib/public-filters";
import type { publicFilterOptions } from "@/db/queries/public";

type Options = Awaited<ReturnType<typeof publicFilterOptions>>;

/** Year, unit, category and kind as a plain GET form (works without script). */
export function PublicFilters({
  action,
  query,
  options,
  t,
}: {
  action: string;
  query: PublicQuery;
  options: Options;
  t: (text: string) => string;
}) {
  return (
    <form action={action} method="get" className="portal-filters" aria-label={t("筛选")}>
      {action.endsWith("/search") && (
        <p className="portal-filter">
          <label htmlFor="f-q">{t("关键词")}</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q} />
        </p>
      )}
      <p className="portal-filter">
        <label htmlFor="f-year">{t("年度")}</label>
        <select id="f-year" name="year" defaultValue={query.year ?? ""}>
          <option value="">{t("全部")}</option>
          {options.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </p>
      <p className="portal-filter">
        <label htmlFor="f-unit">{t("发布机构")}</label>
        <select id="f-unit" name="unit" defaultValue={query.unitId ?? ""}>
          <option value="">{t("全部")}</option>
          {options.publishers.map((u) => (
            <option key={u.id} value={u.id}>
              {t(u.name)}
            </option>
          ))}
        </select>
      </p>
      <p className="portal-filter">
        <label htmlFor="f-topic">{t("主题分类")}</label>
        <select id="f-topic" name="topic" defaultValue={query.topic ?? ""}>
          <option value="">{t("全部")}</option>
          {options.topics.map((topic) => (
            <option key={topic} value={topic}>
              {t(topic)}
            </option>
          ))}
        </select>
      </p>
      <p className="portal-filter">
        <label htmlFor="f-kind">{t("类别")}</label>
        <select id="f-kind" name="kind" defaultValue={query.kind ?? ""}>
          <option value="">{t("全部")}</option>
          {SESSION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(SESSION_KIND_LABELS[k])}
            </option>
          ))}
        </select>
      </p>
      <button type="submit" className="portal-button">
        {action.endsWith("/search") ? t("搜索") : t("筛选")}
      </button>
    </form>
  );
}
