/**
 * Engines that take a parsed plan, called from JavaScript with something else (issue #12): `guardPlan` runs the
 * engine and, only when it throws, reads the value with `parsePlan`. A plan as written (defaults not filled in, as
 * `{}`) is run again parsed; anything else is a RangeError sentence naming its first problems. Nothing is parsed
 * on the way an engine reads a plan it can (a parse costs 3-6 times a resolve).
 */
import { describeValue } from "../../ip/index.js";
import type { Plan } from "../schema/index.js";
import { parsePlan } from "./parse.js";

/** The plan `value` reads as, or the RangeError for a value that is not one. */
export function planOrError(where: string, value: unknown): Plan | RangeError {
  const r = parsePlan(value);
  if (r.plan) return r.plan;
  const problems = r.problems.slice(0, 3).map((p) => (p.pathText ? `${p.pathText}: ${p.message}` : p.message));
  return new RangeError(
    `${where} takes a plan (parsePlan(value).plan), not ${describeValue(value)}: ${problems.join("; ")}`,
  );
}

/** `run(plan)`; when it throws and `plan` was not a parsed plan, `run` of it parsed, or the RangeError sentence. */
export function guardPlan<T>(where: string, plan: Plan, run: (p: Plan) => T): T {
  if (typeof run !== "function") throw new RangeError(`guardPlan runs a function, not ${describeValue(run)}`);
  try {
    return run(plan);
  } catch (e) {
    const parsed = planOrError(where, plan);
    if (parsed instanceof RangeError) throw parsed;
    if (e instanceof RangeError && /^\w+ takes a plan /.test(e.message)) throw e;
    return run(parsed);
  }
}
