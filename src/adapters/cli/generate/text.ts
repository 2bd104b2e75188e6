/** `aksnet generate -o text`: the generated file itself, ready to save. */
import type { Formatter } from "../output/formats.js";
import type { Generated } from "./json.js";

const generateText: Formatter<Generated> = (r) => r.text;
export default generateText;
