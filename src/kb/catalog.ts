/**
 * Every fact in the knowledge base as a flat list (path, value, sources), for
 * the data lint and for `docs/kb.md`, which is generated from it.
 */
import { formatCount } from "./count-text.js";
import { DATAPLANES } from "./dataplanes.js";
import { DEFAULT_CIDRS, EXAMPLE_NODE_SUBNET_BITS } from "./default-cidrs.js";
import { defaultMaxSurge, defaultModel, PLAN_DEFAULTS, RECOMMENDED_MAX_SURGE } from "./defaults.js";
import { DEPLOY_FEATURES } from "./deploy-tools.js";
import { DEPLOY_TARGETS } from "./deploy-targets.js";
import { MIGRATION } from "./migration.js";
import { MODEL_FACT_KEYS } from "./model.js";
import { MODEL_SELECTION } from "./model-of.js";
import { MODELS, STATIC_BLOCK_MIN_KUBERNETES } from "./models/index.js";
import { PLATFORM_LIMITS } from "./platform-limits.js";
import { FLEET } from "./fleet.js";
import { AVNM_CONNECTIVITY } from "./avnm-connectivity.js";
import { AVNM_IPAM } from "./avnm-ipam.js";
import { LOCALDNS_RANGE, OVERLAY_POD_CIDR_SUPPORTED_SPACE, RESERVED_RANGES } from "./reserved-ranges.js";
import { RETIREMENTS } from "./retirements.js";
import { MULTICAST_RANGES, SERVICE_CIDR_PRIVATE_SPACE_V4 } from "./service-cidr.js";
import { AKS_AUTOMATIC } from "./automatic.js";
import { NAT_GATEWAY } from "./nat-gateway.js";
import { AUTHORIZED_IP_RANGES } from "./api-server-authorized-ranges.js";
import { CLUSTER_SIGNALS } from "./cluster-signals.js";
import { GATEWAY_POOL } from "./pools/gateway.js";
import { NODE_AUTO_PROVISIONING } from "./pools/node-auto-provisioning.js";
import { SPOT_POOL } from "./pools/spot.js";
import { SUBNET_GROWTH, SUBNET_KINDS } from "./subnets/index.js";
import { ADDRESS_PLANNING } from "./address-planning.js";
import { AZURE_SUBNET } from "./azure-subnets.js";
import { NAME_RULES, OVERLAY_NETWORK_NAME_MAX } from "./names.js";
import { POLICY_ENGINE_LIMITS } from "./network-policy.js";
import { isSourced, sourced, type Sourced } from "./source.js";
import { AUTOMATIC_TIER, DEFAULT_TIER, FREE_TIER_RECOMMENDED_NODES, TIER_NODE_LIMITS } from "./tiers.js";
import { UPGRADE } from "./upgrade.js";
import { KUBERNETES_SUPPORT } from "./kubernetes-support.js";

export interface Fact {
  /** A dotted path naming the fact, e.g. `models.kubenet.maxNodes`. */
  readonly path: string;
  readonly fact: Sourced<unknown>;
}

function sourcedFields(prefix: string, obj: object): Fact[] {
  return Object.entries(obj).flatMap(([k, v]) => (isSourced(v) ? [{ path: `${prefix}.${k}`, fact: v }] : []));
}

