/** The operator's words for what a backup or restore holds. */
import type { TableCounts } from "@/db/backup";

const LABELS: Record<keyof TableCounts, string> = {
  units: "单位",
  users: "用户",
  proposals: "提案/建议",
  assignments: "交办",
  reply_drafts: "答复草稿",
  replies: "答复",
  receipts: "回执",
  attachments: "附件",
  events: "办理记录",
  notifications: "通知",
};

export function describeCounts(counts: TableCounts): string {
  return (Object.keys(LABELS) as (keyof TableCounts)[]).map((t) => `${LABELS[t]} ${counts[t]}`).join("，");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
