import { redirect } from "next/navigation";
import { homePath } from "@/lib/authz";
import { currentUser } from "./_server/guard";

/** The root sends signed-in users to their home and everyone else to sign-in. */
export default async function Root() {
  const user = await currentUser();
  redirect(user ? homePath(user.role) : "/login");
}
