/** `aksnet recommend --emit-plan FILE`: the winner's plan, sized by the capacity engine, as YAML. */
import { stringify } from "yaml";
import { schemaComment, type Requirements } from "../../../engines/plan/index.js";
import { candidateTitle, emitPlan, type Recommendation } from "../../../engines/recommend/index.js";
import { UsageError } from "../errors.js";
import { writeTextFile } from "../files.js";
import type { Io } from "../io.js";
import type { Naming } from "./command.js";
import { describeTarget } from "./recommendation-text.js";
import type { RecommendView } from "./view.js";

/** Writes the best candidate's plan to `file` (--emit-plan); nothing when no model fits. */
export async function emitPlanFile(
  r: Recommendation,
  requirements: Requirements,
  file: string,
  naming: Naming,
  io: Io,
): Promise<RecommendView["emitted"]> {
  const best = r.ranked[0];
  if (!best) return undefined;
  const e = emitPlan(best, r.target, naming);
  if ("problem" in e) throw new UsageError(`cannot emit a plan for ${best.title}: ${e.problem}; widen --address-space`);
  const header =
    `${schemaComment("aksnet-plan.schema.json")}\n` +
    `# Recommended by aksnet: ${candidateTitle(best)}.\n# Requirements: ${describeTarget(r)}.\n` +
    "# Subnets are the smallest that hold the peak node count with surge: " +
    "widen them for growth, internal load balancers or more pools.\n";
  await writeTextFile(
    io.cwd,
    file,
    header + stringify({ ...e.plan, requirements }),
    "give a writable path for --emit-plan",
  );
  return { file, candidate: best.id, title: best.title };
}
