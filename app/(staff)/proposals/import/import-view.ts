import type { RowError } from "@/lib/import/columns";

/**
 * What the import page shows after an upload that could be read: the proposals imported, or the
 * problems found (of which at most MAX_REPORTED_ERRORS are listed; `total` counts them all).
 */
export type ImportView =
  | {
      status: "imported";
      fileName: string;
      session: string;
      proposals: { id: number; number: number; title: string }[];
      newMembers: string[];
    }
  | { status: "rejected"; fileName: string; errors: RowError[]; total: number };
