import type { Metadata } from "next";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { emailPreference } from "@/db/queries/account";
import { listNotifications } from "@/db/queries/notifications";
import { homePath } from "@/lib/authz";
import { dateTimeInChina } from "@/lib/format";
import { requireUser } from "../_server/guard";
import { DigestForm } from "./digest-form";
import { NotificationActions } from "./notification-actions";

export const metadata: Metadata = { title: "消息" };

export default async function NotificationsPage() {
  const user = await requireUser("ownAccount");
  const items = await listNotifications(getDb(), user.id);
  const unread = items.filter((n) => !n.readAt).length;
  const preference = await emailPreference(getDb(), user.id);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8 [overflow-wrap:anywhere]">
      <p className="mb-2 text-sm">
        <Link href={homePath(user.role)} className="text-brand-700 hover:underline">
          ← 返回
        </Link>
      </p>
      <h1 className="mb-4 text-xl font-bold">消息（{unread} 条未读）</h1>
      <DigestForm email={preference?.email ?? null} digest={preference?.digest ?? false} />
      <NotificationActions
        items={items.map((n) => ({ id: n.id, message: n.message, unread: !n.readAt, at: dateTimeInChina(n.createdAt) }))}
      />
    </main>
  );
}
