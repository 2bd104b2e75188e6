/** `aksnet fleet check` (text). */
import type { Formatter } from "../output/formats.js";
import { renderFleetCheck } from "./fleet-text.js";
import type { FleetCheckView } from "./view.js";

const f: Formatter<FleetCheckView> = (v) => renderFleetCheck(v, false);
export default f;
