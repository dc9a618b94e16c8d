import { can, type Actor } from "./authz";

/** The staff sections, each shown only to roles that may open it. */
const SECTIONS = [
  { href: "/work", label: "待办", capability: "staffHome" },
  { href: "/proposals", label: "全部提案", capability: "listProposals" },
  { href: "/supervision", label: "督办", capability: "coordinate" },
  { href: "/meetings", label: "面商座谈", capability: "viewMeetings" },
  { href: "/batch", label: "批量办理", capability: "bulkWork" },
  { href: "/stats", label: "统计", capability: "viewStatistics" },
  { href: "/admin", label: "管理", capability: "administer" },
] as const;

export function staffNavigation(actor: Pick<Actor, "role">) {
  return SECTIONS.filter((s) => can(actor, s.capability)).map(({ href, label }) => ({ href, label }));
}
