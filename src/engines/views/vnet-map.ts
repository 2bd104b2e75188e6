/**
 * The VNet map as data: each IPv4 address space of the plan's VNet cut into
 * blocks from its first address to its last — the plan's subnets (named, with
 * what they are for), the subnets `aksnet layout` would add (proposed, with the
 * room each keeps to grow), the ranges new subnets avoid (pod and service
 * CIDRs, connected networks, AKS-reserved ranges) and the free space as
 * aligned blocks, each one click from becoming a subnet. Free blocks can be
 * split in halves and joined again, as in visualsubnetcalc: `splits` lists the
 * free blocks the user split. Pure; the page draws it, a test reads it.
 *
 * The geometry is `layoutPlan` + `layoutView` (engines/layout), so the map and
 * `aksnet layout -o json` agree by construction.
 */
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import { azureUsable, SUBNET_KINDS } from "../../kb/index.js";
import {
  layoutPlan,
  layoutView,
  type LayoutKind,
  type LayoutResult,
  type MapSegment,
  type PlanEdit,
} from "../layout/index.js";
import { guardPlan, isResolvedPlan, type Plan, type ResolvedPlan } from "../plan/index.js";

export type VnetBlockKind = "subnet" | "proposed" | "growth" | "avoided" | "free";

export interface VnetBlock {
  readonly kind: VnetBlockKind;
  /** The block as CIDRs: one for a subnet or a free block; avoided ranges and growth room may need several. */
  readonly cidrs: readonly string[];
  readonly first: string;
  readonly last: string;
  /** Addresses in the block. */
  readonly size: number;
  /** Position and width in the address space, as fractions of it (0..1). */
  readonly x: number;
  readonly width: number;
  /** What a bar shows: the subnet's name, `free`, what an avoided range is. */
  readonly label: string;
  /** subnet, proposed, growth: what the subnet is for, in a few words (`nodes`, `API server`, `AGC` …). */
  readonly purpose?: string;
  readonly subnetKind?: LayoutKind;
  /** subnet, proposed: Azure's usable addresses (size − 5). */
  readonly usable?: number;
  /** subnet, proposed: why it is there (the field that names it); avoided: what the range is. */
  readonly why?: string;
  /** free: it can be split in halves (larger than Azure's smallest subnet, /29). */
  readonly canSplit?: boolean;
  /** free: the split block it joins back into with its sibling (the sibling is free and not split further). */
  readonly joins?: string;
}

export interface VnetSpaceMap {
  readonly cidr: string;
  readonly size: number;
  /** Addresses in subnets (the plan's and proposed ones) and free. */
  readonly used: number;
  readonly free: number;
  /** The largest free aligned block, or null when none is left. */
  readonly largestFree: string | null;
  readonly blocks: readonly VnetBlock[];
  /**
   * When the subnets (the plan's and proposed ones) fill less than a quarter of the space: the window from the
   * first to the last of them, as fractions of the space, so a page can draw them wide enough to read.
   */
  readonly zoom: { readonly x: number; readonly width: number; readonly first: string; readonly last: string } | null;
}

export interface VnetMap {
  readonly name: string | null;
  readonly spaces: readonly VnetSpaceMap[];
  /** Subnets `aksnet layout` would add, and the edits that add them (with what points the plan at them). */
  readonly proposed: { readonly names: readonly string[]; readonly edits: readonly PlanEdit[] };
  /** Layout problems and address spaces not drawn (IPv6, unreadable), one sentence each. */
  readonly notes: readonly string[];
}

export interface VnetMapOptions {
  /** Free blocks the user split in halves (CIDRs); blocks no longer free are ignored. */
  readonly splits?: readonly string[];
  /** The plan's `layoutPlan` result, when the caller has it (the map is a function of it, the VNet and `splits`). */
  readonly layout?: LayoutResult;
}

/** A few words for each subnet kind, short enough for a bar. */
export const PURPOSE_WORDS: Readonly<Record<LayoutKind, string>> = {
  nodes: "nodes",
  pods: "pods",
  systemNodes: "system nodes",
  apiServer: "API server",
  applicationGatewayForContainers: "AGC",
  applicationGateway: "App Gateway",
  azureFirewall: "Firewall",
  azureFirewallManagement: "Firewall mgmt",
  bastion: "Bastion",
  virtualNetworkGateway: "VPN/ER gateway",
  privateEndpoints: "endpoints",
  internalLoadBalancers: "internal LBs",
  virtualNodes: "virtual nodes",
  other: "other",
};

/** Subnets filling less than 1/ZOOM_BELOW of a space get a zoomed window. */
const ZOOM_BELOW = 4;

