/**
 * The web planner's state and its home, the URL fragment. Everything the page
 * shows is a function of this value; the fragment (after `#`) is never sent to
 * a server, so a shared link carries the plan without anything being stored.
 *
 * Fragment format (version 1): `#v=1&z=<base64url deflate-raw of the UTF-8 text>&subnet=<cidr>&nodes=<n>&gen=<format>`
 * (`encodeStateCompressed`; links written before compression carry `plan=<base64url UTF-8 text>`, still read).
 * Unknown keys are ignored; a missing key takes its default; an oversized or
 * undecodable fragment is reported, never thrown.
 */
import { PLATFORM_LIMITS } from "../../kb/index.js";
import { EXAMPLE_NODE_SUBNET } from "../../engines/capacity/index.js";

/** Input text larger than this is refused (the editor and the URL share the limit). */
export const MAX_PLAN_TEXT = 512 * 1024;

export const GENERATE_FORMATS = ["az", "bicep", "terraform"] as const;
export type GenerateFormat = (typeof GENERATE_FORMATS)[number];

export interface PageState {
  /** The plan as the user wrote it: aksnet.yaml, `az aks show` JSON or Terraform plan JSON. */
  readonly planText: string;
  /**
   * The subnet the model comparison is computed for; "" (the default): the plan's first node subnet, else the /24
   * example.
   */
  readonly compareSubnet: string;
  /**
   * The node count marked on the chart (nodes in the cluster, before surge); 0 (the default): the plan's peak nodes.
   */
  readonly nodes: number;
  readonly generateFormat: GenerateFormat;
}

/** The /24 example of the AKS docs (a /24 node subnet), as `aksnet compare` uses it. */
export const EXAMPLE_SUBNET = EXAMPLE_NODE_SUBNET;

export const EXAMPLE_PLAN = `apiVersion: aksnet/v1
kind: ClusterPlan
name: aks-prod-weu
location: westeurope
resourceGroup: rg-aks
kubernetesVersion: "1.33"
network:
  plugin: azure
  pluginMode: overlay
  dataplane: cilium
  policy: cilium
  podCidrs: [10.244.0.0/16]
  serviceCidrs: [10.0.0.0/16]
  dnsServiceIp: 10.0.0.10
vnet:
  name: vnet-aks
  resourceGroup: rg-network
  addressSpace: [10.224.0.0/12]
  subnets:
    - { name: aks-nodes, cidr: 10.224.0.0/22 }
    - { name: shared, cidr: 10.224.8.0/24 }
connectedNetworks:
  - { name: hub, cidrs: [10.64.0.0/16] }
  - { name: on-prem, cidrs: [192.168.0.0/16] }
nodePools:
  - name: system
    mode: System
    count: 3
    minCount: 3
    maxCount: 10
    maxPods: 110
    subnet: aks-nodes
`;

export const DEFAULT_STATE: PageState = {
  planText: EXAMPLE_PLAN,
  compareSubnet: "",
  nodes: 0,
  generateFormat: "az",
};

/** The chart's node count goes up to AKS's cluster node limit (the knowledge base carries its source). */
export const MAX_NODES = PLATFORM_LIMITS.nodesPerCluster.value;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The fragment (without `#`) for a state; keys equal to the default are left out. */
export function encodeState(state: PageState): string {
  const parts = ["v=1"];
  if (state.planText !== DEFAULT_STATE.planText) parts.push(`plan=${toBase64Url(state.planText)}`);
  if (state.compareSubnet !== DEFAULT_STATE.compareSubnet)
    parts.push(`subnet=${encodeURIComponent(state.compareSubnet)}`);
  if (state.nodes !== DEFAULT_STATE.nodes) parts.push(`nodes=${state.nodes}`);
  if (state.generateFormat !== DEFAULT_STATE.generateFormat) parts.push(`gen=${state.generateFormat}`);
  return parts.join("&");
}

export interface DecodedState {
  readonly state: PageState;
  /** What could not be read from the fragment, one sentence each; the defaults were used instead. */
  readonly problems: readonly string[];
}

/** The fragment's `key=value` pairs (a key without `=` has the value ""). */
function fragmentParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of text.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    params.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? "" : part.slice(eq + 1));
  }
  return params;
}

