/**
 * Plans for rule case tables: a clean overlay plan that passes every rule, and
 * `mk(edit)` which returns a fresh copy edited for one case.
 */
import { parsePlan, resolvePlan, type PlanInput, type ResolvedPlan } from "../../plan/index.js";
import { FixSpace } from "../fix-space.js";
import type { PlanInputs } from "../rule.js";

type Section<K extends keyof PlanInput> = NonNullable<PlanInput[K]>;

export interface Draft {
  kubernetesVersion?: string | number;
  name?: string;
  network: Section<"network">;
  vnet: Section<"vnet"> & { subnets: { name: string; cidr: string; delegation?: string }[] };
  connectedNetworks: NonNullable<Section<"connectedNetworks">>;
  nodePools: NonNullable<Section<"nodePools">>;
  reserved: Section<"reserved">;
}

/** A clean plan: overlay, Kubernetes 1.33, one VNet with a node subnet, a hub and on-premises network, two pools. */
export function clean(): Draft {
  return {
    kubernetesVersion: "1.33",
    name: "aks-test",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      dataplane: "azure",
      policy: "none",
      ipFamilies: ["IPv4"],
      podCidrs: ["10.244.0.0/16"],
      serviceCidrs: ["10.0.0.0/16"],
      dnsServiceIp: "10.0.0.10",
      outboundType: "loadBalancer",
    },
    vnet: {
      name: "vnet-aks",
      resourceGroup: "rg-network",
      addressSpace: ["10.224.0.0/12"],
      subnets: [
        { name: "aks-nodes", cidr: "10.224.0.0/22" },
        { name: "shared", cidr: "10.224.8.0/24" },
      ],
    },
    connectedNetworks: [
      { name: "hub", cidrs: ["10.1.0.0/16"] },
      { name: "on-prem", cidrs: ["192.168.0.0/16"] },
    ],
    nodePools: [
      { name: "system", mode: "System", os: "Linux", count: 3, maxPods: 110, maxSurge: "10%", subnet: "aks-nodes" },
      {
        name: "user",
        mode: "User",
        os: "Linux",
        count: 3,
        minCount: 3,
        maxCount: 10,
        maxPods: 110,
        maxSurge: 1,
        subnet: "aks-nodes",
      },
    ],
    reserved: { internalLoadBalancerIps: 2, privateEndpoints: 1 },
  };
}

/** A fresh clean plan edited by `edit`. */
export function mk(edit: (d: Draft) => void = () => {}): Draft {
  const d = clean();
  edit(d);
  return d;
}

/** Parses and resolves a test plan; a schema problem is a mistake in the test. */
export function resolved(input: PlanInput | Draft): ResolvedPlan {
  const r = parsePlan(input);
  if (!r.plan)
    throw new Error(`test plan does not parse: ${r.problems.map((p) => `${p.pathText}: ${p.message}`).join("; ")}`);
  return resolvePlan(r.plan);
}

/** The inputs of a plan rule for a test plan (a fresh free-space search, still recording). */
export function inputsOf(input: PlanInput | Draft): PlanInputs {
  const plan = resolved(input);
  return { plan, fixes: new FixSpace(plan) };
}