/** Azure's smallest subnet: free blocks are not split below it. */
const SMALLEST_SUBNET_BITS = 29;

function ip4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function v4(text: string): Prefix | undefined {
  if (typeof text !== "string") return undefined;
  const r = tryParsePrefix(text);
  return r.ok && r.value.family === 4 ? r.value.masked() : undefined;
}

/** The halves of an IPv4 block. */
function halves(p: Prefix): [string, string] {
  const lo = p.addr.v4;
  const half = 2 ** (31 - p.bits);
  return [`${ip4(lo)}/${p.bits + 1}`, `${ip4(lo + half)}/${p.bits + 1}`];
}

/** The free CIDR `cidr` cut along `splits`, as leaf blocks with the parent each joins back into. */
function splitFree(cidr: string, splits: ReadonlySet<string>, parent?: string): { cidr: string; joins?: string }[] {
  const p = v4(cidr);
  if (!p || !splits.has(p.toString()) || p.bits >= SMALLEST_SUBNET_BITS)
    return [{ cidr, ...(parent ? { joins: parent } : {}) }];
  const [a, b] = halves(p);
  const left = splitFree(a, splits, p.toString());
  const right = splitFree(b, splits, p.toString());
  // Only leaves whose sibling is a leaf too can join (the parent is then whole and free).
  const leaf = (x: { cidr: string; joins?: string }[]) => x.length === 1;
  if (!(leaf(left) && leaf(right))) {
    const drop = (x: { cidr: string; joins?: string }[]) =>
      x.map((y) => (y.joins === p.toString() ? { cidr: y.cidr } : y));
    return [...drop(left), ...drop(right)];
  }
  return [...left, ...right];
}

interface Ctx {
  readonly result: LayoutResult;
  /** The result's subnets by name (a 1,000-subnet plan would otherwise search the list per block). */
  readonly byName: ReadonlyMap<string, LayoutResult["subnets"][number]>;
  readonly spaceLo: number;
  readonly spaceSize: number;
  readonly splits: ReadonlySet<string>;
}

function blocksOf(seg: MapSegment, ctx: Ctx): VnetBlock[] {
  const at = (offset: number, size: number) => ({
    first: ip4(ctx.spaceLo + offset),
    last: ip4(ctx.spaceLo + offset + size - 1),
    size,
    x: offset / ctx.spaceSize,
    width: size / ctx.spaceSize,
  });
  if (seg.kind === "free") {
    let offset = seg.offset;
    return seg.cidrs.flatMap((c) =>
      splitFree(c, ctx.splits).map((leaf) => {
        const p = v4(leaf.cidr)!;
        const size = 2 ** (32 - p.bits);
        const block: VnetBlock = {
          kind: "free",
          cidrs: [leaf.cidr],
          ...at(offset, size),
          label: "free",
          canSplit: p.bits < SMALLEST_SUBNET_BITS,
          ...(leaf.joins ? { joins: leaf.joins } : {}),
        };
        offset += size;
        return block;
      }),
    );
  }
  if (seg.kind === "avoided")
    return [{ kind: "avoided", cidrs: seg.cidrs, ...at(seg.offset, seg.size), label: seg.what ?? "avoided" }];
  const subnet = seg.subnet === undefined ? undefined : ctx.byName.get(seg.subnet);
  const purpose = PURPOSE_WORDS[seg.subnetKind ?? "other"];
  if (seg.kind === "growth")
    return [
      {
        kind: "growth",
        cidrs: seg.cidrs,
        ...at(seg.offset, seg.size),
        label: `room for ${seg.subnet ?? ""} to grow`,
        purpose,
        ...(seg.subnetKind ? { subnetKind: seg.subnetKind } : {}),
      },
    ];
  const p = subnet?.cidr ? v4(subnet.cidr) : undefined;
  return [
    {
      kind: seg.status === "placed" ? "proposed" : "subnet",
      cidrs: seg.cidrs,
      ...at(seg.offset, seg.size),
      label: seg.subnet ?? "",
      purpose,
      ...(seg.subnetKind ? { subnetKind: seg.subnetKind } : {}),
      ...(p ? { usable: Number(azureUsable(p)) } : {}),
      ...(subnet ? { why: subnet.why } : {}),
    },
  ];
}

