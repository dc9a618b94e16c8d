import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Link } from "@/components/link";
import { ReplyLetter } from "@/components/reply-letter";
import { getDb } from "@/db/client";
import { publishedById, publishedLetter } from "@/db/queries/public";
import { PrintButton } from "../../../_components/reader-tools";
import { reading } from "../../../_server/prefs";
import "../../../public.css";

type Props = { params: Promise<{ id: string }> };

const load = async (id: string) => (/^\d{1,12}$/.test(id) ? await publishedById(getDb(), Number(id)) : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load((await params).id);
  return item ? { title: (await reading()).t(item.title), robots: { index: false } } : {};
}

/** 原文: the published letter alone on an A4 page in the official document look, for printing or saving as PDF. */
export default async function PrintView({ params }: Props) {
  const item = await load((await params).id);
  if (!item) notFound();
  const r = await reading();
  const { t, tx } = r;
  const letter = await publishedLetter(getDb(), item.id);
  const shown = await tx(item);
  return (
    <div lang={r.lang} className="official-page">
      <nav aria-label={t("页面操作")} className="official-actions">
        <Link href={`/open/${item.id}`}>{t("返回")}</Link>
        <PrintButton label={t("打印")} />
      </nav>
      <main className="print-area official-letter">
        {letter ? (
          <ReplyLetter letter={await tx(letter)} headingLevel={1} />
        ) : (
          <article>
            <h1>{shown.title}</h1>
            {(shown.summary ?? "").split(/\n+/).map((line, i) => (
              <p key={i} className="indent-[2em]">
                {line}
              </p>
            ))}
          </article>
        )}
      </main>
    </div>
  );
}
