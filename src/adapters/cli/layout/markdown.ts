/** `aksnet layout -o markdown`: the layout for a design document or a pull request. */
import type { Formatter } from "../output/formats.js";
import { renderLayoutMarkdown } from "./layout-text.js";
import type { LayoutCliView } from "./view.js";

const layoutMarkdown: Formatter<LayoutCliView> = (v) => renderLayoutMarkdown(v.result);
export default layoutMarkdown;
