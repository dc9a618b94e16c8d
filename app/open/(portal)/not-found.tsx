import Link from "next/link";
import { reading } from "../_server/prefs";

/** A reply that is not (or no longer) published is simply not there. */
export default async function PublicNotFound() {
  const { t } = await reading();
  return (
    <div className="portal-panel py-12 text-center">
      <h1 className="portal-heading">{t("页面不存在")}</h1>
      <p className="mt-2">{t("您访问的信息不存在或已撤回。")}</p>
      <p className="mt-4">
        <Link href="/open">{t("返回政府信息公开目录")}</Link>
      </p>
    </div>
  );
}
