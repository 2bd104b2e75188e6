/**
 * The fleet's VNet peerings as code: every peering the fleet file states that
 * touches a cluster's VNet (`peerings[]`, `clusters[].peerWith`, `defaults.peerWith`),
 * both directions (Azure needs a peering on each VNet), with gateway transit as
 * modelled: the side that uses the other's gateway gets `useRemoteGateways`, the
 * gateway's side `allowGatewayTransit`. Peerings between networks the fleet does not
 * create (the hub and its other networks) exist already and are left alone. A Virtual
 * Network Manager connectivity configuration is written here as peerings (`as: peerings`,
 * the default), or as the configuration itself (`as: networkManager`, connectivity.ts).
 * ARM names: Azure/azure-rest-api-specs Microsoft.Network 2024-05-01
 * `VirtualNetworkPeeringPropertiesFormat`; azurerm: `azurerm_virtual_network_peering`
 * (website/docs/r/virtual_network_peering.html.markdown); az: `az network vnet peering create`.
 */
import type { FleetPlan } from "../../../engines/plan/index.js";
import { shellQuote } from "../quote.js";
import { command } from "../az-words.js";
import { expr, renderHcl, type HclItem } from "../hcl.js";
import { bicepString } from "../quote.js";
import { avnmPlan, type AvnmPlan } from "./connectivity.js";

/**
 * A VNet: its name and resource group (in the deployment's subscription). A VNet whose resource group the fleet
 * file does not name has `resourceGroup` "" and `variable` set: the code then takes it as an input (a Terraform
 * variable, a Bicep parameter, a shell variable) named after `variable` (the fleet's name for that VNet).
 */
export interface PeeredVnet {
  readonly name: string;
  readonly resourceGroup: string;
  readonly variable?: string | undefined;
}

/** The input names a VNet's unknown resource group gets in each format. */
export function resourceGroupInput(variable: string): { terraform: string; bicep: string; shell: string } {
  const words = variable.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const camel = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
  const lead = /^[0-9]/.test(words[0] ?? "") ? "vnet" : "";
  return {
    terraform: `${lead === "" ? "" : `${lead}_`}${words.join("_").toLowerCase()}_resource_group`,
    bicep:
      `${lead}${lead === "" ? camel.join("") : camel.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("")}` +
      "ResourceGroup",
    shell: `${lead === "" ? "" : "VNET_"}${words.join("_").toUpperCase()}_RESOURCE_GROUP`,
  };
}

/** One peering resource: on `vnet`, to `remote`. */
export interface PeeringSide {
  readonly name: string;
  readonly vnet: PeeredVnet;
  readonly remote: PeeredVnet;
  readonly allowGatewayTransit: boolean;
  readonly useRemoteGateways: boolean;
  /** The fleet cluster whose creation this peering waits for (the later one when both are clusters). */
  readonly after: string;
}

const SAFE = /^[\w.()-]{1,90}$/;

/** A cluster's VNet as the generators take it, with the cluster's region when known. */
export interface FleetVnet {
  readonly name: string;
  readonly vnet: PeeredVnet;
  readonly location?: string | undefined;
}

type VnetEntry = { vnet?: PeeredVnet; gateway: boolean; cluster: boolean; kind: string; location?: string | undefined };

/** A fleet's VNet, by name: a cluster's (from its plan) or the hub's or a network's (from the fleet file). */
function vnetsOf(fleet: FleetPlan, clusters: readonly FleetVnet[]): Map<string, VnetEntry> {
  const out = new Map<string, VnetEntry>();
  for (const n of [...(fleet.hub ? [fleet.hub] : []), ...fleet.networks]) {
    const rg = (n as { resourceGroup?: string }).resourceGroup;
    out.set(n.name, {
      vnet:
        rg !== undefined ? { name: n.name, resourceGroup: rg } : { name: n.name, resourceGroup: "", variable: n.name },
      gateway: n.gateway === true,
      cluster: false,
      kind: n.kind,
      location: n.location,
    });
  }
  for (const c of clusters) {
    const vnet = c.vnet.resourceGroup === "" ? { ...c.vnet, variable: c.vnet.variable ?? c.name } : c.vnet;
    out.set(c.name, { vnet, gateway: false, cluster: true, kind: "vnet", location: c.location });
  }
  return out;
}

/**
 * The peering resources to write, the problems (a name that cannot be written: no valid code can hold it) and
 * notes (a peered VNet whose resource group the fleet file does not name is taken as an input). `clusters` are the
 * fleet's clusters in order, each with its VNet (`resourceGroup` "" when its plan names none).
 */
