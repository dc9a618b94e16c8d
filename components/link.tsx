import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's links: next/link's client-side navigation without its prefetching. next/link prefetches every link that
 * scrolls into view, and every page here is rendered per request, so each prefetch is a render on the server for an
 * answer the user mostly never uses: one view of a handler's 待办 sent about a hundred (e2e/prefetch.spec.ts). A link
 * is fetched when it is followed.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink {...props} prefetch={false} />;
}
