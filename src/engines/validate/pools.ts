/** The resolved plan's pool helpers, which the rules share (they live with the plan: `engines/plan/pools.ts`). */
export { poolTarget, poolModel, nodesWithSurge } from "../plan/index.js";
