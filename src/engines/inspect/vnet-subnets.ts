/**
 * The other subnets of a cluster's VNet (`inspect --azure`): the subnets beside its node and pod subnets that
 * Azure or AKS give a role — Application Gateway for Containers, Application Gateway, Azure Firewall (and its
 * management subnet), Bastion, a VPN/ExpressRoute gateway, private endpoints, the API server, virtual nodes —
 * classified by Azure's reserved name, by delegation, or by the private endpoints Azure lists in the subnet, and
 * each judged against the knowledge base's size bounds for its kind (src/kb/subnets/). A subnet none of these
 * name is left out. From inside the cluster none of them can be seen. A library caller's malformed VNet is
 * skipped, never a throw.
 */
import { tryParsePrefix } from "../../ip/index.js";
import {
  SUBNET_KINDS,
  formatCount,
  subnetKindByDelegation,
  subnetKindByName,
  type SubnetKindId,
} from "../../kb/index.js";
import type { EstateVnet } from "../scan/index.js";
import { guardArgs, TEXTS } from "./guard-args.js";

/** How the subnet's kind was told: the cluster's ARM record naming it (`record`), or the subnet itself. */
export type VnetSubnetEvidence = "record" | "name" | "delegation" | "private-endpoints";

export interface VnetSubnet {
  /** The VNet's name and the subnet's name, ARM ID and prefixes as Azure has them. */
  readonly vnet: string;
  readonly name: string;
  readonly id: string;
  readonly prefixes: readonly string[];
  readonly kind: SubnetKindId;
  readonly title: string;
  readonly by: VnetSubnetEvidence;
  /** The smallest size the kind supports, as a prefix length (28: /28 or larger); the subnet's own length. */
  readonly minimumPrefixLength: number;
  readonly prefixLength: number | null;
  /** The largest size the kind supports, when one is documented (AGC with Overlay: exactly /24); else null. */
  readonly maximumPrefixLength: number | null;
  /** Azure's figures for the subnet (the VNet usage API), null when not read. */
  readonly used: number | null;
  readonly usable: number | null;
  /** `ok`, `too-small` (longer prefix than the kind's minimum), `too-large`, or `unknown` (no IPv4 prefix). */
  readonly verdict: "ok" | "too-small" | "too-large" | "unknown";
  /** One sentence: what the subnet is and how that was told, its size against the kind's bounds, its use. */
  readonly message: string;
  /** Where the kind's size bounds come from (URLs). */
  readonly source: readonly string[];
}

const list = <T>(x: readonly T[] | undefined | null): readonly T[] =>
  Array.isArray(x) ? x.filter((e): e is T => typeof e === "object" && e !== null) : [];
const texts = (x: unknown): string[] => (Array.isArray(x) ? x.filter((e): e is string => typeof e === "string") : []);

function kindOf(
  s: EstateVnet["subnets"][number],
  roles: ReadonlyMap<string, SubnetKindId>,
): { kind: SubnetKindId; by: VnetSubnetEvidence } | undefined {
  const role = roles.get(String(s.id).toLowerCase());
  if (role) return { kind: role, by: "record" };
  const named = typeof s.name === "string" ? subnetKindByName(s.name) : undefined;
  if (named) return { kind: named, by: "name" };
  for (const d of texts(s.delegations)) {
    const k = subnetKindByDelegation(d);
    if (k) return { kind: k, by: "delegation" };
  }
  const pe = (s as { readonly privateEndpoints?: unknown }).privateEndpoints;
  if (typeof pe === "number" && pe > 0) return { kind: "privateEndpoints", by: "private-endpoints" };
  return undefined;
}

const BY_WORDS: Record<VnetSubnetEvidence, string> = {
  record: "the cluster's ARM record names it",
  name: "by its name",
  delegation: "by its delegation",
  "private-endpoints": "by its private endpoints",
};

/**
 * The subnets a cluster's ARM record names for a role beside its pools: the Application Gateway Ingress
 * Controller's gateway subnet (`addonProfiles.ingressApplicationGateway.config.subnetId`), which Azure marks by
 * neither a reserved name nor a delegation. Anything else in the record is ignored; a malformed record gives none.
 */
export function recordSubnetRoles(record: unknown): Map<string, SubnetKindId> {
  const obj = (x: unknown): Record<string, unknown> | undefined =>
    typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
  const r = obj(record);
  const addons = obj(obj(r?.["properties"])?.["addonProfiles"] ?? r?.["addonProfiles"]);
  const agic = obj(addons?.["ingressApplicationGateway"] ?? addons?.["ingressapplicationgateway"]);
  const id = obj(agic?.["config"])?.["subnetId"];
  const out = new Map<string, SubnetKindId>();
  if (agic?.["enabled"] === true && typeof id === "string" && id) out.set(id.toLowerCase(), "applicationGateway");
  return out;
}

