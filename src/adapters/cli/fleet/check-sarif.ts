/** `aksnet fleet check -o sarif`: the fleet's findings, located in the fleet file, with the fleet rules' metadata. */
import { FLEET_RULES } from "../../../engines/fleet/index.js";
import { sarifDocument } from "../check/sarif.js";
import { SUPPRESSION_RULE } from "../policy/suppressions.js";
import type { Formatter } from "../output/formats.js";
import type { FleetCheckView } from "./view.js";

const f: Formatter<FleetCheckView> = (v) =>
  sarifDocument(v.findings, [...FLEET_RULES.map((r) => r.meta), SUPPRESSION_RULE.meta], v.suppressed);
export default f;
