/** `aksnet fleet allocate -o markdown`. */
import type { Formatter } from "../output/formats.js";
import { renderFleetAllocate } from "./fleet-text.js";
import type { FleetAllocateView } from "./view.js";

const f: Formatter<FleetAllocateView> = (v) => renderFleetAllocate(v, true);
export default f;
