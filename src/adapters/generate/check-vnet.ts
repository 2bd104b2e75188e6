/**
 * The VNet section checked for generation: names, delegations, ranges, and the route tables the subnets
 * attach to (their routes' prefixes and next hops parsed). Rules and their sources: `checks.ts`.
 */
import type { Plan } from "../../engines/plan/index.js";
import type { Checks } from "./checks.js";
import { neededDelegations } from "./check-features.js";
import { DELEGATION, RULES } from "./checks.js";
import { NAT_GATEWAY } from "../../kb/index.js";
import type { GenNatGateway, GenRouteTable, GenSubnet, GenVnet } from "./model.js";

type SourceVnet = NonNullable<Plan["vnet"]>;

function checkRouteTables(v: SourceVnet, c: Checks): GenRouteTable[] {
  return (v.routeTables ?? []).map((t, i) => {
    const at = `vnet.routeTables[${i}]`;
    c.name(`${at}.name`, t.name, "routeTable");
    return {
      name: t.name,
      routes: t.routes.map((r, j) => {
        const rat = `${at}.routes[${j}]`;
        // Azure names routes by the route table rule (resource-name-rules: routeTables/routes).
        c.name(`${rat}.name`, r.name, "routeTable", "route name");
        const hop =
          r.nextHopIpAddress === undefined ? undefined : c.addr(`${rat}.nextHopIpAddress`, r.nextHopIpAddress);
        if (r.nextHopType === "VirtualAppliance" && hop === undefined)
          c.problems.push({
            path: `${rat}.nextHopIpAddress`,
            value: "",
            reason: "a route to a VirtualAppliance needs the appliance's address (nextHopIpAddress)",
          });
        if (r.nextHopType !== "VirtualAppliance" && hop !== undefined)
          c.problems.push({
            path: `${rat}.nextHopIpAddress`,
            value: hop,
            reason: `only a VirtualAppliance route has a next hop address; this one goes to ${r.nextHopType}`,
          });
        return {
          name: r.name,
          addressPrefix: c.cidr(`${rat}.addressPrefix`, r.addressPrefix),
          nextHopType: r.nextHopType,
          ...(hop !== undefined ? { nextHopIpAddress: hop } : {}),
        };
      }),
    };
  });
}

/**
 * NAT gateways: names by Azure's rule for natGateways (the same as route tables': 1-80 letters, digits,
 * underscores, periods and hyphens; resource-name-rules), 1 to 16 public IPs and an idle timeout in the range
 * kb NAT_GATEWAY gives.
 * Each public IP is named after its gateway: at most 80 characters, unique.
 */
function checkNatGateways(v: SourceVnet, c: Checks): GenNatGateway[] {
  const taken = new Set<string>();
  return (v.natGateways ?? []).map((g, i) => {
    const at = `vnet.natGateways[${i}]`;
    c.name(`${at}.name`, g.name, "routeTable", "NAT gateway name");
    const count = g.publicIpCount ?? 1;
    const max = NAT_GATEWAY.maxPublicIps.value;
    if (count > max)
      c.problems.push({
        path: `${at}.publicIpCount`,
        value: String(count),
        reason: `a NAT gateway takes 1 to ${max} public IPs`,
      });
    const idle = g.idleTimeoutMinutes;
    const t = NAT_GATEWAY.idleTimeoutMinutes.value;
    if (idle !== undefined && (idle < t.min || idle > t.max))
      c.problems.push({
        path: `${at}.idleTimeoutMinutes`,
        value: String(idle),
        reason: `a NAT gateway's idle timeout is ${t.min} to ${t.max} minutes`,
      });
    const publicIps: string[] = [];
    for (let k = 1; k <= Math.min(count, max); k++) {
      let ip = `${g.name.slice(0, 72)}-pip${k}`;
      for (let j = 2; taken.has(ip); j++) ip = `${g.name.slice(0, 66)}-${j}-pip${k}`;
      taken.add(ip);
      publicIps.push(ip);
    }
    return { name: g.name, publicIps, ...(idle !== undefined ? { idleTimeoutMinutes: idle } : {}) };
  });
}

