/**
 * What each output format can express of a checked plan, from the knowledge
 * base's deployment-tool facts: the plan values whose support differs between
 * the az CLI, the stable ARM API Bicep uses and the azurerm provider, the
 * minimum tool version the output states, and the values a format must refuse
 * (one problem each, naming the field and what to do instead).
 */
import { DEPLOY_FEATURES, DEPLOY_TARGETS, type DeployFeature, type DeployFeatureId } from "../../kb/index.js";
import type { GenerateFormat, GenPlan, GenPool, GenProblem } from "./model.js";

/** A plan value that needs something of the tools, with the plan field that asks for it. */
export interface FeatureUse {
  readonly id: DeployFeatureId;
  readonly path: string;
  readonly value: string;
}

/** Every plan value listed in `DEPLOY_FEATURES`, in plan order. */
export function featuresUsed(plan: GenPlan): FeatureUse[] {
  const n = plan.network;
  const out: FeatureUse[] = [];
  const podSubnets = plan.pools.some((p) => p.podSubnet !== undefined);
  if (n.plugin === "none") out.push({ id: "byoCni", path: "network.plugin", value: "none" });
  if (n.pluginMode === "overlay") out.push({ id: "overlay", path: "network.pluginMode", value: "overlay" });
  if (n.dataplane === "cilium")
    out.push({
      id: n.pluginMode === "overlay" || podSubnets ? "ciliumDataplane" : "ciliumNodeSubnet",
      path: "network.dataplane",
      value: "cilium",
    });
  const outbound: Partial<Record<string, DeployFeatureId>> = {
    userDefinedRouting: "userDefinedRouting",
    none: "outboundNone",
    block: "outboundBlock",
    managedNATGatewayV2: "managedNatGatewayV2",
  };
  const o = n.outboundType === undefined ? undefined : outbound[n.outboundType];
  if (o !== undefined && n.outboundType !== undefined)
    out.push({ id: o, path: "network.outboundType", value: n.outboundType });
  for (const p of plan.pools) out.push(...poolFeatures(p));
  if (plan.automatic) out.push({ id: "automatic", path: "sku.name", value: "Automatic" });
  if (plan.vnet?.ipamPool !== undefined)
    out.push({ id: "avnmIpamPool", path: "--ipam-pool", value: plan.vnet.ipamPool });
  if (plan.authorizedIpRanges !== undefined)
    out.push({
      id: "authorizedIpRanges",
      path: "apiServer.authorizedIpRanges",
      value: plan.authorizedIpRanges.join(","),
    });
  if (plan.apiServer?.vnetIntegration)
    out.push({ id: "apiServerVnetIntegration", path: "apiServer.vnetIntegration", value: "true" });
  if (plan.nodeProvisioning === "Auto")
    out.push({ id: "nodeAutoProvisioning", path: "nodeProvisioning.mode", value: "Auto" });
  if (plan.addons.virtualNodes)
    out.push({ id: "virtualNodes", path: "addons.virtualNodes.subnet", value: plan.addons.virtualNodes.subnet });
  if (plan.addons.applicationGateway)
    out.push({
      id: "applicationGatewayIngress",
      path: "addons.applicationGateway.subnet",
      value: plan.addons.applicationGateway.subnet,
    });
  return out;
}

/** The values of one pool listed in `DEPLOY_FEATURES`. */
function poolFeatures(p: GenPool): FeatureUse[] {
  const out: FeatureUse[] = [];
  const at = `nodePools[${p.index}]`;
  if (p.podSubnet !== undefined) out.push({ id: "podSubnet", path: `${at}.podSubnet`, value: p.podSubnet });
  if (p.podIpAllocation === "StaticBlock")
    out.push({ id: "staticBlock", path: `${at}.podIpAllocation`, value: "StaticBlock" });
  if (p.maxSurge !== undefined) out.push({ id: "maxSurge", path: `${at}.maxSurge`, value: p.maxSurge });
  if (p.osSku === "Windows2025") out.push({ id: "windows2025", path: `${at}.os`, value: "Windows2025" });
  if (p.mode === "Gateway") out.push({ id: "staticEgressGateway", path: `${at}.mode`, value: "Gateway" });
  if (p.vmSetType === "VirtualMachines")
    out.push({ id: "gatewayPrivateIp", path: `${at}.vmSetType`, value: "VirtualMachines" });
  if (p.priority === "Spot") out.push({ id: "spotPool", path: `${at}.priority`, value: "Spot" });
  if (p.nodePublicIp === true)
    out.push(
      p.nodePublicIpPrefixId === undefined
        ? { id: "nodePublicIp", path: `${at}.nodePublicIp`, value: "true" }
        : { id: "nodePublicIpPrefix", path: `${at}.nodePublicIpPrefixId`, value: p.nodePublicIpPrefixId },
    );
  return out;
}

