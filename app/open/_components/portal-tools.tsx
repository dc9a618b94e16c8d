import { Link } from "@/components/link";
import type { Reading } from "../_server/prefs";

/** 繁體版 / 无障碍 / 关怀版: links that set the preference and come back to the same page. */
export function PortalTools({ reading }: { reading: Reading }) {
  const { t } = reading;
  const toggle = (param: string) => `/open/prefs?${param}`;
  return (
    <nav aria-label={t("网站工具")} className="flex gap-4">
      {reading.traditional ? (
        <a href={toggle("lang=hans")} lang="zh-Hans">
          简体版
        </a>
      ) : (
        <a href={toggle("lang=hant")} lang="zh-Hant">
          繁體版
        </a>
      )}
      <Link href="/open/accessibility">{t("无障碍")}</Link>
      <a href={toggle(reading.care ? "care=0" : "care=1")}>{t(reading.care ? "标准版" : "关怀版")}</a>
    </nav>
  );
}