/**
 * The size Microsoft recommends for the kind when it is larger than the minimum and stated by Microsoft (a gateway
 * subnet: /27, an Application Gateway subnet: /24); null when the kb's recommendation is aksnet's own derivation.
 */
function recommendedOf(kind: SubnetKindId): number | null {
  const r = SUBNET_KINDS[kind].recommendedPrefixLength;
  return r.derived === undefined && r.value < SUBNET_KINDS[kind].maxPrefixLength.value ? r.value : null;
}

function judge(
  bits: number | null,
  min: number,
  max: number | null,
  recommended: number | null,
): { verdict: VnetSubnet["verdict"]; words: string } {
  if (bits === null) return { verdict: "unknown", words: "its IPv4 prefix could not be read" };
  if (bits > min) return { verdict: "too-small", words: `/${bits} is smaller than the /${min} it needs at least` };
  if (max !== null && bits < max) return { verdict: "too-large", words: `/${bits} is larger than the /${max} allowed` };
  const below = recommended !== null && bits > recommended ? `, below the /${recommended} Microsoft recommends` : "";
  return { verdict: "ok", words: `/${bits} meets the /${min} minimum${below}` };
}

/** The subnet's usage figures, when the VNet usage API gave them (Azure gives none for a GatewaySubnet: -1). */
function usageOf(s: EstateVnet["subnets"][number]): { used: number | null; usable: number | null } {
  const u = s.usage;
  if (!u || typeof u.used !== "number" || typeof u.limit !== "number" || u.limit < 0)
    return { used: null, usable: null };
  return { used: u.used, usable: u.limit };
}

/**
 * Every subnet with a role of the VNets that hold one of `clusterSubnetIds` (the cluster's node and pod subnets),
 * in VNet then subnet order, except those subnets themselves. `roles` are the subnets the cluster's ARM record
 * names for a role (by resource ID, any case: `recordSubnetRoles`); they are told by that first.
 */
export const vnetSubnetsOf = guardArgs(
  "vnetSubnetsOf",
  [
    { name: "vnets", want: [{ subnets: "list" }], words: "the estate VNets" },
    { ...TEXTS, name: "clusterSubnetIds" },
  ],
  function vnetSubnetsOf(
    vnets: readonly EstateVnet[],
    clusterSubnetIds: readonly string[],
    roles: ReadonlyMap<string, SubnetKindId> = new Map(),
  ): VnetSubnet[] {
    const mine = new Set(clusterSubnetIds.map((x) => String(x).toLowerCase()));
    const byId = new Map([...roles].map(([id, k]) => [id.toLowerCase(), k]));
    const out: VnetSubnet[] = [];
    for (const v of list(vnets)) {
      const subnets = list(v.subnets);
      if (!subnets.some((s) => mine.has(String(s.id).toLowerCase()))) continue;
      for (const s of subnets) {
        if (mine.has(String(s.id).toLowerCase())) continue;
        const k = kindOf(s, byId);
        if (!k) continue;
        const facts = SUBNET_KINDS[k.kind];
        const prefixes = texts(s.prefixes);
        const parsed = prefixes.map((p) => tryParsePrefix(p)).find((p) => p.ok && p.value.family === 4);
        const bits = parsed?.ok ? parsed.value.bits : null;
        const min = facts.maxPrefixLength.value;
        const max = facts.minPrefixLength.value;
        const { verdict, words } = judge(bits, min, max, recommendedOf(k.kind));
        const { used, usable } = usageOf(s);
        const use = used !== null && usable !== null ? `; ${formatCount(used)} of ${formatCount(usable)} used` : "";
        out.push({
          vnet: String(v.name),
          name: String(s.name),
          id: String(s.id),
          prefixes,
          kind: k.kind,
          title: facts.title,
          by: k.by,
          minimumPrefixLength: min,
          prefixLength: bits,
          maximumPrefixLength: max,
          used,
          usable,
          verdict,
          message: `${facts.title} (${BY_WORDS[k.by]}): ${words}${use}`,
          source: [
            ...new Set([...facts.maxPrefixLength.source, ...(facts.minPrefixLength.source ?? [])].map((x) => x.url)),
          ],
        });
      }
    }
    return out;
  },
);