export function fleetPeerings(
  fleet: FleetPlan,
  clusters: readonly FleetVnet[],
): { peerings: PeeringSide[]; problems: string[]; notes: string[]; networkManager?: AvnmPlan } {
  const vnets = vnetsOf(fleet, clusters);
  const order = new Map(clusters.map((c, i) => [c.name, i]));
  const existing: string[] = [];
  const links = linksOf(fleet, vnets, order, existing);
  const problems: string[] = [];
  const peerings: PeeringSide[] = [];
  for (const l of links.values()) {
    const r = sidesOf(l, vnets, order);
    if (typeof r === "string") problems.push(r);
    else peerings.push(...r);
  }
  const inputs = new Map<string, PeeredVnet>();
  for (const p of peerings) if (p.vnet.variable !== undefined) inputs.set(p.vnet.variable, p.vnet);
  const notes = [...inputs.entries()].map(([v, vnet]) => {
    const n = resourceGroupInput(v);
    const where = order.has(v) ? `cluster ${v}'s plan names` : `the fleet file gives ${v}`;
    return (
      `VNet ${vnet.name} is peered but ${where} no resource group: the peerings take it as an input (Terraform ` +
      `variable ${n.terraform}, Bicep parameter ${n.bicep}, shell variable ${n.shell}); give it when deploying, or ` +
      `set resourceGroup ${order.has(v) ? "in the plan" : `on ${v} in the fleet file`}`
    );
  });
  if (existing.length > 0)
    notes.push(
      `not written: the peering${existing.length === 1 ? "" : "s"} ${existing.join(", ")} between networks the ` +
        `fleet does not create, assumed to exist already`,
    );
  notes.push(...fleet.connectivity.filter((c) => c.as !== "networkManager").map(connectivityNote));
  const avnm = avnmPlan(fleet, (name) => {
    const v = vnets.get(name);
    if (v?.kind !== undefined && v.kind !== "vnet") return undefined;
    return {
      vnet: v?.vnet ?? { name, resourceGroup: "", variable: name },
      cluster: v?.cluster ?? false,
      location: v?.location,
    };
  });
  problems.push(...avnm.problems);
  notes.push(...avnm.notes);
  return { peerings, problems, notes, ...(avnm.plan ? { networkManager: avnm.plan } : {}) };
}

/**
 * A connectivity configuration written as VNet peerings (`as: peerings`, the default): what was written in its
 * place and how to write the configuration itself.
 */
function connectivityNote(c: FleetPlan["connectivity"][number]): string {
  const topology = c.topology === "hubAndSpoke" ? `hub and spoke with hub ${c.hub ?? "(none)"}` : "mesh";
  const pairs =
    c.topology === "hubAndSpoke"
      ? `each member with ${c.hub ?? "the hub"}${c.useHubGateway ? " (using its gateway)" : ""}` +
        `${c.directConnectivity ? ", and every pair of members" : ""}`
      : "every pair of members";
  return (
    `Virtual Network Manager connectivity configuration ${c.name} (${topology}; members ${c.members.join(", ")}) ` +
    `is written as VNet peerings (as: peerings, the default): ${pairs}, where a cluster of the fleet is on one ` +
    `side; set as: networkManager (and the fleet's networkManager) to write the configuration itself (network ` +
    `group, static members, connectivity configuration, commit)`
  );
}

type Link = { a: string; b: string; aUsesB: boolean; bUsesA: boolean };
type Vnets = ReturnType<typeof vnetsOf>;

/** Every pair the fleet file peers that has a cluster on one side, once, with who uses whose gateway. */
function linksOf(
  fleet: FleetPlan,
  vnets: Vnets,
  order: ReadonlyMap<string, number>,
  existing: string[] = [],
): Map<string, Link> {
  const links = new Map<string, Link>();
  const link = (a: string, b: string, aUsesB: boolean, bUsesA: boolean) => {
    if (!order.has(a) && !order.has(b)) {
      if (vnets.get(a)?.kind !== "onPremises" && vnets.get(b)?.kind !== "onPremises") existing.push(`${a}–${b}`);
      return;
    }
    const key = [a, b].sort().join("\u0000");
    const had = links.get(key);
    const [x, y, xy, yx] = had && had.a !== a ? [b, a, bUsesA, aUsesB] : [a, b, aUsesB, bUsesA];
    links.set(key, { a: x, b: y, aUsesB: xy || (had?.aUsesB ?? false), bUsesA: yx || (had?.bUsesA ?? false) });
  };
  for (const c of fleet.clusters)
    for (const r of c.peerWith ?? fleet.defaults.peerWith)
      if (order.has(c.name)) link(c.name, r, vnets.get(r)?.gateway === true, false);
  for (const p of fleet.peerings) {
    const [a, b] = p.between;
    link(a, b, p.useRemoteGateways === a, p.useRemoteGateways === b);
  }
  for (const c of fleet.connectivity) {
    if (c.as === "networkManager") continue;
    if (c.topology === "hubAndSpoke" && c.hub !== undefined) {
      const gateway = c.useHubGateway && vnets.get(c.hub)?.gateway === true;
      for (const m of c.members) if (m !== c.hub) link(m, c.hub, gateway, false);
    }
    if (c.topology === "mesh" || c.directConnectivity)
      c.members.forEach((a, i) => c.members.slice(i + 1).forEach((b) => a !== b && link(a, b, false, false)));
  }
  return links;
}

