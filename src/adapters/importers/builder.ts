/**
 * Shared tools for importers: case-insensitive field access on foreign JSON,
 * Azure resource IDs, and a plan builder that remembers where each plan field
 * came from in the source document (for line/column in findings).
 */
import type { SourcePath } from "./source-map.js";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Obj = { readonly [k: string]: unknown };

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * The field of `o` whose name equals `key` ignoring case (az CLI and ARM differ in casing: vnetSubnetId /
 * vnetSubnetID).
 */
export function field(o: unknown, key: string): { key: string; value: unknown } | undefined {
  if (!isObj(o)) return undefined;
  if (key in o) return { key, value: o[key] };
  const lower = key.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return { key: k, value: o[k] };
  return undefined;
}

/** A field's value when it is a usable literal (not null, not an ARM expression like "[parameters('x')]"). */
export function literal(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" && /^\[.*\]$/s.test(v.trim())) return undefined;
  return v;
}

export interface AzureId {
  readonly subscription?: string;
  readonly resourceGroup?: string;
  readonly vnet?: string;
  readonly subnet?: string;
}

const ID_KEYS: Readonly<Record<string, keyof AzureId>> = {
  subscriptions: "subscription",
  resourcegroups: "resourceGroup",
  virtualnetworks: "vnet",
  subnets: "subnet",
};

/** Parses `/subscriptions/…/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V/subnets/S`. */
export function parseAzureId(id: unknown): AzureId | undefined {
  if (typeof id !== "string") return undefined;
  const parts = id.split("/").filter((s) => s !== "");
  const r: { -readonly [K in keyof AzureId]: string } = {};
  for (let i = 0; i < parts.length - 1; i++) {
    const word = parts[i]!.toLowerCase();
    const k = Object.hasOwn(ID_KEYS, word) ? ID_KEYS[word] : undefined;
    if (k !== undefined && r[k] === undefined) r[k] = parts[i + 1]!;
  }
  return r.subnet || r.vnet || r.resourceGroup ? r : undefined;
}

export type PlanPath = readonly (string | number)[];

/** Builds a plain plan value and a map from plan paths to source paths. */
export interface Origin {
  /** Index of the file in the list given to the loader. */
  readonly file: number;
  readonly path: SourcePath;
}

/** The origins of one top-level section: all from one file (sections move between builders whole). */
interface Section {
  file: number;
  /** Plan path (joined with NUL) → source path. */
  readonly paths: Map<string, SourcePath>;
}

const SEP = "\u0000";

type Bag = Record<string | number, unknown>;

/** `o[k]` when `o` has it itself: a plan file's key "constructor" or "toString" is not Object.prototype's. */
function own(o: Bag, k: string | number): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

/** `o[k] = v` as a plain data property, so a key "__proto__" is a field (reported as unknown), not a prototype. */
function put(o: Bag, k: string | number, v: unknown): void {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}

export class PlanBuilder {
  readonly value: Record<string, unknown> = {};
  /** Origins grouped by the plan's top-level key ("" for the root), so sections move and re-tag in O(1). */
  private readonly sections = new Map<string, Section>();

  constructor(readonly file = 0) {}

  private section(path: PlanPath): Section {
    const top = path.length === 0 ? "" : String(path[0]);
    let s = this.sections.get(top);
    if (!s) {
      s = { file: this.file, paths: new Map() };
      this.sections.set(top, s);
    }
    return s;
  }

  /** Sets the plan field at `path` (creating objects and arrays on the way) and remembers its source. */
  set(path: PlanPath, v: unknown, from: SourcePath): void {
    if (v === undefined) return;
    let o: Bag = this.value;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i]!;
      const next = path[i + 1]!;
      if (own(o, k) === undefined) put(o, k, typeof next === "number" ? [] : {});
      o = o[k] as Bag;
    }
    put(o, path[path.length - 1]!, v);
    this.section(path).paths.set(path.join(SEP), from);
  }

  /** Remembers where a plan object (a pool, a subnet) came from without setting a value. */
  mark(path: PlanPath, from: SourcePath): void {
    this.section(path).paths.set(path.join(SEP), from);
  }

  /**
   * Takes the top-level sections of `other` that this plan does not have yet, with their origins. Returns the sections
   * it skipped.
   */
  absorb(other: PlanBuilder): string[] {
    const skipped: string[] = [];
    for (const [k, v] of Object.entries(other.value)) {
      if (Object.hasOwn(this.value, k)) {
        skipped.push(k);
        continue;
      }
      put(this.value, k, v);
      const s = other.sections.get(k);
      if (s) this.sections.set(k, s);
    }
    return skipped;
  }

  /** Takes every origin of `other`, re-tagged with this builder's file index (the sections are moved, not copied). */
  copyOriginsFrom(other: PlanBuilder): void {
    for (const [k, s] of other.sections) {
      s.file = this.file;
      this.sections.set(k, s);
    }
  }

  /**
   * The source of a plan path: its own, or the nearest recorded ancestor's, with how many keys of `path` that ancestor
   * has.
   */
  origin(path: PlanPath): { origin: Origin; depth: number } | undefined {
    for (let n = path.length; n >= 0; n--) {
      const s = this.sections.get(n === 0 ? "" : String(path[0]));
      const from = s?.paths.get(path.slice(0, n).join(SEP));
      if (s && from) return { origin: { file: s.file, path: from }, depth: n };
    }
    return undefined;
  }
}
