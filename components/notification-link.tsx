import { Link } from "@/components/link";

/** 消息 with the unread count, in the page header. */
export function NotificationLink({ unread, className }: { unread: number; className: string }) {
  return (
    <Link href="/notifications" className={className} aria-label={unread ? `消息，${unread} 条未读` : "消息"}>
      消息{unread > 0 && <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs text-white">{unread}</span>}
    </Link>
  );
}
