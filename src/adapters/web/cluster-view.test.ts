import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePlan, resolvePlan } from "../../engines/plan/index.js";
import { run } from "../cli/main.js";
import { memoryIo } from "../cli/io.js";
import { clusterView } from "./cluster-view.js";
import { computeView } from "./compute.js";
import { inspectViewOf } from "./inspect-view.js";
import { DEFAULT_STATE } from "./state.js";

const ROOT = resolve(import.meta.dirname, "../../..");

async function inspectJson(args: string[]): Promise<string> {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  expect(await run(["inspect", ...args, "-o", "json"], io)).toBe(0);
  return io.stdout;
}

const GATEWAY = [
  "--from-dump",
  "src/adapters/inspect/fixtures/overlay-gateway.json",
  "--azure-from",
  "examples/inspect/gateway/az-aks-show.json",
  "examples/inspect/gateway/az-network-vnet-show.json",
  "examples/inspect/gateway/az-network-vnet-list-usage.json",
];

describe("Pools and parts of a plan", () => {
  it("the /20 layout example: every pool's mode, the API server and AGC subnets", () => {
    const text = readFileSync(join(ROOT, "examples/layout/overlay-cilium-20.yaml"), "utf8");
    const v = clusterView(resolvePlan(parsePlan(parse(text)).plan!));
    expect(v.pools.map((p) => [p.name, p.mode, p.nodes])).toEqual([
      ["system", "System", "3"],
      ["user", "User", "3–40 (autoscaler)"],
      ["egress", "Gateway", "2, public IP prefix /30 (at most 4)"],
    ]);
    expect(v.parts.map((p) => p.part)).toEqual([
      "API server",
      "Application Gateway for Containers",
      "Reserved addresses",
    ]);
    expect(v.parts[2]!.detail).toBe("4 internal load balancer IPs in the node subnet");
    expect(v.parts[0]!.detail).toBe("VNet integration in subnet aks-apiserver (not in vnet.subnets); public");
  });

  const PRIVATE = "2, private-IP mode (VirtualMachines, preview: Kubernetes 1.34+, a route out of its subnet)";
  it.each([
    { vmSetType: undefined, size: 31, words: "2, public IP prefix /31 (at most 2)" },
    { vmSetType: undefined, size: undefined, words: "2, no public IP prefix size" },
    {
      vmSetType: "VirtualMachines",
      size: 31,
      words: `${PRIVATE}, IP prefix /31 (at most 2)`,
    },
    {
      vmSetType: "VirtualMachines",
      size: undefined,
      words: `${PRIVATE}, no IP prefix size`,
    },
  ])("a gateway pool of VM set type $vmSetType, prefix /$size: $words", ({ vmSetType, size, words }) => {
    const raw = parse(readFileSync(join(ROOT, "examples/kinds/gateway-private-ip.yaml"), "utf8")) as {
      nodePools: Record<string, unknown>[];
    };
    const egress = raw.nodePools[1]!;
    delete egress["vmSetType"];
    delete egress["gatewayPrefixSize"];
    Object.assign(egress, vmSetType ? { vmSetType } : {}, size ? { gatewayPrefixSize: size } : {});
    const v = clusterView(resolvePlan(parsePlan(raw).plan!));
    expect(v.pools.map((p) => [p.name, p.mode, p.nodes])).toEqual([
      ["system", "System", "3"],
      ["egress", "Gateway", words],
    ]);
  });

  it.each([
    {
      name: "AKS Automatic with hosted system pools",
      file: "examples/generate/automatic-custom-vnet.yaml",
      parts: ["AKS Automatic", "Hosted system pools", "API server", "Node auto-provisioning"],
    },
    {
      name: "a hub's firewall by a route table (UDR)",
      file: "examples/kinds/hub-udr.yaml",
      parts: [
        "Outbound: outbound type userDefinedRouting",
        "Route table (UDR): rt-aks: 1 route, default route to VirtualAppliance 10.60.0.4, on aks-nodes",
      ],
    },
    {
      name: "a NAT gateway",
      file: "examples/kinds/nat-gateway.yaml",
      parts: ["Outbound: outbound type userAssignedNATGateway", "NAT gateway: nat-aks, 2 public IPs, on aks-nodes"],
    },
  ])("$name", ({ file, parts }) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const v = clusterView(resolvePlan(parsePlan(parse(text)).plan!));
    // Each expected line is a part's name, or its name and detail.
    expect(v.parts.map((p, i) => (parts[i]?.includes(": ") ? `${p.part}: ${p.detail}` : p.part))).toEqual(parts);
  });

  it.each([
    { name: "no route table, a default outbound type", vnet: {}, network: {}, parts: [] },
    {
      name: "a route table without a default route, on no subnet",
      vnet: {
        routeTables: [{ name: "rt", routes: [{ name: "r", addressPrefix: "10.9.0.0/16", nextHopType: "None" }] }],
      },
      network: {},
      parts: ["Outbound: outbound type loadBalancer", "Route table (UDR): rt: 1 route, no default route, on no subnet"],
    },
    {
      name: "an outbound type alone",
      vnet: {},
      network: { outboundType: "managedNATGateway" },
      parts: ["Outbound: outbound type managedNATGateway"],
    },
  ])("outbound: $name", ({ vnet, network, parts }) => {
    const plan = parsePlan({
      network: { plugin: "azure", pluginMode: "overlay", ...network },
      vnet: { addressSpace: ["10.0.0.0/16"], subnets: [{ name: "nodes", cidr: "10.0.0.0/22" }], ...vnet },
      nodePools: [{ name: "sys", count: 3, subnet: "nodes" }],
    }).plan!;
    expect(clusterView(resolvePlan(plan)).parts.map((p) => `${p.part}: ${p.detail}`)).toEqual(parts);
  });

  it.each([
    { name: "nothing reserved", reserved: {}, detail: undefined },
    {
      name: "one private endpoint",
      reserved: { privateEndpoints: 1 },
      detail: "1 private endpoint in the node subnet",
    },
    {
      name: "counts and an internal load balancer subnet",
      reserved: { internalLoadBalancerIps: 2, other: 1, internalLoadBalancerSubnet: "ilb" },
      detail: "2 internal load balancer IPs, 1 other address in the node subnet; internal load balancers in subnet ilb",
    },
  ])("reserved: $name", ({ reserved, detail }) => {
    const plan = parsePlan({
      network: { plugin: "azure", pluginMode: "overlay" },
      nodePools: [{ name: "sys", count: 3 }],
      reserved,
    }).plan!;
    expect(clusterView(resolvePlan(plan)).parts.find((p) => p.field === "reserved")?.detail).toBe(detail);
  });

  it.each([
    { name: "prefix /31", size: 31, nodes: "2, public IP prefix /31 (at most 2)" },
    { name: "prefix /28", size: 28, nodes: "2, public IP prefix /28 (at most 16)" },
    { name: "no prefix size", size: undefined, nodes: "2, no public IP prefix size" },
  ])("a Gateway pool with $name", ({ size, nodes }) => {
    const plan = parsePlan({
      network: { plugin: "azure", pluginMode: "overlay" },
      nodePools: [
        { name: "sys", count: 3 },
        { name: "gw", mode: "Gateway", count: 2, ...(size === undefined ? {} : { gatewayPrefixSize: size }) },
      ],
    }).plan!;
    expect(clusterView(resolvePlan(plan)).pools[1]?.nodes).toBe(nodes);
  });

  it("a plan with NAP, virtual nodes, AGIC and a Spot Windows pool names each", () => {
    const plan = parsePlan({
      apiVersion: "aksnet/v1",
      kind: "ClusterPlan",
      network: { plugin: "azure" },
      vnet: {
        name: "v",
        addressSpace: ["10.0.0.0/16"],
        subnets: [
          { name: "nodes", cidr: "10.0.0.0/22" },
          { name: "aci", cidr: "10.0.8.0/24" },
          { name: "appgw", cidr: "10.0.9.0/24" },
        ],
      },
      nodePools: [
        { name: "sys", mode: "System", count: 3, subnet: "nodes" },
        { name: "win", mode: "User", os: "Windows2022", priority: "Spot", count: 2, subnet: "nodes" },
      ],
      nodeProvisioning: { mode: "Auto", pools: [{ name: "general", maxNodes: 50 }] },
      addons: {
        virtualNodes: { subnet: "aci", maxPods: 100 },
        applicationGateway: { subnet: "appgw", maxInstances: 10 },
      },
    }).plan!;
    const v = clusterView(resolvePlan(plan));
    expect(v.pools[1]).toMatchObject({ name: "win", kind: "Windows2022, Spot", subnet: "nodes (10.0.0.0/22)" });
    expect(v.parts.map((p) => `${p.part}: ${p.detail}`)).toEqual([
      "Node auto-provisioning: mode Auto: NodePool general up to 50 nodes in the cluster's node subnet",
      "Virtual nodes (ACI): subnet aci (10.0.8.0/24), sized for 100 pods",
      "Application Gateway (AGIC): subnet appgw (10.0.9.0/24), up to 10 instances",
    ]);
  });
});

