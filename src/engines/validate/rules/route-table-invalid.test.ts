import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./route-table-invalid.js";

type RouteTable = NonNullable<NonNullable<PlanInput["vnet"]>["routeTables"]>[number];
type Route = NonNullable<RouteTable["routes"]>[number];

/** The clean plan with outbound type UDR, the node subnet on route table "rt-aks" holding `routes`. */
const udr = (routes: Route[], edit: (d: Draft) => void = () => {}) =>
  mk((d) => {
    d.network.outboundType = "userDefinedRouting";
    d.vnet.routeTables = [{ name: "rt-aks", routes }];
    (d.vnet.subnets[0] as { routeTable?: string }).routeTable = "rt-aks";
    edit(d);
  });

const toFirewall: Route = {
  name: "default",
  addressPrefix: "0.0.0.0/0",
  nextHopType: "VirtualAppliance",
  nextHopIpAddress: "10.1.1.4",
};

ruleTester(rule, {
  valid: [
    { name: "load balancer outbound without route tables", plan: mk() },
    { name: "UDR with 0.0.0.0/0 to the hub firewall", plan: udr([toFirewall]) },
    {
      name: "UDR with 0.0.0.0/0 to a VPN gateway",
      plan: udr([{ name: "default", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualNetworkGateway" }]),
    },
    {
      name: "a route table on a subnet no pool uses needs no default route",
      plan: udr([toFirewall], (d) => {
        d.vnet.routeTables?.push({ name: "rt-shared", routes: [] });
        (d.vnet.subnets[1] as { routeTable?: string }).routeTable = "rt-shared";
      }),
    },
  ],
  invalid: [
    {
      name: "UDR and the node subnet has no route table (AKS: ExistingRouteTableNotAssociatedWithSubnet)",
      plan: mk((d) => {
        d.network.outboundType = "userDefinedRouting";
      }),
      findings: [
        {
          messageId: "noRouteTable",
          path: "vnet.subnets[0]",
          message:
            'Outbound type userDefinedRouting needs a route table on node subnet "aks-nodes", but it has none; AKS ' +
            "refuses to create the cluster.",
          fixIncludes: "set vnet.subnets[0].routeTable",
        },
      ],
    },
    {
      name: "UDR and the route table has only a spoke route",
      plan: udr([{ name: "hub", addressPrefix: "10.1.0.0/16", nextHopType: "VirtualNetworkGateway" }]),
      findings: [
        {
          messageId: "noDefaultRoute",
          path: "vnet.routeTables[0].routes",
          message:
            'Route table "rt-aks" on node subnet "aks-nodes" has no 0.0.0.0/0 route; with outbound type ' +
            "userDefinedRouting the nodes would have no outbound path.",
        },
      ],
    },
    {
      name: "UDR with 0.0.0.0/0 to the Internet",
      plan: udr([{ name: "default", addressPrefix: "0.0.0.0/0", nextHopType: "Internet" }]),
      findings: [
        {
          messageId: "defaultToInternet",
          path: "vnet.routeTables[0].routes[0].nextHopType",
          message:
            'Route table "rt-aks" sends 0.0.0.0/0 to the Internet; with outbound type userDefinedRouting AKS ' +
            "requires the default route to point to a gateway or appliance (it has no public IP to translate " +
            "addresses).",
        },
      ],
    },
    {
      name: "dual-stack UDR without ::/0",
      plan: udr([toFirewall], (d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd12:3456:789a::/64"];
        d.network.serviceCidrs = ["10.0.0.0/16", "fd12:3456:789a:1::/108"];
      }),
      findings: [
        {
          messageId: "noDefaultRouteV6",
          path: "vnet.routeTables[0].routes",
          message:
            'Route table "rt-aks" on node subnet "aks-nodes" has no ::/0 route; AKS warns dual-stack clusters with ' +
            "outbound type userDefinedRouting that IPv6 egress needs one.",
        },
      ],
    },
    {
      name: "a subnet names a route table the plan does not describe",
      plan: mk((d) => {
        (d.vnet.subnets[1] as { routeTable?: string }).routeTable = "rt-elsewhere";
      }),
      findings: [
        {
          messageId: "unknownTable",
          path: "vnet.subnets[1].routeTable",
          message:
            'Subnet "shared" names route table "rt-elsewhere", which vnet.routeTables does not describe, so its ' +
            "routes cannot be checked.",
          fixIncludes: "(known: none)",
        },
      ],
    },
    {
      name: "malformed routes: a bad prefix, an appliance without address, an address on a gateway route",
      plan: udr([
        toFirewall,
        { name: "typo", addressPrefix: "10.1.0.0/33", nextHopType: "VirtualNetworkGateway" },
        { name: "nva", addressPrefix: "10.2.0.0/16", nextHopType: "VirtualAppliance" },
        {
          name: "gw",
          addressPrefix: "10.3.0.0/16",
          nextHopType: "VirtualNetworkGateway",
          nextHopIpAddress: "10.1.1.4",
        },
        { name: "bad", addressPrefix: "10.4.0.0/16", nextHopType: "VirtualAppliance", nextHopIpAddress: "firewall" },
      ]),
      findings: [
        {
          messageId: "badPrefix",
          path: "vnet.routeTables[0].routes[1].addressPrefix",
          message:
            'Route "typo" of route table "rt-aks" has address prefix "10.1.0.0/33", which is not a CIDR: prefix ' +
            "length 33 is out of range for IPv4 (0 to 32).",
        },
        {
          messageId: "applianceWithoutAddress",
          path: "vnet.routeTables[0].routes[2].nextHopType",
          message:
            'Route "nva" of route table "rt-aks" sends traffic to a VirtualAppliance but gives no nextHopIpAddress.',
        },
        {
          messageId: "badNextHopAddress",
          path: "vnet.routeTables[0].routes[3].nextHopIpAddress",
          message:
            'Route "gw" of route table "rt-aks" has nextHopIpAddress "10.1.1.4", but Azure takes a next-hop address ' +
            "only for nextHopType VirtualAppliance (this route: VirtualNetworkGateway).",
        },
        {
          messageId: "badNextHopAddress",
          path: "vnet.routeTables[0].routes[4].nextHopIpAddress",
          message: 'Route "bad" of route table "rt-aks" has nextHopIpAddress "firewall", which is not an IP address.',
        },
      ],
    },
  ],
});
