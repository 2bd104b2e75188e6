import { tryParseAddr, tryParsePrefix } from "../../../ip/index.js";
import type { ResolvedPlan } from "../../plan/index.js";
import { defineRule, type Report } from "../rule.js";
import { listText } from "../words.js";

const UDR_DOC = "https://learn.microsoft.com/azure/aks/egress-udr";

type Ids =
  | "noRouteTable"
  | "noDefaultRoute"
  | "defaultToInternet"
  | "noDefaultRouteV6"
  | "unknownTable"
  | "badPrefix"
  | "applianceWithoutAddress"
  | "badNextHopAddress";
type Reporter = (r: Report<Ids>) => void;
type RouteTable = NonNullable<NonNullable<ResolvedPlan["plan"]["vnet"]>["routeTables"]>[number];
type Route = RouteTable["routes"][number];

/** One route: a prefix that parses, and a next-hop address exactly when the next hop is an appliance. */
function checkRoute(t: RouteTable, ti: number, r: Route, ri: number, report: Reporter): void {
  const at = ["vnet", "routeTables", ti, "routes", ri];
  const base = { route: r.name, table: t.name };
  const prefix = tryParsePrefix(r.addressPrefix);
  if (!prefix.ok)
    report({
      messageId: "badPrefix",
      path: [...at, "addressPrefix"],
      data: { ...base, prefix: r.addressPrefix, problem: prefix.error.reason.replace(/\.$/, "") },
    });
  if (r.nextHopType === "VirtualAppliance" && r.nextHopIpAddress === undefined)
    report({ messageId: "applianceWithoutAddress", path: [...at, "nextHopType"], data: base });
  if (r.nextHopIpAddress === undefined) return;
  const addr = tryParseAddr(r.nextHopIpAddress);
  const problem = !addr.ok
    ? "which is not an IP address"
    : r.nextHopType !== "VirtualAppliance"
      ? `but Azure takes a next-hop address only for nextHopType VirtualAppliance (this route: ` + `${r.nextHopType})`
      : undefined;
  if (problem)
    report({
      messageId: "badNextHopAddress",
      path: [...at, "nextHopIpAddress"],
      data: { ...base, address: r.nextHopIpAddress, problem },
    });
}

/** A node subnet's table under userDefinedRouting: a default route (IPv6 too when dual-stack), not to the Internet. */
function checkDefaultRoutes(subnet: string, t: RouteTable, i: number, dual: boolean, report: Reporter): void {
  const defaults = (family: 4 | 6) =>
    t.routes
      .map((r, ri) => ({ r, ri, p: tryParsePrefix(r.addressPrefix) }))
      .filter((x) => x.p.ok && x.p.value.family === family && x.p.value.bits === 0);
  const v4 = defaults(4);
  const tableAt = ["vnet", "routeTables", i];
  if (v4.length === 0)
    report({ messageId: "noDefaultRoute", path: [...tableAt, "routes"], data: { table: t.name, subnet } });
  for (const { r, ri } of v4)
    if (r.nextHopType === "Internet")
      report({
        messageId: "defaultToInternet",
        path: [...tableAt, "routes", ri, "nextHopType"],
        data: { table: t.name, route: `"${r.name}"` },
      });
  if (dual && defaults(6).length === 0)
    report({ messageId: "noDefaultRouteV6", path: [...tableAt, "routes"], data: { table: t.name, subnet } });
}

