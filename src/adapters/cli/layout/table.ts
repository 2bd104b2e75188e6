/** `aksnet layout -o table`: the layout a person reads. */
import type { Formatter } from "../output/formats.js";
import { renderLayoutText } from "./layout-text.js";
import type { LayoutCliView } from "./view.js";

const layoutTable: Formatter<LayoutCliView> = (v, { color }) =>
  renderLayoutText(v.result, { color, planFile: v.planFile, wrote: v.wrote });
export default layoutTable;
