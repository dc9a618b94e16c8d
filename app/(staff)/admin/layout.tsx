import { requireUser } from "@/app/_server/guard";
import { AdminNav } from "./admin-nav";

/** The administration area: its own sub-navigation above every admin page. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireUser("administer");
  return (
    <div className="space-y-5">
      <AdminNav />
      {children}
    </div>
  );
}
