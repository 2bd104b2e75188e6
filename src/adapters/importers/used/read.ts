/**
 * Reading a file of used space: the text and its name in, a `UsedSpace` out, or
 * a `UsedSpaceError` whose message is one sentence naming the file and the fix.
 * Pure: the caller reads the file. The format is told from the content unless
 * given (`USED_FORMATS`).
 */
import { tryParsePrefix, type Prefix } from "../../../ip/index.js";
import { encodingProblem, jsonWords } from "../syntax-words.js";
import { isAksnetScan, readAksnetScan } from "./aksnet-scan.js";
import { isAvnmPoolUsage, readAvnmPoolUsage } from "./avnm.js";
import { isAvnmAssociations, readAvnmAssociations } from "./avnm-associations.js";
import { isAzureIpam, readAzureIpam } from "./azure-ipam.js";
import { isNetboxAvailable, isNetboxPrefixes, readNetboxAvailable, readNetboxPrefixes } from "./netbox.js";
import { isJsonPrefixList, readJsonPrefixList, readTextPrefixList } from "./prefix-list.js";
import { USED_FORMATS, UsedSpaceError, type UsedFormat, type UsedSpace } from "./types.js";

export interface ReadUsedOptions {
  /** The file's format; `auto` (default) tells it from the content. */
  readonly format?: UsedFormat | undefined;
  /**
   * Where a source that lists free space (NetBox available-prefixes) applies: the
   * fleet's pools. Everything in them it does not list as free is used. Default:
   * the whole address family.
   */
  readonly within?: readonly (Prefix | string)[] | undefined;
  /** The pool's name for an AVNM pool usage (default: the file's base name). */
  readonly pool?: string | undefined;
}

const EXPECTED =
  "expected az network manager ipam-pool get-pool-usage -o json (or list-associated-resource), Azure IPAM's " +
  "API JSON, NetBox's prefixes or available-prefixes JSON, aksnet scan -o json, or one prefix a line";

/** The format a parsed JSON value has, or undefined. */
export function detectUsedFormat(v: unknown): Exclude<UsedFormat, "auto"> | undefined {
  if (isAksnetScan(v)) return "aksnet-scan";
  if (isAvnmPoolUsage(v)) return "avnm-pool-usage";
  if (isAvnmAssociations(v)) return "avnm-associated-resources";
  if (isNetboxPrefixes(v)) return "netbox-prefixes";
  if (isNetboxAvailable(v)) return "netbox-available-prefixes";
  if (isAzureIpam(v)) return "azure-ipam";
  if (isJsonPrefixList(v)) return "prefix-list";
  return undefined;
}

function baseName(fileName: string): string {
  const b = fileName.split(/[\\/]/).pop() ?? fileName;
  return b.replace(/\.[^.]*$/, "") || b;
}

function withinPrefixes(within: readonly (Prefix | string)[] | undefined, fileName: string): Prefix[] {
  return (within ?? []).map((w) => {
    if (typeof w !== "string") return w.masked();
    const r = tryParsePrefix(w);
    if (!r.ok)
      throw new UsedSpaceError(
        `${fileName}: the pool ${JSON.stringify(w)} it applies to is not a CIDR prefix (${r.error.reason}); fix the ` +
          `pool.`,
      );
    return r.value.masked();
  });
}

/** Reads one file of used space. Throws `UsedSpaceError` for anything it cannot read. */
export function readUsedSpace(text: string, name: string, given: ReadUsedOptions = {}): UsedSpace {
  // Values from JavaScript: a name that is not text is "the input", options that are no object none.
  const fileName = typeof name === "string" ? name : "the input";
  const options: ReadUsedOptions = typeof given === "object" && given !== null ? given : {};
  const format = options.format ?? "auto";
  if (typeof text !== "string")
    throw new UsedSpaceError(`${fileName} is not text; give the file's content as a string.`);
  if (!(USED_FORMATS as readonly string[]).includes(format))
    throw new UsedSpaceError(
      `the format ${JSON.stringify(format)} of ${fileName} is not one aksnet reads; use one of ` +
        `${USED_FORMATS.join(", ")}.`,
    );
  const body = text.replace(/^\uFEFF/, "");
  const bad = encodingProblem(body);
  if (bad) throw new UsedSpaceError(`${fileName} ${bad}.`);
  if (body.trim() === "")
    throw new UsedSpaceError(`${fileName} is empty; give the used space it should hold, or leave it out.`);
  const first = body.trimStart()[0];
  if (first !== "[" && first !== "{") {
    if (format !== "auto" && format !== "prefix-list")
      throw new UsedSpaceError(`${fileName} is not JSON, so it is not ${format}; give the tool's JSON output.`);
    return readTextPrefixList(body, fileName);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const { reason, offset } = jsonWords(e, body);
    const line = body.slice(0, offset).split("\n").length;
    throw new UsedSpaceError(`${fileName} is not valid JSON at line ${line}: ${reason}; fix it and run again.`);
  }
  const found = format === "auto" ? detectUsedFormat(value) : format;
  if (found === undefined) {
    if (Array.isArray(value) && value.length === 0)
      throw new UsedSpaceError(
        `${fileName} is an empty list; if it is NetBox's available-prefixes (nothing free), give the format ` +
          `netbox-available-prefixes, and if nothing is used, leave it out.`,
      );
    throw new UsedSpaceError(`${fileName} is not a used-space format aksnet reads: ${EXPECTED}.`);
  }
  switch (found) {
    case "aksnet-scan":
      return readAksnetScan(value, fileName);
    case "avnm-pool-usage":
      return readAvnmPoolUsage(value, fileName, options.pool ?? baseName(fileName));
    case "avnm-associated-resources":
      return readAvnmAssociations(value, fileName, options.pool ?? baseName(fileName));
    case "azure-ipam":
      return readAzureIpam(value, fileName);
    case "netbox-available-prefixes":
      return readNetboxAvailable(value, fileName, withinPrefixes(options.within, fileName));
    case "netbox-prefixes":
      return readNetboxPrefixes(value, fileName);
    case "prefix-list":
      return readJsonPrefixList(value, fileName);
  }
}