describe("aksnet inspect -o json in the editor", () => {
  it("a gateway pool cluster: each pool's mode, running and configured nodes, the API server subnet", async () => {
    const v = inspectViewOf(await inspectJson(GATEWAY))!;
    expect(v.name).toBe("aks-synthetic");
    expect(v.model).toBe("azure-cni-overlay (high confidence), dataplane azure, policy none");
    expect(v.cluster.pools.map((p) => [p.name, p.mode, p.nodes, p.maxPods, p.subnet])).toEqual([
      ["gateway", "Gateway", "2 running, configured 2", "30", "aks-subnet"],
      ["system", "System", "2 running, configured 2", "250", "aks-subnet"],
      ["user1", "User", "1 running, configured 1–20 (autoscaler)", "250", "aks-subnet"],
    ]);
    expect(v.cluster.parts).toEqual([
      {
        part: "API server",
        detail: "VNet integration in subnet aks-apiserver (10.224.2.0/28); public",
        field: "azure.apiServer",
      },
    ]);
  });

  it("with the VNet's other subnets: each with its role and inspect's size judgement", async () => {
    const args = GATEWAY.map((a) => a.replace("examples/inspect/gateway/", "examples/inspect/vnet/"));
    const json = await inspectJson(args);
    const v = inspectViewOf(json)!;
    const want = (JSON.parse(json) as { azure: { vnetSubnets: { name: string; verdict: string }[] } }).azure
      .vnetSubnets;
    expect(v.cluster.subnets?.map((s) => [s.name, s.verdict])).toEqual(want.map((s) => [s.name, s.verdict]));
    expect(v.cluster.subnets?.find((s) => s.name === "AzureBastionSubnet")).toEqual({
      name: "AzureBastionSubnet",
      cidr: "10.224.3.64/27",
      role: "Azure Bastion subnet",
      verdict: "too-small",
      size: "/27 is smaller than the /26 it needs at least; 2 of 27 used",
    });
  });

  it("with --azure: a plan of the cluster's own configuration, its VNet's subnets, API server and pools", async () => {
    const args = GATEWAY.map((a) => a.replace("examples/inspect/gateway/", "examples/inspect/vnet/"));
    const json = await inspectJson(args);
    const report = JSON.parse(json) as {
      configured: { cluster: { pools: { name: string; count: number; maxPods: number; subnet: string }[] } };
      azure: { vnetSubnets: { name: string; prefixes: string[] }[] };
    };
    const text = inspectViewOf(json)!.planText!;
    expect(text).toMatch(/^# yaml-language-server/);
    expect(text).toContain("# Started from aksnet inspect: cluster aks-synthetic");
    const parsed = parsePlan(parse(text));
    expect(parsed.problems ?? []).toEqual([]);
    const plan = parsed.plan!;
    expect(resolvePlan(plan).model).toBe("azure-cni-overlay");
    expect(plan.nodePools.map((p) => [p.name, p.count, p.maxPods, p.subnet])).toEqual(
      report.configured.cluster.pools.map((p) => [p.name, p.count, p.maxPods, p.subnet]),
    );
    for (const s of report.azure.vnetSubnets)
      expect(plan.vnet?.subnets.find((x) => x.name === s.name)?.cidr).toBe(s.prefixes[0]);
    expect(plan.apiServer).toEqual({ vnetIntegration: true, subnet: "aks-apiserver" });
  });

  it.each([{ name: "without --azure", args: ["--from-dump", "src/adapters/inspect/fixtures/overlay-gateway.json"] }])(
    "$name: no plan to start (the page says how)",
    async ({ args }) => {
      expect(inspectViewOf(await inspectJson(args))!.planText).toBeUndefined();
    },
  );

  it("without --azure or --aks-json: the modes from the node labels, no API server", async () => {
    const v = inspectViewOf(await inspectJson(["--from-dump", "src/adapters/inspect/fixtures/overlay-gateway.json"]))!;
    expect(v.cluster.pools.map((p) => [p.name, p.mode, p.nodes, p.subnet])).toEqual([
      ["gateway", "Gateway", "2 running", "—"],
      ["system", "System", "2 running", "—"],
      ["user1", "User", "1 running", "—"],
    ]);
    expect(v.cluster.parts).toEqual([]);
  });

  it.each([
    { name: "a plan", text: DEFAULT_STATE.planText },
    { name: "a scan report", text: '{"kind":"ScanReport","clusters":[],"summary":{}}' },
    { name: "JSON that only names the kind", text: '{"note":"InspectReport"}' },
    { name: "broken JSON", text: '{"kind":"InspectReport",' },
  ])("is not read from $name", ({ text }) => {
    expect(inspectViewOf(text)).toBeUndefined();
  });

  it("the page reads it as inspect output: no plan, the inspect view", async () => {
    const v = computeView({ ...DEFAULT_STATE, planText: await inspectJson(GATEWAY) });
    expect(v.input).toEqual({ kind: "inspect", problems: [] });
    expect(v.plan).toBeUndefined();
    expect(v.inspect?.cluster.pools).toHaveLength(3);
  });
});
