/**
 * What the plan's JSON Schema says beyond the structure the loader checks: the
 * ranges and patterns of rules that `aksnet check` reports as errors whatever
 * the rest of the plan, so an editor flags `maxPods: 9999` or `count: -3` as
 * it is typed. The loader does not enforce them (the rules do, with a path, a
 * message and a fix), so they are added to the generated JSON Schema only.
 * Values come from the knowledge base; hints are keyed by the zod schema
 * objects themselves, so a renamed or removed field cannot keep a stale hint.
 */
import type { z } from "zod";
import { MODELS, PLATFORM_LIMITS, formatCount } from "../../kb/index.js";
import { cidrText, NetworkSection, NodePoolSection, PlanSchema } from "./schema.js";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`;
/** IPv6 text, loosely: hex groups and colons, an embedded IPv4 allowed (the cidr-invalid rule parses it exactly). */
const IPV6 = "[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){1,7}(?::" + IPV4 + ")?";

/** IPv4 or IPv6 CIDR notation with a prefix length in range for the family. */
export const CIDR_PATTERN = `^(?:${IPV4}/(?:3[0-2]|[12]?\\d)|${IPV6}/(?:12[0-8]|1[01]\\d|[1-9]?\\d))$`;
/** An IPv4 or IPv6 address. */
export const IP_PATTERN = `^(?:${IPV4}|${IPV6})$`;
/** A Kubernetes minor or patch version: 1.33, 1.33.2. */
export const KUBERNETES_VERSION_PATTERN = "^\\s*v?\\d{1,3}\\.\\d{1,3}(?:\\.\\d{1,4})?\\s*$";

type Hint = Record<string, unknown>;

function inner(s: z.ZodType): z.ZodType {
  let t = s as z.ZodType & { unwrap?: () => z.ZodType };
  while (typeof t.unwrap === "function" && (t.def.type === "optional" || t.def.type === "default"))
    t = t.unwrap() as typeof t;
  return t;
}

/** zod schema → the JSON Schema keywords it gains. */
export function schemaHints(): Map<unknown, Hint> {
  const models = Object.values(MODELS);
  const minPods = Math.min(...models.map((m) => m.minMaxPods.value));
  const maxPods = Math.max(...models.map((m) => m.maxPodsPerNode.value));
  const perPool = PLATFORM_LIMITS.nodesPerPool.value;
  const nodes = (what: string): Hint => ({
    minimum: 0,
    maximum: perPool,
    description: `${what}: 0 to ${formatCount(perPool)} (a System pool at least 1; rule node-count-out-of-range)`,
  });
  const pool = NodePoolSection.shape;
  const version = inner(PlanSchema.shape.kubernetesVersion) as z.ZodUnion<[z.ZodString, z.ZodNumber]>;
  return new Map<unknown, Hint>([
    [inner(pool.count), nodes("nodes in the pool")],
    [inner(pool.minCount), nodes("autoscaler minimum")],
    [inner(pool.maxCount), nodes("autoscaler maximum; AKS reserves addresses for it up front")],
    [
      inner(pool.maxPods),
      {
        minimum: minPods,
        maximum: maxPods,
        description:
          `pods per node: ${minPods} to ${maxPods}; default by model (Azure CNI node subnet 30, Overlay ` +
          `250, kubenet 110); rule max-pods-out-of-range`,
      },
    ],
    [inner(pool.gatewayPrefixSize), { minimum: 28, maximum: 31 }],
    [cidrText, { pattern: CIDR_PATTERN }],
    [inner(NetworkSection.shape.dnsServiceIp), { pattern: IP_PATTERN }],
    [version.options[0], { pattern: KUBERNETES_VERSION_PATTERN }],
  ]);
}

/** The `override` of z.toJSONSchema that adds the hints. */
export function addSchemaHints(): (ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) => void {
  const hints = schemaHints();
  return ({ zodSchema, jsonSchema }) => {
    const hint = hints.get(zodSchema);
    if (hint) Object.assign(jsonSchema, hint);
  };
}
