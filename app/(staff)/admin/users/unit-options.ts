import type { Unit } from "@/db/schema";
import type { UnitOption } from "./user-form";

/** The units a user can be placed in: the active ones, plus the user's current unit if it was retired. */
export function unitOptions(units: Unit[], currentUnitId: number | null = null): UnitOption[] {
  return units
    .filter((u) => u.active || u.id === currentUnitId)
    .map((u) => ({ id: u.id, label: u.active ? u.name : `${u.name}（已停用）` }));
}