/** The two peering resources of a link, or why they cannot be written; nothing for a network that is no VNet. */
function sidesOf(l: Link, vnets: Vnets, order: ReadonlyMap<string, number>): PeeringSide[] | string {
  const [va, vb] = [vnets.get(l.a), vnets.get(l.b)];
  if ([va, vb].some((v) => v !== undefined && v.kind !== "vnet")) return []; // on-premises: reached by gateway
  // A name the fleet file lists in no hub, network or cluster (a VNet known from used space, `used[].network`).
  const vnetOf = (name: string, v: typeof va) => v?.vnet ?? { name, resourceGroup: "", variable: name };
  const [a, b] = [vnetOf(l.a, va), vnetOf(l.b, vb)];
  const unsafe = [a, b].find(
    (v) =>
      !SAFE.test(v.name) || (v.variable === undefined ? !SAFE.test(v.resourceGroup) : !/[A-Za-z]/.test(v.variable)),
  );
  if (unsafe)
    return `VNet ${unsafe.name} (${unsafe.resourceGroup}) cannot be written safely: use letters, digits, _ . ( ) -`;
  const after = [l.a, l.b].filter((n) => order.has(n)).sort((x, y) => order.get(y)! - order.get(x)!)[0]!;
  const side = (v: PeeredVnet, r: PeeredVnet, uses: boolean, offers: boolean): PeeringSide => ({
    name: `${v.name}-to-${r.name}`,
    vnet: v,
    remote: r,
    useRemoteGateways: uses,
    allowGatewayTransit: offers,
    after,
  });
  return [side(a, b, l.aUsesB, l.bUsesA), side(b, a, l.bUsesA, l.aUsesB)];
}

const ident = (s: string) => s.replace(/[^A-Za-z0-9_]/g, "_");

/** The VNets whose resource group is an input, once each, in the order the peerings name them. */
export function inputsOf(peerings: readonly PeeringSide[]): PeeredVnet[] {
  const out = new Map<string, PeeredVnet>();
  for (const p of peerings)
    for (const v of [p.vnet, p.remote]) if (v.variable !== undefined && !out.has(v.variable)) out.set(v.variable, v);
  return [...out.values()];
}

/** `peerings.tf`: one `azurerm_virtual_network_peering` per side, after the module of the cluster it waits for. */
export function terraformPeerings(peerings: readonly PeeringSide[], moduleOf: ReadonlyMap<string, string>): string {
  const items: HclItem[] = [
    {
      comment:
        "Generated by aksnet: the fleet's VNet peerings, both directions, gateway transit as the fleet file states.",
    },
    { comment: "Remote VNets are in this subscription (data.azurerm_subscription.current)." },
    { type: "data", labels: ["azurerm_subscription", "current"], body: [] },
  ];
  for (const v of inputsOf(peerings)) {
    const name = resourceGroupInput(v.variable!).terraform;
    items.push({
      type: "variable",
      labels: [name],
      body: [
        { attr: "description", value: `The resource group of VNet ${v.name} (the fleet file does not name it).` },
        { attr: "type", value: expr("string") },
      ],
    });
  }
  const rg = (v: PeeredVnet) =>
    v.variable === undefined ? v.resourceGroup : `\${var.${resourceGroupInput(v.variable).terraform}}`;
  for (const p of peerings) {
    const id =
      `"/subscriptions/\${data.azurerm_subscription.current.subscription_id}/resourceGroups/${rg(p.remote)}` +
      `/providers/Microsoft.Network/virtualNetworks/${p.remote.name}"`;
    items.push({
      type: "resource",
      labels: ["azurerm_virtual_network_peering", ident(p.name)],
      body: [
        { attr: "name", value: p.name },
        {
          attr: "resource_group_name",
          value:
            p.vnet.variable === undefined
              ? p.vnet.resourceGroup
              : expr(`var.${resourceGroupInput(p.vnet.variable).terraform}`),
        },
        { attr: "virtual_network_name", value: p.vnet.name },
        { attr: "remote_virtual_network_id", value: expr(id) },
        { attr: "allow_virtual_network_access", value: true },
        { attr: "allow_gateway_transit", value: p.allowGatewayTransit },
        { attr: "use_remote_gateways", value: p.useRemoteGateways },
        { attr: "depends_on", value: [expr(`module.${ident(moduleOf.get(p.after) ?? "")}`)] },
      ],
    });
  }
  return renderHcl(items);
}

