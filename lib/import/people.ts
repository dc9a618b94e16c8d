/**
 * Proposers and co-signers named in a form or a sheet: a name is an existing member (委员/代表) with
 * that display name, or a new member to create. Pure.
 */
import { NAME_MAX } from "./columns";

export type KnownMember = { id: number; displayName: string };

export type PersonRef = { kind: "existing"; id: number; name: string } | { kind: "new"; name: string };

export type PersonResolution = { ok: true; person: PersonRef } | { ok: false; message: string };

// C0 controls, DEL, and digits or ASCII symbols that no person's name carries.
const NOT_IN_A_NAME = /[\u0000-\u001F\u007F0-9@#$%^&*_=+<>/\\|{}[\]"]/;

/** Members by display name; a name two members share maps to both. */
export function memberDirectory(members: readonly KnownMember[]): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  for (const m of members) {
    const name = m.displayName.trim();
    byName.set(name, [...(byName.get(name) ?? []), m.id]);
  }
  return byName;
}

/** Who a typed name refers to, or why it cannot be used. `role` words the message, e.g. 联名人. */
export function resolvePerson(rawName: string, directory: ReadonlyMap<string, readonly number[]>, role: string): PersonResolution {
  const name = rawName.trim();
  if (name === "") return { ok: false, message: `请填写${role}` };
  const ids = directory.get(name) ?? [];
  if (ids.length === 1) return { ok: true, person: { kind: "existing", id: ids[0]!, name } };
  if (ids.length > 1)
    return { ok: false, message: `${role}“${name}”有 ${ids.length} 名同名委员/代表，无法确定是哪一位，请先在用户管理中区分姓名` };
  if ([...name].length < 2 || [...name].length > NAME_MAX)
    return { ok: false, message: `${role}“${name}”不像是姓名（应为 2–${NAME_MAX} 个字）` };
  if (NOT_IN_A_NAME.test(name)) return { ok: false, message: `${role}“${name}”含有姓名中不应出现的数字或符号` };
  return { ok: true, person: { kind: "new", name } };
}

/** The distinct names that will become new member accounts, in first-seen order. */
export function newMemberNames(people: Iterable<PersonRef>): string[] {
  const names = new Set<string>();
  for (const p of people) if (p.kind === "new") names.add(p.name);
  return [...names];
}
