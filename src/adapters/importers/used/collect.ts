/**
 * Building a `UsedSpace`: each prefix is checked once as it is taken (a bad one
 * stops the read with a sentence naming the file, the entry and the fix, since a
 * skipped used prefix could be allocated twice), masked, and kept once per
 * (prefix, source, name).
 */
import { tryParsePrefix, type Prefix } from "../../../ip/index.js";
import { UsedSpaceError, type UsedPrefix, type UsedSpace } from "./types.js";

/** Longer than any CIDR text (an IPv6 prefix in full is 43 characters). */
const MAX_CIDR_CHARS = 64;

/** Where a value sits in a document, as a JSON path for messages: `blocks[2].cidr`. */
export function pathText(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out === "" ? "the document" : out;
}

function shown(v: unknown): string {
  const s = typeof v === "string" ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

export class UsedCollector {
  private readonly out: UsedPrefix[] = [];
  private readonly seen = new Set<string>();
  private readonly notes: string[] = [];
  private hostBits = 0;

  constructor(readonly fileName: string) {}

  /** The prefix a value holds, or a UsedSpaceError naming where it is. Bare addresses are /32 or /128 when `bare`. */
  prefix(value: unknown, path: readonly (string | number)[], bare = false): Prefix {
    const where = `${this.fileName}: ${pathText(path)}`;
    if (typeof value !== "string")
      throw new UsedSpaceError(
        `${where} is ${value === null ? "null" : typeof value}, not a CIDR prefix; give it as text like "10.0.0.0/16".`,
      );
    const text = value.trim();
    if (text.length > MAX_CIDR_CHARS)
      throw new UsedSpaceError(`${where} is ${text.length} characters long, not a CIDR prefix; fix the entry.`);
    const withBits = bare && !text.includes("/") ? `${text}/${text.includes(":") ? 128 : 32}` : text;
    const r = tryParsePrefix(withBits);
    if (!r.ok)
      throw new UsedSpaceError(`${where} ${shown(value)} is not a CIDR prefix (${r.error.reason}); fix the entry.`);
    if (!r.value.isMasked()) this.hostBits++;
    return r.value.masked();
  }

  /** Takes a prefix already parsed. */
  addPrefix(p: Prefix, source: string, name?: string, network?: string): void {
    const cidr = p.toString();
    const key = `${cidr}\u0000${source}\u0000${name ?? ""}\u0000${network ?? ""}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push({
      cidr,
      source,
      ...(name === undefined || name === "" ? {} : { name }),
      ...(network === undefined || network === "" ? {} : { network }),
    });
  }

  /** Checks and takes a prefix written at `path`; `network` names the VNet it belongs to when the source says. */
  add(
    value: unknown,
    path: readonly (string | number)[],
    source: string,
    name?: string,
    bare = false,
    network?: string,
  ): Prefix {
    const p = this.prefix(value, path, bare);
    this.addPrefix(p, source, name, network);
    return p;
  }

  note(sentence: string): void {
    this.notes.push(sentence);
  }

  get count(): number {
    return this.out.length;
  }

  done(): UsedSpace {
    const notes = [...this.notes];
    if (this.hostBits > 0)
      notes.push(
        `${this.fileName}: ${this.hostBits} ${this.hostBits === 1 ? "prefix has" : "prefixes have"} host bits set; ` +
          `each is taken as its whole network.`,
      );
    return { prefixes: this.out, notes };
  }
}

/** Reports whether a value is a plain object (not an array, not null). */
export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A field by name in any letter case (az prints camelCase, PowerShell's ConvertTo-Json PascalCase). */
export function field(o: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(o, name)) return o[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

/** A list field: the array, `[]` when absent or null, else a UsedSpaceError. */
export function listField(
  o: Record<string, unknown>,
  name: string,
  fileName: string,
  path: readonly (string | number)[],
): unknown[] {
  const v = field(o, name);
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  throw new UsedSpaceError(
    `${fileName}: ${pathText([...path, name])} is ${typeof v}, not a list; give the file as the tool wrote it.`,
  );
}

/** A text field, or undefined. */
export function textField(o: Record<string, unknown>, name: string): string | undefined {
  const v = field(o, name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/** The VNet's name in a subnet's or VNet's resource ID (`…/virtualNetworks/{name}[/subnets/…]`), or undefined. */
export function vnetName(id: string | undefined): string | undefined {
  const m = id === undefined ? null : /\/virtualNetworks\/([^/]+)/i.exec(id);
  return m?.[1];
}
