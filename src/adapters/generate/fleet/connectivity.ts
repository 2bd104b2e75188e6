/**
 * A fleet's Virtual Network Manager connectivity configurations (`connectivity[]` with `as: networkManager`) as
 * the resources to write in the fleet's network manager: per configuration a network group of VNets, a static
 * member per member VNet, the connectivity configuration (hub and spoke with its hub, or mesh; group connectivity,
 * hub gateway and global flags as the fleet file says), and a commit per region that deploys them all. The names
 * are the ARM API's (`AVNM_CONNECTIVITY.apiVersion`); the renderers are in connectivity-code.ts.
 */
import type { FleetPlan } from "../../../engines/plan/index.js";
import type { PeeredVnet } from "./peerings.js";

/** The network manager: its name, resource group and subscription (undefined: the deployment's). */
export interface NetworkManagerRef {
  readonly name: string;
  readonly resourceGroup: string;
  readonly subscriptionId?: string | undefined;
  /** Its scope as the fleet file states it, for the notes. */
  readonly scope?: { readonly subscriptions: readonly string[]; readonly managementGroups: readonly string[] };
}

/** A member VNet of a configuration's network group. */
export interface AvnmMember {
  /** The static member's name (the VNet's name). */
  readonly name: string;
  readonly vnet: PeeredVnet;
  /** The fleet cluster that creates this VNet (the static member waits for it); undefined: the VNet exists. */
  readonly cluster?: string | undefined;
}

/** One connectivity configuration with its network group. */
export interface AvnmConfiguration {
  readonly name: string;
  readonly groupName: string;
  readonly topology: "HubAndSpoke" | "Mesh";
  readonly hub?: PeeredVnet | undefined;
  readonly members: readonly AvnmMember[];
  readonly groupConnectivity: "DirectlyConnected" | "None";
  readonly useHubGateway: boolean;
  readonly global: boolean;
  /** `connectivityCapabilities.connectedGroupAddressOverlap`, when the fleet file sets it. */
  readonly overlap?: "Allowed" | "Disallowed" | undefined;
}

export interface AvnmPlan {
  readonly manager: NetworkManagerRef;
  readonly configurations: readonly AvnmConfiguration[];
  /** The regions the commit targets: every member's and hub's, sorted. */
  readonly locations: readonly string[];
}

const ARM_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/networkManagers\/([^/]+)$/i;
const SAFE = /^[\w.()-]{1,80}$/;

/** The fleet's network manager, or why it cannot be used. */
export function managerOf(fleet: FleetPlan): NetworkManagerRef | string {
  const m = fleet.networkManager;
  if (!m)
    return (
      "a connectivity configuration is written as: networkManager but the fleet file names no networkManager: add " +
      "networkManager with its id (or name and resourceGroup), or write it as: peerings"
    );
  const scope = m.scope ? { scope: m.scope } : {};
  if (m.id !== undefined) {
    const r = ARM_ID.exec(m.id);
    if (!r)
      return (
        `networkManager.id ${JSON.stringify(m.id)} is not a network manager's resource ID: write ` +
        "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/networkManagers/<name>"
      );
    return { name: r[3]!, resourceGroup: r[2]!, subscriptionId: r[1]!, ...scope };
  }
  if (m.name === undefined || m.resourceGroup === undefined)
    return "networkManager needs its id, or its name and resourceGroup";
  if (!SAFE.test(m.name) || !SAFE.test(m.resourceGroup))
    return "networkManager's name and resourceGroup must be letters, digits, _ . ( ) -";
  return { name: m.name, resourceGroup: m.resourceGroup, subscriptionId: m.subscriptionId, ...scope };
}

type VnetOf = (name: string) => { vnet: PeeredVnet; cluster: boolean; location?: string | undefined } | undefined;