function checkSubnets(
  v: SourceVnet,
  tables: readonly GenRouteTable[],
  existing: boolean,
  needed: ReadonlyMap<string, { readonly delegation: string; readonly why: string }>,
  natNames: ReadonlySet<string>,
  c: Checks,
): GenSubnet[] {
  const tableNames = new Set(tables.map((t) => t.name));
  return v.subnets.map((s, i): GenSubnet => {
    const need = s.delegation === undefined ? needed.get(s.name) : undefined;
    const delegation = s.delegation ?? need?.delegation;
    if (need !== undefined && !existing)
      c.assumptions.push(
        `vnet.subnets[${i}].delegation is not set: ${need.delegation}, which the subnet needs (${need.why})`,
      );
    c.name(`vnet.subnets[${i}].name`, s.name, "subnet");
    c.match(`vnet.subnets[${i}].delegation`, s.delegation, DELEGATION, RULES.delegation);
    // An existing VNet's subnets keep whatever route table they have; only a created subnet attaches one.
    if (s.routeTable !== undefined && !existing && !tableNames.has(s.routeTable))
      c.problems.push({
        path: `vnet.subnets[${i}].routeTable`,
        value: s.routeTable,
        reason: "no vnet.routeTables entry has that name; describe the route table there",
      });
    if (s.natGateway !== undefined && !existing && !natNames.has(s.natGateway))
      c.problems.push({
        path: `vnet.subnets[${i}].natGateway`,
        value: s.natGateway,
        reason: "no vnet.natGateways entry has that name; describe the NAT gateway there",
      });
    return {
      name: s.name,
      cidr: c.cidr(`vnet.subnets[${i}].cidr`, s.cidr),
      ...(delegation !== undefined ? { delegation } : {}),
      ...(s.routeTable !== undefined ? { routeTable: s.routeTable } : {}),
      ...(s.natGateway !== undefined ? { natGateway: s.natGateway } : {}),
    };
  });
}

/** The VNet section: names, delegations, ranges and route tables. */
export function checkVnet(plan: Plan, clusterName: string, existing: boolean, c: Checks): GenVnet | undefined {
  const v = plan.vnet;
  if (!v) return undefined;
  const vnetName = v.name ?? `${clusterName}-vnet`;
  if (v.name === undefined) c.assumptions.push(`the vnet has no name: it is called ${vnetName}`);
  c.name("vnet.name", vnetName, "vnet");
  c.name("vnet.resourceGroup", v.resourceGroup, "resourceGroup");
  const routeTables = checkRouteTables(v, c);
  const natGateways = checkNatGateways(v, c);
  const natNames = new Set(natGateways.map((g) => g.name));
  const subnets = checkSubnets(v, routeTables, existing, neededDelegations(plan), natNames, c);
  return {
    name: vnetName,
    existing,
    ...(v.resourceGroup !== undefined && v.resourceGroup !== plan.resourceGroup
      ? { resourceGroup: v.resourceGroup }
      : {}),
    addressSpace: v.addressSpace.map((x, i) => c.cidr(`vnet.addressSpace[${i}]`, x)),
    subnets,
    routeTables,
    natGateways,
  };
}

const subnetNames = new WeakMap<GenVnet, ReadonlySet<string>>();

/** A pool's subnet reference: it must name a subnet of the plan's VNet (a set lookup: plans hold 100,000 subnets). */
export function checkSubnetRef(path: string, value: string | undefined, vnet: GenVnet | undefined, c: Checks): void {
  if (value === undefined) return;
  if (!vnet)
    c.problems.push({
      path,
      value,
      reason:
        "it names a subnet but the plan has no vnet section to define it (for a cluster JSON, give its az network " +
        "vnet show JSON too)",
    });
  else if (!namesOf(vnet).has(value))
    c.problems.push({ path, value, reason: `no subnet of vnet ${vnet.name} has that name` });
}

function namesOf(vnet: GenVnet): ReadonlySet<string> {
  let names = subnetNames.get(vnet);
  if (!names) {
    names = new Set(vnet.subnets.map((s) => s.name));
    subnetNames.set(vnet, names);
  }
  return names;
}
