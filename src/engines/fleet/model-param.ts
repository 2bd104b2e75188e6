/** The fleet model as a parameter (`guardArgs`, issue #12): what a function taking one needs from JavaScript. */
import type { Param } from "../../ip/index.js";

export const FLEET_MODEL: Param = {
  name: "model",
  want: { fleet: "object", clusters: "list", items: { cidr: "list", owner: "list", kind: "list" }, meshesOf: "list" },
  words: "a fleet model (fleetModel)",
};