/** Reads a fragment (with or without `#`); anything unreadable falls back to the default and is reported. */
export function decodeState(fragment: string): DecodedState {
  const text = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  const problems: string[] = [];
  if (text.length > (MAX_PLAN_TEXT * 4) / 3 + 1024) {
    return {
      state: DEFAULT_STATE,
      problems: [
        `The link is ${text.length} characters long, more than the ${MAX_PLAN_TEXT / 1024} KiB plan limit; the ` +
          `example plan is shown instead.`,
      ],
    };
  }
  const params = fragmentParams(text);
  let { planText, compareSubnet, nodes, generateFormat } = DEFAULT_STATE;
  const plan = params.get("plan");
  if (plan !== undefined) {
    const decoded = fromBase64Url(plan);
    if (decoded === undefined)
      problems.push("The plan in the link is not valid base64url UTF-8 text; the example plan is shown instead.");
    else if (decoded.length > MAX_PLAN_TEXT)
      problems.push(
        `The plan in the link is larger than ${MAX_PLAN_TEXT / 1024} KiB; the example plan is shown instead.`,
      );
    else planText = decoded;
  }
  const subnet = params.get("subnet");
  if (subnet !== undefined) {
    try {
      const s = decodeURIComponent(subnet);
      if (s.length <= 64) compareSubnet = s;
      else problems.push("The subnet in the link is too long; the plan's node subnet is used instead.");
    } catch {
      problems.push("The subnet in the link is not valid percent-encoding; the plan's node subnet is used instead.");
    }
  }
  const n = params.get("nodes");
  if (n !== undefined) {
    const v = Number(n);
    if (/^\d{1,5}$/.test(n) && v >= 1 && v <= MAX_NODES) nodes = v;
    else
      problems.push(
        `The node count '${n.slice(0, 20)}' in the link is not a whole number from 1 to ${MAX_NODES}; the plan's ` +
          `node count is used instead.`,
      );
  }
  const gen = params.get("gen");
  if (gen !== undefined) {
    if ((GENERATE_FORMATS as readonly string[]).includes(gen)) generateFormat = gen as GenerateFormat;
    else
      problems.push(
        `The format '${gen.slice(0, 20)}' in the link is not one of ${GENERATE_FORMATS.join(", ")}; az is used ` +
          `instead.`,
      );
  }
  return { state: { planText, compareSubnet, nodes, generateFormat }, problems };
}

/** Runs bytes through a (de)compression stream; stops with undefined once the output passes `limit` bytes. */
async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array | undefined> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as unknown as BufferSource).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    return undefined;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The fragment for a state with the plan compressed (deflate-raw, then base64url): a 30-pool plan's
 * link is a fraction of its `plan=` form. Falls back to `encodeState` where streams are missing.
 */
export async function encodeStateCompressed(state: PageState): Promise<string> {
  if (state.planText === DEFAULT_STATE.planText || typeof CompressionStream === "undefined") return encodeState(state);
  const z = await compressedPlan(state.planText);
  if (z === undefined) return encodeState(state);
  // The other keys as encodeState writes them, the plan's place (right after v=1) taken by z= (the plan is not
  // base64-encoded uncompressed first: that took longer than the compression for a 48 KiB plan).
  const [version, ...rest] = encodeState({ ...state, planText: DEFAULT_STATE.planText }).split("&");
  return [version, `z=${z}`, ...rest].join("&");
}

/** The last plan compressed: an edit of the node count, the compared subnet or the format does not compress again. */
let lastPacked: { readonly text: string; readonly z: string } | undefined;

async function compressedPlan(text: string): Promise<string | undefined> {
  if (lastPacked?.text === text) return lastPacked.z;
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw"), Infinity);
  if (!packed) return undefined;
  lastPacked = { text, z: bytesToBase64Url(packed) };
  return lastPacked.z;
}

/** `decodeState`, also reading a compressed plan (`z=`); a compressed plan that inflates past the limit is refused. */
export async function decodeStateCompressed(fragment: string): Promise<DecodedState> {
  const text = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  const z = /(?:^|&)z=([^&]*)/.exec(text)?.[1];
  const rest = text.replace(/(^|&)z=[^&]*/, "");
  const decoded = decodeState(rest);
  if (z === undefined) return decoded;
  const fail = (why: string): DecodedState => ({ state: decoded.state, problems: [...decoded.problems, why] });
  if (!/^[A-Za-z0-9_-]*$/.test(z) || typeof DecompressionStream === "undefined")
    return fail("The plan in the link is not valid compressed text; the example plan is shown instead.");
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(z.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  } catch {
    return fail("The plan in the link is not valid base64url; the example plan is shown instead.");
  }
  // UTF-8 takes at most 3 bytes per UTF-16 unit: anything longer is over the plan limit (and no zip bomb fills memory).
  const inflated = await pipe(bytes, new DecompressionStream("deflate-raw"), MAX_PLAN_TEXT * 3);
  if (!inflated)
    return fail(
      `The plan in the link does not inflate to at most ${MAX_PLAN_TEXT / 1024} KiB of text; the example plan is ` +
        `shown instead.`,
    );
  let planText: string;
  try {
    planText = new TextDecoder("utf-8", { fatal: true }).decode(inflated);
  } catch {
    return fail("The plan in the link is not UTF-8 text; the example plan is shown instead.");
  }
  if (planText.length > MAX_PLAN_TEXT)
    return fail(`The plan in the link is larger than ${MAX_PLAN_TEXT / 1024} KiB; the example plan is shown instead.`);
  return { state: { ...decoded.state, planText }, problems: decoded.problems };
}
