import type { QueuePaging } from "@/components/queue-section";
import { QUEUE_LIMIT, QUEUE_LISTS, type Listed, type QueueList, type QueuePages } from "@/db/queries/work";

/** The page of each 待办 list asked for in the address (/work?toReply=2); anything else is page 1. */
export function queuePagesOf(params: Record<string, string | string[] | undefined>): QueuePages {
  const pages: QueuePages = {};
  for (const name of QUEUE_LISTS) {
    const value = params[name];
    if (typeof value === "string" && /^[1-9]\d{0,5}$/.test(value)) pages[name] = Number(value);
  }
  return pages;
}

/** How a list of the 待办 page is paged: its pages' addresses keep the other lists' pages and come back to it. */
export function queuePaging(pages: QueuePages, name: QueueList, listed: Listed<unknown>): QueuePaging {
  return {
    name,
    page: listed.page,
    pageSize: QUEUE_LIMIT,
    href: (page) => {
      const query = new URLSearchParams(
        QUEUE_LISTS.flatMap((list) => {
          const at = list === name ? page : pages[list];
          return at && at > 1 ? [[list, String(at)]] : [];
        }),
      );
      return `/work${query.size > 0 ? `?${query}` : ""}#${name}`;
    },
  };
}