/** Compares dotted versions such as `2.48.1` and `9.0.0b2` (a `bN` suffix sorts before the release). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => {
    const [, main = v, beta] = /^([0-9.]+?)(?:b([0-9]+))?$/.exec(v) ?? [];
    return [...main.split(".").map(Number), beta === undefined ? Infinity : Number(beta)];
  };
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d < 0 ? -1 : 1;
  }
  return 0;
}

function newest(versions: readonly (string | undefined)[]): string | undefined {
  return versions
    .filter((v): v is string => v !== undefined)
    .sort(compareVersions)
    .at(-1);
}

/** What the az script needs: the CLI version, and for preview values the extension and features to register. */
export interface AzNeeds {
  readonly cli: string;
  /** The plan value that needs that CLI version, when one raises it above the baseline. */
  readonly cliFor?: string;
  readonly previewExtension?: string;
  readonly previewFor: readonly string[];
  readonly featureFlags: readonly string[];
}

export function azNeeds(plan: GenPlan): AzNeeds {
  const used = featuresUsed(plan).map((u) => ({ u, f: DEPLOY_FEATURES[u.id] }));
  const baseline = DEPLOY_TARGETS.azBaseline.value;
  const cli = newest([baseline, ...used.map((x) => x.f.az.value.cli)]) ?? baseline;
  const raiser = used.find((x) => x.f.az.value.cli === cli && cli !== baseline);
  const preview = used.filter((x) => x.f.az.value.previewExtension !== undefined);
  return {
    cli,
    ...(raiser ? { cliFor: raiser.f.title } : {}),
    ...(preview.length > 0
      ? { previewExtension: newest(preview.map((x) => x.f.az.value.previewExtension)) ?? "" }
      : {}),
    previewFor: [...new Set(preview.map((x) => x.f.title))],
    featureFlags: [
      ...new Set(used.flatMap((x) => (x.f.az.value.featureFlag !== undefined ? [x.f.az.value.featureFlag] : []))),
    ],
  };
}

/** The sentences that state the az script's requirements, for its header and its notes. */
export function azNeedsText(needs: AzNeeds): string[] {
  const out = [`needs the az CLI ${needs.cli} or later${needs.cliFor ? `, for ${needs.cliFor}` : ""}`];
  if (needs.previewExtension !== undefined)
    out.push(
      `needs the aks-preview extension ${needs.previewExtension} or later (az extension add --name aks-preview), for ` +
        `${needs.previewFor.join(" and ")}`,
    );
  for (const f of needs.featureFlags)
    out.push(
      `needs the preview feature ${f} registered (az feature register --namespace Microsoft.ContainerService --name ` +
        `${f})`,
    );
  return out;
}

const FORMAT_NAMES: Readonly<Record<GenerateFormat, string>> = {
  az: "an az CLI script",
  bicep: "Bicep",
  terraform: "Terraform",
};

/** The values a format cannot write as AKS would run them: one problem each, saying what to use instead. */
export function refusals(plan: GenPlan, format: GenerateFormat): GenProblem[] {
  if (format === "az") return [];
  const api = DEPLOY_TARGETS.managedClustersApi.value;
  const out: GenProblem[] = [];
  for (const u of featuresUsed(plan)) {
    const f: DeployFeature = DEPLOY_FEATURES[u.id];
    const az = f.az.value;
    const viaAz =
      `generate the az script ` +
      `instead${az.previewExtension ? ` (aks-preview ${az.previewExtension} or later)` : ""}`;
    if (format === "bicep" && f.arm.value === "preview-only")
      out.push({
        path: u.path,
        value: u.value,
        format,
        reason:
          `${f.title} exists only in preview API versions and this Bicep file uses the stable API ${api}; ` +
          `${viaAz}`,
      });
    const tf = f.azurerm.value;
    if (format === "terraform" && "missingIn" in tf && f.azapi === undefined)
      out.push({
        path: u.path,
        value: u.value,
        format,
        reason:
          `the azurerm provider (checked up to ${tf.missingIn}) has no argument for ` +
          `${f.title}${tf.tracking ? ` (${tf.tracking})` : ""}; ` +
          (u.id === "managedNatGatewayV2" || u.id === "outboundBlock"
            ? viaAz
            : "generate the az script or Bicep instead"),
      });
  }
  return out;
}

/** Whether the Terraform output needs the azapi provider: a value azurerm has no argument for, written with azapi. */
export function needsAzapi(plan: GenPlan): boolean {
  return featuresUsed(plan).some((u) => {
    const f: DeployFeature = DEPLOY_FEATURES[u.id];
    return f.azapi !== undefined && "missingIn" in f.azurerm.value;
  });
}

/**
 * The azurerm constraint the Terraform output declares: the knowledge base's, with its lower bound raised to the
 * newest azurerm version a value of the plan needs (AKS Automatic's resource: 4.81.0).
 */
export function azurermConstraint(plan: GenPlan): string {
  const base = DEPLOY_TARGETS.azurermConstraint.value;
  const [, floor = "0", rest = ""] = /^>= ([0-9.]+)(.*)$/.exec(base) ?? [];
  const since = featuresUsed(plan).flatMap((u) => {
    const tf = DEPLOY_FEATURES[u.id].azurerm.value;
    return "since" in tf ? [tf.since] : [];
  });
  const need = newest([floor, ...since]) ?? floor;
  return need === floor ? base : `>= ${need}${rest}`;
}

/** "cannot be written as Terraform", for messages about a refused value. */
export function formatName(format: GenerateFormat): string {
  return FORMAT_NAMES[format];
}