/** `modules/peering.bicep`: one peering on a VNet of the module's resource group. */
export const BICEP_PEERING_MODULE = [
  "// Generated by aksnet: one VNet peering (Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01).",
  "param vnetName string",
  "param name string",
  "param remoteVnetId string",
  "param allowGatewayTransit bool",
  "param useRemoteGateways bool",
  "",
  "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {",
  "  name: vnetName",
  "}",
  "",
  "resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {",
  "  parent: vnet",
  "  name: name",
  "  properties: {",
  "    remoteVirtualNetwork: {",
  "      id: remoteVnetId",
  "    }",
  "    allowVirtualNetworkAccess: true",
  "    allowGatewayTransit: allowGatewayTransit",
  "    useRemoteGateways: useRemoteGateways",
  "  }",
  "}",
  "",
].join("\n");

/** The lines main.bicep ends with: the peerings' values and a module loop after every cluster module. */
export function bicepPeerings(peerings: readonly PeeringSide[], clusterModules: readonly string[]): string[] {
  const out = [""];
  for (const v of inputsOf(peerings))
    out.push(
      `@description(${bicepString(`The resource group of VNet ${v.name} (the fleet file does not name it).`)})`,
      `param ${resourceGroupInput(v.variable!).bicep} string`,
      "",
    );
  const rg = (v: PeeredVnet) =>
    v.variable === undefined ? bicepString(v.resourceGroup) : resourceGroupInput(v.variable).bicep;
  out.push("var peerings = [");
  for (const p of peerings) {
    out.push(
      "  {",
      `    deployment: ${bicepString(`aksnet-peering-${p.name}`.slice(0, 64))}`,
      `    resourceGroup: ${rg(p.vnet)}`,
      `    vnetName: ${bicepString(p.vnet.name)}`,
      `    name: ${bicepString(p.name)}`,
      `    remoteResourceGroup: ${rg(p.remote)}`,
      `    remoteVnetName: ${bicepString(p.remote.name)}`,
      `    allowGatewayTransit: ${p.allowGatewayTransit}`,
      `    useRemoteGateways: ${p.useRemoteGateways}`,
      "  }",
    );
  }
  out.push(
    "]",
    "",
    "// Each peering is deployed to its VNet's resource group once every cluster's VNet exists.",
    "module peering 'modules/peering.bicep' = [for p in peerings: {",
    "  name: p.deployment",
    "  scope: resourceGroup(p.resourceGroup)",
    "  params: {",
    "    vnetName: p.vnetName",
    "    name: p.name",
    "    remoteVnetId: resourceId(p.remoteResourceGroup, 'Microsoft.Network/virtualNetworks', p.remoteVnetName)",
    "    allowGatewayTransit: p.allowGatewayTransit",
    "    useRemoteGateways: p.useRemoteGateways",
    "  }",
    `  dependsOn: [${clusterModules.join(", ")}]`,
    "}]",
  );
  return out;
}

/** The az calls that make the peerings a cluster's creation is the last of, in a shell function. */
export function azPeerings(fn: string, peerings: readonly PeeringSide[]): string[] {
  const out = [`${fn}() (`, "set -euo pipefail"];
  const rg = (v: PeeredVnet) => {
    if (v.variable === undefined) return shellQuote(v.resourceGroup);
    const name = resourceGroupInput(v.variable).shell;
    return `"\${${name}:?set ${name} to the resource group of VNet ${v.name}}"`;
  };
  for (const p of peerings) {
    out.push(
      "",
      `# ${p.vnet.name} → ${p.remote.name}` +
        `${p.useRemoteGateways ? ", using its gateway" : ""}${p.allowGatewayTransit ? ", offering its gateway" : ""}.`,
      command("az network vnet peering create", [
        ["--resource-group", rg(p.vnet)],
        ["--vnet-name", shellQuote(p.vnet.name)],
        ["--name", shellQuote(p.name)],
        [
          "--remote-vnet",
          `"$(az network vnet show --resource-group=${rg(p.remote)} ` +
            `--name=${shellQuote(p.remote.name)} --query=id --output=tsv)"`,
        ],
        ["--allow-vnet-access", "true"],
        ["--allow-gateway-transit", String(p.allowGatewayTransit)],
        ["--use-remote-gateways", String(p.useRemoteGateways)],
      ]).replace(/\n$/, ""),
    );
  }
  out.push(")");
  return out;
}
