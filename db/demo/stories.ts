/** All demo proposals' scripts, told for a given today: pure and deterministic. */
import { tell, type Env, type Plan, type Script } from "./handling";
import { PLAN_180 } from "./proposal-180";
import { PLANS } from "./proposals";
import { Rng } from "./random";
import { DEMO_CAST, type SessionKey } from "./reference";

const SEED = 0x0b4e180;

/** Proposal numbers are drawn from 1..max, unique within a session. */
const MAX_NUMBER: Record<SessionKey, number> = { previous: 260, current: 280, npc: 130 };

function numberDrawer(rng: Rng, plans: readonly Plan[]): Env["takeNumber"] {
  const used = new Map<string, Set<number>>(Object.keys(MAX_NUMBER).map((key) => [key, new Set<number>()]));
  for (const plan of plans) if (plan.number !== undefined) used.get(plan.session)!.add(plan.number);
  return (session) => {
    const taken = used.get(session)!;
    let number: number;
    do number = rng.int(1, MAX_NUMBER[session as SessionKey]);
    while (taken.has(number));
    taken.add(number);
    return number;
  };
}

export function buildScripts(today: string): Script[] {
  const rng = new Rng(SEED);
  const plans = [PLAN_180, ...PLANS];
  const env: Env = { today, rng, cast: DEMO_CAST, takeNumber: numberDrawer(rng, plans) };
  return plans.map((plan) => tell(plan, env));
}
