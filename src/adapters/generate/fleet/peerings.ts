/**
 * The fleet's VNet peerings as code: every peering the fleet file states that
 * touches a cluster's VNet (`peerings[]`, `clusters[].peerWith`, `defaults.peerWith`),
 * both directions (Azure needs a peering on each VNet), with gateway transit as
 * modelled: the side that uses the other's gateway gets `useRemoteGateways`, the
 * gateway's side `allowGatewayTransit`. Peerings between networks the fleet does not
 * create (the hub and its other networks) exist already and are left alone; Virtual
 * Network Manager connectivity configurations make their own peerings and are not
 * written here. ARM names: Azure/azure-rest-api-specs Microsoft.Network 2024-05-01
 * `VirtualNetworkPeeringPropertiesFormat`; azurerm: `azurerm_virtual_network_peering`
 * (website/docs/r/virtual_network_peering.html.markdown); az: `az network vnet peering create`.
 */
import type { FleetPlan } from "../../../engines/plan/index.js";
import { shellQuote } from "../quote.js";
import { command } from "../az-words.js";
import { expr, renderHcl, type HclItem } from "../hcl.js";
import { bicepString } from "../quote.js";

/** A VNet: its name and resource group (in the deployment's subscription). */
export interface PeeredVnet {
  readonly name: string;
  readonly resourceGroup: string;
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

/** A fleet's VNet, by name: a cluster's (from its plan) or the hub's or a network's (from the fleet file). */
function vnetsOf(
  fleet: FleetPlan,
  clusters: readonly { name: string; vnet: PeeredVnet }[],
): Map<string, { vnet?: PeeredVnet; gateway: boolean; cluster: boolean; kind: string }> {
  const out = new Map<string, { vnet?: PeeredVnet; gateway: boolean; cluster: boolean; kind: string }>();
  for (const n of [...(fleet.hub ? [fleet.hub] : []), ...fleet.networks]) {
    const rg = (n as { resourceGroup?: string }).resourceGroup;
    out.set(n.name, {
      ...(rg !== undefined ? { vnet: { name: n.name, resourceGroup: rg } } : {}),
      gateway: n.gateway === true,
      cluster: false,
      kind: n.kind,
    });
  }
  for (const c of clusters) out.set(c.name, { vnet: c.vnet, gateway: false, cluster: true, kind: "vnet" });
  return out;
}

/**
 * The peering resources to write, and the problems (a peered network without `resourceGroup`, a name that cannot
 * be written). `clusters` are the fleet's clusters in order, each with its VNet.
 */
export function fleetPeerings(
  fleet: FleetPlan,
  clusters: readonly { name: string; vnet: PeeredVnet }[],
): { peerings: PeeringSide[]; problems: string[] } {
  const vnets = vnetsOf(fleet, clusters);
  const order = new Map(clusters.map((c, i) => [c.name, i]));
  const links = linksOf(fleet, vnets, order);
  const problems: string[] = [];
  const peerings: PeeringSide[] = [];
  for (const l of links.values()) {
    const r = sidesOf(l, vnets, order);
    if (typeof r === "string") problems.push(r);
    else peerings.push(...r);
  }
  return { peerings, problems };
}

type Link = { a: string; b: string; aUsesB: boolean; bUsesA: boolean };
type Vnets = ReturnType<typeof vnetsOf>;

/** Every pair the fleet file peers that has a cluster on one side, once, with who uses whose gateway. */
function linksOf(fleet: FleetPlan, vnets: Vnets, order: ReadonlyMap<string, number>): Map<string, Link> {
  const links = new Map<string, Link>();
  const link = (a: string, b: string, aUsesB: boolean, bUsesA: boolean) => {
    if (!order.has(a) && !order.has(b)) return;
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
  return links;
}

/** The two peering resources of a link, or why they cannot be written; nothing for a network that is no VNet. */
function sidesOf(l: Link, vnets: Vnets, order: ReadonlyMap<string, number>): PeeringSide[] | string {
  const [va, vb] = [vnets.get(l.a), vnets.get(l.b)];
  if ([va, vb].some((v) => v !== undefined && v.kind !== "vnet")) return []; // on-premises: reached by gateway
  const missing = [l.a, l.b].filter((_, k) => [va, vb][k]?.vnet === undefined);
  if (missing.length > 0) {
    const names = missing.join(" and ");
    const [is, has, its] = missing.length === 1 ? ["is", "has", "its"] : ["are", "have", "their"];
    return (
      `${names} ${is} peered with a cluster but ${has} no resourceGroup: ` +
      `add resourceGroup to ${names} in the fleet file so the peerings can name ${its} VNet`
    );
  }
  const [a, b] = [va!.vnet!, vb!.vnet!];
  const noGroup = [l.a, l.b].filter((_, k) => [a, b][k]!.resourceGroup === "");
  if (noGroup.length > 0)
    return `cluster ${noGroup[0]} names no resource group: set resourceGroup in its plan to peer its VNet`;
  const unsafe = [a, b].find((v) => !SAFE.test(v.name) || !SAFE.test(v.resourceGroup));
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
  for (const p of peerings) {
    const id =
      `"/subscriptions/\${data.azurerm_subscription.current.subscription_id}/resourceGroups/${p.remote.resourceGroup}` +
      `/providers/Microsoft.Network/virtualNetworks/${p.remote.name}"`;
    items.push({
      type: "resource",
      labels: ["azurerm_virtual_network_peering", ident(p.name)],
      body: [
        { attr: "name", value: p.name },
        { attr: "resource_group_name", value: p.vnet.resourceGroup },
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
  const out = ["", "var peerings = ["];
  for (const p of peerings) {
    out.push(
      "  {",
      `    deployment: ${bicepString(`aksnet-peering-${p.name}`.slice(0, 64))}`,
      `    resourceGroup: ${bicepString(p.vnet.resourceGroup)}`,
      `    vnetName: ${bicepString(p.vnet.name)}`,
      `    name: ${bicepString(p.name)}`,
      `    remoteResourceGroup: ${bicepString(p.remote.resourceGroup)}`,
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
  for (const p of peerings) {
    out.push(
      "",
      `# ${p.vnet.name} → ${p.remote.name}` +
        `${p.useRemoteGateways ? ", using its gateway" : ""}${p.allowGatewayTransit ? ", offering its gateway" : ""}.`,
      command("az network vnet peering create", [
        ["--resource-group", shellQuote(p.vnet.resourceGroup)],
        ["--vnet-name", shellQuote(p.vnet.name)],
        ["--name", shellQuote(p.name)],
        [
          "--remote-vnet",
          `"$(az network vnet show --resource-group=${shellQuote(p.remote.resourceGroup)} ` +
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