export default defineRule({
  meta: {
    id: "route-table-invalid",
    family: "outbound",
    severity: "error",
    description:
      "With outboundType userDefinedRouting every node subnet needs a route table whose 0.0.0.0/0 route points to a " +
      "firewall, gateway or other appliance (not the Internet); every route table a subnet names must be " +
      "described, and its routes must be well-formed.",
    messages: {
      noRouteTable: {
        message:
          'Outbound type userDefinedRouting needs a route table on node subnet "{subnet}", but it has none; AKS ' +
          "refuses to create the cluster.",
        fix:
          "Attach a route table whose 0.0.0.0/0 route points to your firewall or appliance: set " +
          "vnet.subnets[{index}].routeTable and describe the table in vnet.routeTables.",
        aksErrorCode: "ExistingRouteTableNotAssociatedWithSubnet",
      },
      noDefaultRoute: {
        message:
          'Route table "{table}" on node subnet "{subnet}" has no 0.0.0.0/0 route; with outbound type ' +
          "userDefinedRouting the nodes would have no outbound path.",
        fix:
          "Add a route { addressPrefix: 0.0.0.0/0, nextHopType: VirtualAppliance, nextHopIpAddress: <your " +
          'firewall\'s private address> } to "{table}".',
      },
      defaultToInternet: {
        message:
          'Route table "{table}" sends 0.0.0.0/0 to the Internet; with outbound type userDefinedRouting AKS requires ' +
          "the default route to point to a gateway or appliance (it has no public IP to translate addresses).",
        fix:
          "Point route {route} to your firewall or appliance (nextHopType VirtualAppliance with its " +
          "nextHopIpAddress, or VirtualNetworkGateway).",
      },
      noDefaultRouteV6: {
        message:
          'Route table "{table}" on node subnet "{subnet}" has no ::/0 route; AKS warns dual-stack clusters with ' +
          "outbound type userDefinedRouting that IPv6 egress needs one.",
        fix: 'Add a route for ::/0 to "{table}" pointing to your IPv6-capable appliance or gateway.',
        severity: "warning",
      },
      unknownTable: {
        message:
          'Subnet "{subnet}" names route table "{table}", which vnet.routeTables does not describe, so its routes ' +
          "cannot be checked.",
        fix: 'Describe route table "{table}" and its routes in vnet.routeTables (known: {known}).',
        severity: "warning",
      },
      badPrefix: {
        message:
          'Route "{route}" of route table "{table}" has address prefix "{prefix}", which is not a CIDR: {problem}.',
        fix: "Write the destination in CIDR notation, e.g. 0.0.0.0/0.",
      },
      applianceWithoutAddress: {
        message:
          'Route "{route}" of route table "{table}" sends traffic to a VirtualAppliance but gives no nextHopIpAddress.',
        fix: "Set nextHopIpAddress to the appliance's private IP address (e.g. your Azure Firewall's).",
      },
      badNextHopAddress: {
        message: 'Route "{route}" of route table "{table}" has nextHopIpAddress "{address}", {problem}.',
        fix: "Give the appliance's private IP address, and only for nextHopType VirtualAppliance.",
      },
    },
    sources: [
      UDR_DOC,
      "https://learn.microsoft.com/azure/aks/egress-outboundtype",
      "https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview",
      "Azure/AKS:CHANGELOG.md (release 2023-10-08: a warning for dual-stack clusters with outbound type user-defined " +
        "routing whose route table has no default IPv6 route)",
    ],
    checked: "2026-12-06",
    assumes:
      "The AKS error ExistingRouteTableNotAssociatedWithSubnet is what AKS returns when the node subnet has no route " +
      "table (seen in recorded deployments; the egress-udr page states the route table requirement). A route " +
      "table the plan names without describing it may exist in Azure, so it is a warning, not an error.",
  },
  check({ plan, report }) {
    const vnet = plan.plan.vnet;
    if (!vnet) return;
    const tables = new Map((vnet.routeTables ?? []).map((t, i) => [t.name, { t, i }]));
    const known = listText([...tables.keys()]);
    // Route tables: well-formed routes, wherever they are used.
    (vnet.routeTables ?? []).forEach((t, ti) => t.routes.forEach((r, ri) => checkRoute(t, ti, r, ri, report)));
    vnet.subnets.forEach((s, i) => {
      if (s.routeTable !== undefined && !tables.has(s.routeTable))
        report({
          messageId: "unknownTable",
          path: ["vnet", "subnets", i, "routeTable"],
          data: { subnet: s.name, table: s.routeTable, known },
        });
    });
    if (plan.outboundType !== "userDefinedRouting") return;
    const nodeSubnets = new Set(plan.pools.map((p) => p.subnet));
    const dual = plan.ipFamilies.includes("IPv6");
    vnet.subnets.forEach((s, i) => {
      if (!nodeSubnets.has(s.name)) return;
      if (s.routeTable === undefined) {
        report({ messageId: "noRouteTable", path: ["vnet", "subnets", i], data: { subnet: s.name, index: i } });
        return;
      }
      const found = tables.get(s.routeTable);
      if (found) checkDefaultRoutes(s.name, found.t, found.i, dual, report); // else unknownTable reported it
    });
  },
});