function spaceMap(space: ReturnType<typeof layoutView>["spaces"][number], ctx: Omit<Ctx, "spaceLo" | "spaceSize">) {
  const p = v4(space.cidr)!;
  const blocks = space.segments.flatMap((s) => blocksOf(s, { ...ctx, spaceLo: p.addr.v4, spaceSize: space.size }));
  const free = blocks.filter((b) => b.kind === "free" || b.kind === "growth").reduce((n, b) => n + b.size, 0);
  const used = blocks.filter((b) => b.kind === "subnet" || b.kind === "proposed").reduce((n, b) => n + b.size, 0);
  const largest = blocks
    .filter((b) => b.kind === "free")
    .reduce<VnetBlock | undefined>((m, b) => (!m || b.size > m.size ? b : m), undefined);
  const inner = blocks.filter((b) => b.kind === "subnet" || b.kind === "proposed" || b.kind === "growth");
  const a = inner[0];
  const z = inner[inner.length - 1];
  const zoom =
    a && z && (z.x + z.width - a.x) * ZOOM_BELOW < 1
      ? { x: a.x, width: z.x + z.width - a.x, first: a.first, last: z.last }
      : null;
  return { cidr: space.cidr, size: space.size, used, free, largestFree: largest?.cidrs[0] ?? null, blocks, zoom };
}

/**
 * The VNet map of a plan (its layout as `aksnet layout` computes it). Never throws for user input; a value from
 * JavaScript that is not a plan throws a RangeError sentence (`guardPlan`), options not an object are none.
 */
export function vnetMap(input: Plan | ResolvedPlan, options: VnetMapOptions = {}): VnetMap {
  const opts: VnetMapOptions = typeof options === "object" && options !== null ? options : {};
  if (isResolvedPlan(input)) return mapOf(input, opts);
  return guardPlan("vnetMap", input, (p) => mapOf(p, opts));
}

function mapOf(input: Plan | ResolvedPlan, options: VnetMapOptions): VnetMap {
  const plan = isResolvedPlan(input) ? input.plan : input;
  const result = options.layout ?? layoutPlan(input);
  const splits = new Set((options.splits ?? []).flatMap((c) => (v4(c) ? [v4(c)!.toString()] : [])));
  const view = layoutView(result);
  const byName = new Map(result.subnets.map((s) => [s.name, s]));
  const placed = result.subnets.filter((s) => s.status === "placed").map((s) => s.name);
  const notes = [
    ...result.problems.filter((p) => p.code !== "no-address-space").map((p) => `${p.message}.`),
    ...(plan.vnet?.addressSpace ?? [])
      .filter((t) => v4(t) === undefined)
      .map((t) => `${t} is not drawn: the map draws IPv4 address spaces.`),
  ];
  return {
    name: plan.vnet?.name ?? null,
    spaces: view.spaces.map((s) => spaceMap(s, { result, byName, splits })),
    proposed: { names: placed, edits: placed.length > 0 ? result.edits : [] },
    notes,
  };
}

/**
 * The edit that makes the free block `cidr` a subnet of the plan's VNet, named `name` or the first free
 * `subnet-N`; undefined when `cidr` is not an IPv4 CIDR.
 */
export function addSubnetEdit(
  plan: Plan,
  cidr: string,
  name?: string,
): { readonly name: string; readonly edit: PlanEdit } | undefined {
  const p = v4(cidr);
  if (!p) return undefined;
  const taken = new Set((plan.vnet?.subnets ?? []).map((s) => s.name));
  let chosen = name;
  for (let i = 1; chosen === undefined || taken.has(chosen); i++) chosen = `subnet-${i}`;
  return {
    name: chosen,
    edit: { op: "append", path: ["vnet", "subnets"], value: { name: chosen, cidr: p.toString() } },
  };
}

/** The splits after splitting `cidr` in halves. */
export function splitBlock(splits: readonly string[], cidr: string): string[] {
  if (!Array.isArray(splits)) return typeof cidr === "string" ? [cidr] : []; // values from JavaScript
  return splits.includes(cidr) || typeof cidr !== "string" ? [...splits] : [...splits, cidr];
}

/** The splits after joining the halves of `cidr` (and anything split inside it) back into it. */
export function joinBlock(splits: readonly string[], cidr: string): string[] {
  if (!Array.isArray(splits)) return []; // a value from JavaScript
  const parent = v4(cidr);
  if (!parent) return [...splits];
  return splits.filter((s) => {
    const p = v4(s);
    return !p || !(p.bits >= parent.bits && parent.contains(p));
  });
}

/** The KB title of a subnet kind, for a tooltip (undefined for nodes, pods and other). */
export function purposeTitle(kind: LayoutKind): string | undefined {
  return typeof kind === "string" && Object.hasOwn(SUBNET_KINDS, kind)
    ? SUBNET_KINDS[kind as keyof typeof SUBNET_KINDS].title
    : undefined;
}
