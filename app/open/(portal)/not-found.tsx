import { NotFoundPanel } from "../_components/not-found-panel";
import { reading } from "../_server/prefs";

/**
 * A reply that is not (or no longer) published is simply not there. Next renders this only in the
 * browser (vercel/next.js#62228); the page cache answers such a visit with /open/page-not-found instead.
 */
export default async function PublicNotFound() {
  return <NotFoundPanel reading={await reading()} />;
}