/** Every sourced fact, in a stable order. */
export function facts(): Fact[] {
  const out: Fact[] = [];
  for (const m of Object.values(MODELS)) {
    for (const k of MODEL_FACT_KEYS) out.push({ path: `models.${m.id}.${k}`, fact: m[k] });
  }
  out.push({ path: "models.azure-cni-pod-subnet-static.minKubernetes", fact: STATIC_BLOCK_MIN_KUBERNETES });
  for (const d of Object.values(DATAPLANES)) out.push(...sourcedFields(`dataplanes.${d.id}`, d));
  out.push(...sourcedFields("platformLimits", PLATFORM_LIMITS));
  out.push(...sourcedFields("fleet", FLEET));
  out.push(...sourcedFields("avnmIpam", AVNM_IPAM));
  out.push(...sourcedFields("avnmConnectivity", AVNM_CONNECTIVITY));
  out.push(...sourcedFields("tiers.nodeLimit", TIER_NODE_LIMITS));
  out.push({ path: "tiers.default", fact: DEFAULT_TIER });
  out.push({ path: "tiers.automatic", fact: AUTOMATIC_TIER });
  out.push({ path: "tiers.freeRecommendedNodes", fact: FREE_TIER_RECOMMENDED_NODES });
  out.push(...sourcedFields("azureSubnet", AZURE_SUBNET));
  out.push(...sourcedFields("upgrade", UPGRADE));
  out.push(...sourcedFields("kubernetesSupport", KUBERNETES_SUPPORT));
  out.push(...sourcedFields("addressPlanning", ADDRESS_PLANNING));
  out.push(...sourcedFields("policyEngineLimits", POLICY_ENGINE_LIMITS));
  out.push(...sourcedFields("names", NAME_RULES));
  out.push({ path: "names.overlayNetworkNameMax", fact: OVERLAY_NETWORK_NAME_MAX });
  out.push(...sourcedFields("defaultCidrs", DEFAULT_CIDRS));
  out.push({ path: "exampleNodeSubnetBits", fact: EXAMPLE_NODE_SUBNET_BITS });
  out.push(...sourcedFields("migration", MIGRATION));
  for (const k of Object.values(SUBNET_KINDS)) out.push(...sourcedFields(`subnetKinds.${k.id}`, k));
  out.push(...sourcedFields("subnetGrowth", SUBNET_GROWTH));
  out.push(...sourcedFields("pools.gateway", GATEWAY_POOL));
  out.push(...sourcedFields("pools.nodeAutoProvisioning", NODE_AUTO_PROVISIONING));
  out.push(...sourcedFields("pools.spot", SPOT_POOL));
  out.push(...sourcedFields("automatic", AKS_AUTOMATIC));
  out.push(...sourcedFields("natGateway", NAT_GATEWAY));
  out.push(...sourcedFields("authorizedIpRanges", AUTHORIZED_IP_RANGES));
  out.push(...sourcedFields("clusterSignals", CLUSTER_SIGNALS));
  out.push(...sourcedFields("deployTargets", DEPLOY_TARGETS));
  for (const [id, f] of Object.entries(DEPLOY_FEATURES)) out.push(...sourcedFields(`deployFeatures.${id}`, f));
  out.push({ path: "defaults.model", fact: defaultModel() });
  out.push({ path: "defaults.maxSurge", fact: defaultMaxSurge() });
  out.push({ path: "defaults.recommendedMaxSurge", fact: RECOMMENDED_MAX_SURGE });
  out.push(...sourcedFields("defaults", PLAN_DEFAULTS));
  out.push(...sourcedFields("modelSelection", MODEL_SELECTION));
  for (const r of RESERVED_RANGES)
    out.push({ path: `reservedRanges.${r.cidr}`, fact: sourced(r.reason, r.source, { checked: r.checked }) });
  out.push({ path: "localDnsRange", fact: LOCALDNS_RANGE });
  out.push({ path: "overlayPodCidrSupportedSpace", fact: OVERLAY_POD_CIDR_SUPPORTED_SPACE });
  out.push({ path: "serviceCidrPrivateSpaceV4", fact: SERVICE_CIDR_PRIVATE_SPACE_V4 });
  out.push({ path: "multicastRanges", fact: MULTICAST_RANGES });
  for (const r of RETIREMENTS)
    out.push({
      path: `retirements.${r.id}`,
      fact: sourced(r.date, r.source, {
        checked: r.checked,
        ...(r.previousDate
          ? { alternatives: [{ value: r.previousDate, source: r.source, note: r.note ?? "earlier date" }] }
          : {}),
      }),
    });
  return out;
}

function show(v: unknown): string {
  if (v === null) return "none";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatCount(v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length === 0 ? "none" : v.map(show).join(", ");
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o["rule"] === "string" && typeof o["what"] === "string") return o["rule"];
    if (o["kind"] === "percent") return `${String(o["percent"])}%`;
    if (o["kind"] === "count") return `${String(o["count"])} node(s)`;
    return Object.entries(o)
      .map(([k, x]) => `${k}: ${show(x)}`)
      .join("; ");
  }
  return String(v);
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** `docs/kb.md`: every fact with its value, alternatives and sources. */
export function renderFactsMarkdown(): string {
  const lines = [
    "# Knowledge base",
    "",
    "Every AKS fact aksnet uses, with its source and the date it was checked. Generated from `src/kb`",
    "(do not edit by hand: run `npm run generate`);",
    "a test fails when this page and the code drift apart. Where Microsoft's sources disagree, the value is",
    "the newer documented behaviour and the alternatives say what the other sources state.",
    "",
    "| fact | value | alternatives | sources | checked |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const { path, fact } of facts()) {
    const alts = (fact.alternatives ?? []).map((a) => `${show(a.value)} (${a.note})`).join("; ");
    const derived = fact.derived ? ` *(derived: ${fact.derived})*` : "";
    const src = fact.source.map((s) => `${s.url}${s.note ? ` — ${s.note}` : ""}`).join("<br>");
    lines.push(
      `| \`${path}\` | ${cell(show(fact.value) + derived)} | ${cell(alts)} | ${cell(src)} | ${fact.checked} |`,
    );
  }
  return lines.join("\n") + "\n";
}