/** One configuration's resources, or why it cannot be written. */
function configurationOf(c: FleetPlan["connectivity"][number], vnetOf: VnetOf): AvnmConfiguration | string {
  if (!SAFE.test(c.name)) return `connectivity ${c.name}: its name must be letters, digits, _ . ( ) -`;
  const hub = c.topology === "hubAndSpoke" ? (c.hub === undefined ? undefined : vnetOf(c.hub)) : undefined;
  if (c.topology === "hubAndSpoke" && !hub)
    return `connectivity ${c.name}: a hubAndSpoke configuration needs its hub, a VNet of the fleet file`;
  const members: AvnmMember[] = [];
  for (const name of c.members) {
    const v = vnetOf(name);
    if (!v)
      return `connectivity ${c.name}: member ${name} is no VNet of the fleet file (a network manager groups VNets)`;
    members.push({ name: v.vnet.name, vnet: v.vnet, cluster: v.cluster ? name : undefined });
  }
  return {
    name: c.name,
    groupName: `ng-${c.name}`.slice(0, 80),
    topology: c.topology === "mesh" ? "Mesh" : "HubAndSpoke",
    hub: hub?.vnet,
    members,
    groupConnectivity: c.topology === "mesh" || c.directConnectivity ? "DirectlyConnected" : "None",
    useHubGateway: c.topology === "hubAndSpoke" && c.useHubGateway,
    global: c.global ?? false,
    overlap: c.connectedGroupAddressOverlap,
  };
}

/**
 * The network manager's resources for the configurations written `as: networkManager`; undefined when there are
 * none. `vnetOf` gives a fleet name's VNet (a cluster's, the hub's, a network's), its location and whether a
 * cluster of the fleet creates it.
 */
export function avnmPlan(fleet: FleetPlan, vnetOf: VnetOf): { plan?: AvnmPlan; problems: string[]; notes: string[] } {
  const mine = fleet.connectivity.filter((c) => c.as === "networkManager");
  if (mine.length === 0) return { problems: [], notes: [] };
  const manager = managerOf(fleet);
  if (typeof manager === "string") return { problems: [manager], notes: [] };
  const configurations: AvnmConfiguration[] = [];
  const problems: string[] = [];
  const locations = new Set<string>();
  const unknown = new Set<string>();
  for (const c of mine) {
    const r = configurationOf(c, vnetOf);
    if (typeof r === "string") problems.push(r);
    else configurations.push(r);
    for (const name of [...c.members, ...(c.topology === "hubAndSpoke" && c.hub ? [c.hub] : [])]) {
      const where = vnetOf(name)?.location;
      if (where) locations.add(where.toLowerCase().replace(/\s+/g, ""));
      else unknown.add(name);
    }
  }
  if (problems.length > 0) return { problems, notes: [] };
  const plan: AvnmPlan = { manager, configurations, locations: [...locations].sort() };
  return { plan, problems: [], notes: avnmNotes(plan, [...unknown]) };
}

/** What the output assumes and what to do beyond it. */
function avnmNotes(plan: AvnmPlan, unknownRegion: readonly string[]): string[] {
  const m = plan.manager;
  const names = plan.configurations.map((c) => c.name).join(", ");
  const notes = [
    `written as Virtual Network Manager connectivity (as: networkManager) in network manager ${m.name} (resource ` +
      `group ${m.resourceGroup}): ${names}, each with its network group of static members, deployed by a commit to ` +
      `${plan.locations.join(", ") || "no region"}; the network manager must exist with Connectivity in its ` +
      `scopeAccesses and every member VNet inside its scope` +
      (m.scope
        ? ` (the fleet file gives subscriptions ${m.scope.subscriptions.join(", ") || "none"}, management groups ` +
          `${m.scope.managementGroups.join(", ") || "none"})`
        : ""),
    `a commit sets every connectivity configuration deployed in its regions: add the network manager's other ` +
      `connectivity configurations deployed in ${plan.locations.join(", ") || "those regions"} to it, or the ` +
      `commit removes them`,
  ];
  if (unknownRegion.length > 0)
    notes.push(
      `the region of ${unknownRegion.join(", ")} is not in the fleet file (location): the commit targets only the ` +
        `regions it knows; add the others' regions to the commit`,
    );
  return notes;
}
