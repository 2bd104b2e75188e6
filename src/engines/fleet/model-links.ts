/**
 * The fleet model's links (engines/fleet/model.ts builds the nodes): who holds routes to whom by gateway
 * connections, peerings, peerWith and Virtual Network Manager connectivity, the connected groups and meshes, and
 * gateway transit.
 */
import { FLEET } from "../../kb/index.js";
import type { FieldPath, FleetPlan } from "../plan/index.js";
import type { ClusterNode, FleetNetworkNode, ModelProblem } from "./model.js";

export type Sections = readonly { n: FleetPlan["networks"][number]; path: FieldPath; hub: boolean }[];

/** Who reaches whom: gateway connections, peerings, peerWith, Virtual Network Manager groups, meshes. */
export function reachability(
  fleet: FleetPlan,
  g: {
    readonly problems: ModelProblem[];
    readonly networks: readonly FleetNetworkNode[];
    readonly byName: ReadonlyMap<string, number>;
  },
  clusters: readonly ClusterNode[],
  networkSections: Sections,
) {
  const { problems, networks, byName } = g;
  const n = networks.length;
  const routes = Array.from({ length: n }, () => new Set<number>());
  const usesGateway = Array.from({ length: n }, () => new Set<number>());
  const attached = Array.from({ length: n }, () => [] as number[]);
  const groupsOf = Array.from({ length: n }, () => [] as number[]);
  const meshesOf = Array.from({ length: n }, () => [] as number[]);
  const ref = (name: string, path: FieldPath): number | undefined => {
    const k = byName.get(name);
    if (k === undefined) problems.push({ code: "name-unknown", path, data: { name } });
    return k;
  };
  const peer = (a: number, b: number, aUsesGatewayOfB: boolean): void => {
    if (a === b) return;
    routes[a]?.add(b);
    routes[b]?.add(a);
    if (aUsesGatewayOfB) usesGateway[a]?.add(b);
  };
  for (const { n: net, path } of networkSections) {
    const self = byName.get(net.name);
    if (self === undefined) continue;
    net.connectedTo.forEach((g, k) => {
      const gi = ref(g, [...path, "connectedTo", k]);
      if (gi !== undefined && gi !== self) {
        attached[gi]?.push(self);
        routes[self]?.add(gi);
        routes[gi]?.add(self);
      }
    });
  }
  fleet.peerings.forEach((p, i) => peering(p, i, ref, peer, problems));
  clusters.forEach((c) => {
    const list = c.entry.peerWith ?? fleet.defaults.peerWith;
    const from: FieldPath = c.entry.peerWith ? ["clusters", c.index, "peerWith"] : ["defaults", "peerWith"];
    list.forEach((name, k) => {
      const t = ref(name, [...from, k]);
      if (t !== undefined) peer(c.network, t, networks[t]?.gateway === true);
    });
  });
  const { groupMembers, groupDisallowsOverlap } = connectedGroups(fleet, networks, ref, peer, groupsOf, problems);
  fleet.meshes.forEach((m, i) => {
    m.clusters.forEach((c, k) => {
      const x = ref(c, ["meshes", i, "clusters", k]);
      if (x !== undefined) meshesOf[x]?.push(i);
    });
  });
  return { routes, usesGateway, attached, groupsOf, meshesOf, groupMembers, groupDisallowsOverlap };
}

/** A peering, one way using the other's gateway when `useRemoteGateways` names one of its ends. */
function peering(
  p: FleetPlan["peerings"][number],
  i: number,
  ref: (name: string, path: FieldPath) => number | undefined,
  peer: (a: number, b: number, aUsesGatewayOfB: boolean) => void,
  problems: ModelProblem[],
): void {
  const a = ref(p.between[0], ["peerings", i, "between", 0]);
  const b = ref(p.between[1], ["peerings", i, "between", 1]);
  if (a === undefined || b === undefined) return;
  let user: number | undefined;
  if (p.useRemoteGateways !== undefined) {
    user = ref(p.useRemoteGateways, ["peerings", i, "useRemoteGateways"]);
    if (user !== undefined && user !== a && user !== b) {
      problems.push({
        code: "name-unknown",
        path: ["peerings", i, "useRemoteGateways"],
        data: { name: p.useRemoteGateways },
      });
      user = undefined;
    }
  }
  if (user === b) peer(b, a, true);
  else peer(a, b, user === a);
}

/** Virtual Network Manager connectivity: hub-and-spoke peerings, and connected groups (mesh, direct). */
function connectedGroups(
  fleet: FleetPlan,
  networks: readonly FleetNetworkNode[],
  ref: (name: string, path: FieldPath) => number | undefined,
  peer: (a: number, b: number, aUsesGatewayOfB: boolean) => void,
  groupsOf: number[][],
  problems: ModelProblem[],
) {
  const groupMembers: number[][] = [];
  const groupDisallowsOverlap: boolean[] = [];
  fleet.connectivity.forEach((cfg, i) => {
    const members = cfg.members
      .map((m, k) => ref(m, ["connectivity", i, "members", k]))
      .filter((x): x is number => x !== undefined);
    if (cfg.topology === "hubAndSpoke") {
      const hub = cfg.hub === undefined ? undefined : ref(cfg.hub, ["connectivity", i, "hub"]);
      if (cfg.hub === undefined)
        problems.push({ code: "name-unknown", path: ["connectivity", i, "hub"], data: { name: "(none)" } });
      if (hub !== undefined)
        for (const m of members) peer(m, hub, cfg.useHubGateway && networks[hub]?.gateway === true);
    }
    if (cfg.topology === "mesh" || cfg.directConnectivity) {
      const g = groupMembers.length;
      groupMembers.push(members);
      groupDisallowsOverlap.push(
        (cfg.connectedGroupAddressOverlap ?? FLEET.connectedGroupOverlapDefault.value) === "Disallowed",
      );
      for (const m of members) groupsOf[m]?.push(g);
    }
  });
  return { groupMembers, groupDisallowsOverlap };
}

/**
 * Gateway transit stays implicit (a thousand branch sites behind one gateway would be a million routes):
 * gatewaysOf[x] are the gateways x routes through (those it uses, and its own), attachedTo[o] the gateways o hangs
 * off; seenBy[x] the networks that hold routes to x.
 */
export function gatewayTransit(
  networks: readonly FleetNetworkNode[],
  routes: readonly Set<number>[],
  usesGateway: readonly Set<number>[],
  attached: readonly number[][],
) {
  const n = networks.length;
  const gatewaysOf = usesGateway.map((set, x) => {
    const list = [...set];
    if (networks[x]?.gateway) list.push(x);
    return list;
  });
  const attachedTo = Array.from({ length: n }, () => [] as number[]);
  attached.forEach((list, g) => {
    for (const o of list) attachedTo[o]?.push(g);
  });
  const gatewayUsers = Array.from({ length: n }, () => [] as number[]);
  gatewaysOf.forEach((list, x) => {
    for (const g of list) gatewayUsers[g]?.push(x);
  });
  const seenBy = Array.from({ length: n }, () => new Set<number>());
  routes.forEach((set, v) => {
    for (const x of set) seenBy[x]?.add(v);
  });
  return { gatewaysOf, attachedTo, gatewayUsers, seenBy };
}
