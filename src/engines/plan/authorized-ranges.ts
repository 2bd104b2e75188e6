/**
 * One entry of `apiServer.authorizedIpRanges`, read once: a CIDR or a single address (az reads it as its /32),
 * the empty entry that means "disabled", a service tag (a preview), or text that is none of these. The check
 * rules judge the entries; the generators write `canonical`.
 */
import { describeValue, prefixFrom, tryParseAddr, tryParsePrefix, type Prefix } from "../../ip/index.js";

export type AuthorizedRange =
  | {
      readonly kind: "range";
      readonly text: string;
      readonly prefix: Prefix;
      /** The network as a CIDR (`1.2.3.4` → `1.2.3.4/32`; host bits cleared). */
      readonly canonical: string;
      /** Whether the text has host bits set (`137.117.106.90/29`). */
      readonly hostBits: boolean;
    }
  | { readonly kind: "empty"; readonly text: string }
  | { readonly kind: "serviceTag"; readonly text: string }
  | { readonly kind: "invalid"; readonly text: string; readonly problem: string };

/** A service tag's name: letters and digits, with optional dot-separated qualifiers (`AzureCloud.WestEurope`). */
const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/;

/** Reads one entry of `apiServer.authorizedIpRanges`. */
export function parseAuthorizedRange(text: string): AuthorizedRange {
  if (typeof text !== "string") return { kind: "invalid", text: describeValue(text), problem: "it is not text" };
  if (text.trim() === "") return { kind: "empty", text };
  if (SERVICE_TAG.test(text)) return { kind: "serviceTag", text };
  let prefix: Prefix;
  if (text.includes("/")) {
    const r = tryParsePrefix(text);
    if (!r.ok) return { kind: "invalid", text, problem: r.error.reason };
    prefix = r.value;
  } else {
    const r = tryParseAddr(text);
    if (!r.ok) return { kind: "invalid", text, problem: r.error.reason };
    prefix = prefixFrom(r.value, r.value.bitLength);
  }
  const masked = prefix.masked();
  return { kind: "range", text, prefix, canonical: masked.toString(), hostBits: masked !== prefix };
}

/**
 * How many entries of `apiServer.authorizedIpRanges` aksnet examines: five times the largest limit AKS names (2,000
 * with API Server VNet Integration). A longer list is over every limit anyway; the rules say the rest was not read.
 */
export const AUTHORIZED_RANGES_EXAMINED = 10_000;

/** Every entry of a list, read; at most `limit` entries are read (a hostile list cannot make this slow). */
export function parseAuthorizedRanges(texts: readonly string[], limit = AUTHORIZED_RANGES_EXAMINED): AuthorizedRange[] {
  const out: AuthorizedRange[] = [];
  if (!Array.isArray(texts)) return out;
  for (let i = 0; i < texts.length && i < limit; i++) out.push(parseAuthorizedRange(texts[i] as string));
  return out;
}
