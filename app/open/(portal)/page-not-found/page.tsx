import type { Metadata } from "next";
import { NotFoundPanel } from "../../_components/not-found-panel";
import { reading } from "../../_server/prefs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await reading()).t("页面不存在"), robots: { index: false } };
}

/**
 * The portal's 404 page as a page of its own, rendered on the server: the front server answers
 * every public address Next finds nothing at with it, and status 404 (server/public-pages.ts).
 */
export default async function PageNotFound() {
  return <NotFoundPanel reading={await reading()} />;
}
