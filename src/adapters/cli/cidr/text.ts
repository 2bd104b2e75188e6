/** `aksnet cidr … -o text`: one value per line, for pipes. */
import type { Formatter } from "../output/formats.js";
import type { Listing } from "./listing.js";

const cidrText: Formatter<Listing> = function* (l) {
  for (const line of l.lines()) yield line + "\n";
};
export default cidrText;
