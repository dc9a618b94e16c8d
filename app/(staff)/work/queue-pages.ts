import type { QueuePaging } from "@/components/queue-section";
import type { Db } from "@/db/client";
import { type Listed, QUEUE_LIMIT, QUEUE_LISTS, type QueueList, type QueuePages } from "@/db/queries/work";
import type { HolidayCalendar } from "@/lib/holiday-calendar";

/** What a 待办 list is rendered from: the day, the calendar its deadlines count by, and the pages asked for. */
export type QueueProps = { db: Db; today: string; calendar: HolidayCalendar; pages: QueuePages };
/** …for a list of one unit's work. */
export type UnitQueueProps = QueueProps & { unitId: number };

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
