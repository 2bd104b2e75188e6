/**
 * The adversarial fuzz run, in a child process with a small heap (test/fuzz/adversarial.test.ts starts it with
 * --max-old-space-size): hostile documents of every format aksnet reads — huge counts, thousands of copies of one
 * range or name, deep nesting, control characters — through every importer, every rule (validate runs them all),
 * size, layout, generate in every format, migrate and the web page's whole computation. A throw other than the
 * importers' one-sentence PlanLoadError, a message longer than a screen, or an unbounded number of findings is a
 * failure; heap exhaustion or a hang ends the child and fails the test.
 *
 * Usage: node --import tsx test/fuzz/adversarial-worker.ts SEED RUNS → one JSON line on stdout.
 */
import fc from "fast-check";
import {
  GENERATE_FORMATS,
  layoutPlan,
  loadPlanText,
  parsePlan,
  planMigration,
  resolvePlan,
  size,
  sizeTargetOfPlan,
  validate,
  generate,
  PlanLoadError,
  type Plan,
  type PlanInput,
} from "../../src/index.js";
import { computeView } from "../../src/adapters/web/compute.js";
import { readDumps, DumpError } from "../../src/adapters/inspect/index.js";
import { inspectReport } from "../../src/engines/inspect/index.js";
import { loadPlanSet } from "../../src/adapters/importers/index.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type O = Record<string, unknown>;

/** Findings of one run may not exceed this: every rule's messages are capped at 20 plus one "more" finding. */
export const MAX_FINDINGS = 5_000;
/** No message or fix is longer than this (a list from the plan is cut after a few items). */
export const MAX_MESSAGE = 2_000;

const copiesOf = fc.constantFrom(1, 2, 40, 2_500);
const depthOf = fc.constantFrom(1, 30, 600);
const range = fc.constantFrom(
  "10.0.0.0/16",
  "10.0.0.0/24",
  "0.0.0.0/0",
  "::/0",
  "fd00::/64",
  "fd00::/127",
  "10.0.0.0/32",
  "255.255.255.255/32",
  "224.0.0.0/4",
  "8.8.8.0/24",
  "169.254.0.0/16",
  "10.0.0.0/33",
  "not a cidr",
  "",
);
const count = fc.constantFrom<unknown>(0, -1, 1, 3, 1_000, 5_001, 1e9, 2 ** 53, 1e300, 0.5, "3", null);
const text = fc.oneof(
  fc.constantFrom("system", "a b", "-rg", "rg.", "\u001b[2Jx", "\u0085\u202e", "p".repeat(300), "", "system"),
  fc.string({ maxLength: 8 }),
);
const surge = fc.constantFrom<unknown>(0, 1, "10%", "100%", "1000000%", "-1", "x", 1e9);

function copies<T>(k: number, f: (i: number) => T): T[] {
  return Array.from({ length: k }, (_, i) => f(i));
}

function nested(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { x: v };
  return v;
}

/** An aksnet plan with k copies of everything and hostile values. */
const planArb: fc.Arbitrary<O> = fc
  .record({
    k: copiesOf,
    depth: depthOf,
    r: range,
    r2: range,
    name: text,
    n: count,
    m: count,
    pods: count,
    surge,
    plugin: fc.constantFrom("azure", "kubenet", "none", "x"),
    mode: fc.constantFrom(undefined, "overlay"),
    version: fc.constantFrom<unknown>("1.33", "1.35", "1.27", "99.99", 1.3, "latest", undefined),
    tier: fc.constantFrom(undefined, "Free", "Standard", "Premium", "Gold"),
    outbound: fc.constantFrom(undefined, "loadBalancer", "userDefinedRouting", "managedNATGatewayV2", "block"),
    dupNames: fc.boolean(),
    nest: fc.boolean(),
  })
  .map((a) => ({
    apiVersion: "aksnet/v1",
    kind: "ClusterPlan",
    name: a.name,
    kubernetesVersion: a.version,
    sku: a.tier ? { tier: a.tier } : undefined,
    network: {
      plugin: a.plugin,
      pluginMode: a.mode,
      podCidrs: copies(a.k, () => a.r),
      serviceCidrs: copies(a.k, () => a.r2),
      dnsServiceIp: "10.0.0.10",
      outboundType: a.outbound,
      ipFamilies: copies(Math.min(a.k, 50), (i) => (i % 2 ? "IPv6" : "IPv4")),
    },
    vnet: {
      name: a.name,
      resourceGroup: a.name,
      addressSpace: a.nest ? nested(a.depth, a.r) : copies(a.k, () => a.r),
      subnets: copies(a.k, (i) => ({ name: a.dupNames ? "s" : `s${i}`, cidr: i % 2 ? a.r : a.r2 })),
      routeTables: copies(Math.min(a.k, 100), (i) => ({ name: `rt${i}`, routes: [] })),
    },
    connectedNetworks: copies(a.k, (i) => ({ name: `c${i}`, cidrs: [a.r, a.r2] })),
    nodePools: copies(Math.min(a.k, 1_000), (i) => ({
      name: a.dupNames ? a.name : `p${i}`,
      mode: i === 0 ? "System" : "User",
      count: a.n,
      minCount: a.m,
      maxCount: a.n,
      maxPods: a.pods,
      maxSurge: a.surge,
      subnet: a.dupNames ? "s" : `s${i}`,
      podSubnet: `s${i + 1}`,
    })),
    reserved: { internalLoadBalancerIps: a.n, privateEndpoints: a.m },
  }));

/** `az aks show` output with k pools and hostile values. */
const azArb: fc.Arbitrary<O> = fc
  .record({ k: copiesOf, r: range, n: count, pods: count, name: text, depth: depthOf })
  .map((a) => ({
    id: `/subscriptions/0/resourceGroups/${a.name}/providers/Microsoft.ContainerService/managedClusters/${a.name}`,
    name: a.name,
    location: "westeurope",
    properties: {
      kubernetesVersion: "1.33",
      networkProfile: { networkPlugin: "azure", podCidrs: copies(a.k, () => a.r), extra: nested(a.depth, 1) },
      agentPoolProfiles: copies(a.k, (i) => ({
        name: `p${i}`,
        mode: "System",
        count: a.n,
        maxPods: a.pods,
        vnetSubnetID:
          `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/` + `s${i % 7}`,
      })),
    },
  }));

/** An ARM deployment template: the cluster, k separately declared agent pools, k VNets, nesting. */
const armArb: fc.Arbitrary<O> = fc.record({ k: copiesOf, r: range, n: count, depth: depthOf }).map((a) => ({
  $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  contentVersion: "1.0.0.0",
  parameters: { p: { type: "object", defaultValue: nested(a.depth, "x") } },
  resources: [
    {
      type: "Microsoft.ContainerService/managedClusters",
      apiVersion: "2025-05-01",
      name: "aks",
      properties: { networkProfile: { networkPlugin: "azure" }, agentPoolProfiles: [{ name: "sys", count: a.n }] },
    },
    ...copies(a.k, (i) => ({
      type: "Microsoft.ContainerService/managedClusters/agentPools",
      apiVersion: "2025-05-01",
      name: `aks/p${i}`,
      properties: { count: a.n, vnetSubnetID: "[variables('x')]" },
    })),
    ...copies(Math.min(a.k, 100), (i) => ({
      type: "Microsoft.Network/virtualNetworks",
      apiVersion: "2024-05-01",
      name: `v${i}`,
      properties: {
        addressSpace: { addressPrefixes: [a.r] },
        subnets: copies(Math.min(a.k, 100), (j) => ({ name: `s${j}`, properties: { addressPrefix: a.r } })),
      },
    })),
  ],
}));

/** `terraform show -json` with nested child modules, k subnets and pools, and reference cycles. */
const tfArb: fc.Arbitrary<O> = fc.record({ k: copiesOf, r: range, n: count, depth: depthOf }).map((a) => {
  let modules: O[] = [];
  let calls: O = {};
  for (let d = a.depth; d > 0; d--) {
    modules = [{ address: `m${d}`, resources: [], child_modules: modules }];
    calls = { m: { expressions: { s: { references: ["module.m.out"] } }, module: { module_calls: calls } } };
  }
  return {
    format_version: "1.2",
    planned_values: {
      root_module: {
        resources: [
          {
            address: "azurerm_kubernetes_cluster.main",
            mode: "managed",
            type: "azurerm_kubernetes_cluster",
            values: { name: "aks", default_node_pool: [{ name: "sys", node_count: a.n }], network_profile: [{}] },
          },
          ...copies(a.k, (i) => ({
            address: `azurerm_subnet.s[${i}]`,
            mode: "managed",
            type: "azurerm_subnet",
            values: { name: `s${i % 3}`, virtual_network_name: "v", address_prefixes: [a.r] },
          })),
          ...copies(Math.min(a.k, 1_000), (i) => ({
            address: `azurerm_kubernetes_cluster_node_pool.p${i}`,
            mode: "managed",
            type: "azurerm_kubernetes_cluster_node_pool",
            values: { name: `p${i}`, node_count: a.n },
          })),
        ],
        child_modules: modules,
      },
    },
    configuration: {
      root_module: {
        resources: [
          {
            address: "azurerm_kubernetes_cluster.main",
            expressions: { default_node_pool: [{ vnet_subnet_id: { references: ["var.s", "module.m.out"] } }] },
          },
        ],
        module_calls: calls,
      },
    },
  };
});

/** `az network vnet list` output: k VNets of k subnets, hostile prefixes. */
const vnetListArb: fc.Arbitrary<unknown> = fc.record({ k: copiesOf, r: range, name: text }).map((a) =>
  copies(Math.min(a.k, 200), (i) => ({
    id: `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v${i}`,
    name: i % 2 ? a.name : `v${i}`,
    addressSpace: { addressPrefixes: [a.r] },
    subnets: copies(Math.min(a.k, 200), (j) => ({ name: `s${j}`, addressPrefix: a.r, addressPrefixes: [a.r] })),
    virtualNetworkPeerings: [{ remoteAddressSpace: { addressPrefixes: [a.r] } }],
  })),
);

/** `kubectl get nodes,pods -A -o json`: k nodes (names may repeat), k pods, hostile ranges and addresses. */
const dumpArb: fc.Arbitrary<unknown> = fc.record({ k: copiesOf, r: range, name: text, dup: fc.boolean() }).map((a) => ({
  kind: "List",
  apiVersion: "v1",
  items: [
    ...copies(a.k, (i) => ({
      kind: "Node",
      metadata: {
        name: a.dup ? a.name : `n${i}`,
        labels: { "kubernetes.azure.com/agentpool": a.name, "kubernetes.azure.com/azure-cni-overlay": "true" },
      },
      spec: { podCIDR: a.r, podCIDRs: [a.r, a.r] },
      status: { addresses: [{ type: "InternalIP", address: a.r.replace(/\/.*/, "") }], allocatable: { pods: "1e9" } },
    })),
    ...copies(a.k, (i) => ({
      kind: "Pod",
      metadata: { name: `p${i}`, namespace: a.name },
      spec: { nodeName: a.dup ? a.name : `n${i % 7}`, hostNetwork: i % 3 === 0 },
      status: { phase: "Running", podIP: a.r.replace(/\/.*/, ""), podIPs: [{ ip: a.r }] },
    })),
  ],
}));

interface Failure {
  readonly step: string;
  readonly error: string;
  readonly input: string;
}

function summary(doc: unknown): string {
  const s = JSON.stringify(doc) ?? "";
  return `${s.length} chars: ${s.slice(0, 200)}`;
}

function exercise(
  docText: string,
  failures: Failure[],
  stats: { cases: number; loaded: number; maxFindings: number },
): void {
  const fail = (step: string, e: unknown) =>
    failures.push({ step, error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e), input: "" });
  stats.cases++;
  let plan: Plan | undefined;
  try {
    plan = loadPlanText(docText, "fuzz.json").plan;
  } catch (e) {
    if (!(e instanceof PlanLoadError)) fail("load", e);
    else if (e.message.length > MAX_MESSAGE) fail("load message length", new Error(e.message.slice(0, 200)));
  }
  if (plan) {
    stats.loaded++;
    runEngines(plan, fail, stats);
  }
  try {
    computeView({ planText: docText, compareSubnet: "", nodes: 0, generateFormat: "terraform" });
  } catch (e) {
    fail("web computeView", e);
  }
}

function runEngines(plan: Plan, fail: (step: string, e: unknown) => void, stats: { maxFindings: number }): void {
  const step = <T>(name: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      fail(name, e);
      return undefined;
    }
  };
  const resolved = step("resolvePlan", () => resolvePlan(plan));
  if (!resolved) return;
  const findings = step("validate", () => validate(resolved)) ?? [];
  stats.maxFindings = Math.max(stats.maxFindings, findings.length);
  if (findings.length > MAX_FINDINGS) fail("validate finding count", new Error(`${findings.length} findings`));
  for (const f of findings)
    if (f.message.length > MAX_MESSAGE || f.fix.length > MAX_MESSAGE)
      fail(`validate message length (${f.ruleId})`, new Error(f.message.slice(0, 200)));
  step("size", () => size(sizeTargetOfPlan(resolved)));
  step("layoutPlan", () => layoutPlan(resolved));
  for (const format of GENERATE_FORMATS) step(`generate ${format}`, () => generate(plan, format));
  step("migrate overlay", () => planMigration(resolved, { to: "overlay" }));
  step("migrate cilium", () => planMigration(resolved, { to: "cilium" }));
}

async function inspectDumps(seed: number, runs: number, failures: Failure[], stats: { cases: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-fuzz-"));
  let n = 0;
  for (const doc of fc.sample(dumpArb, { seed, numRuns: runs })) {
    stats.cases++;
    const file = join(dir, `dump${n++}.json`);
    writeFileSync(file, JSON.stringify(doc));
    try {
      const snapshot = await readDumps([file]);
      inspectReport(snapshot, { kind: "dump", files: [file] });
    } catch (e) {
      if (!(e instanceof DumpError))
        failures.push({ step: "inspect dump", error: String(e).slice(0, 300), input: summary(doc) });
    }
  }
}

async function main(): Promise<void> {
  const seed = Number(process.argv[2] ?? 1);
  const runs = Number(process.argv[3] ?? 10);
  const failures: Failure[] = [];
  const stats = { cases: 0, loaded: 0, maxFindings: 0 };
  const arbs: [string, fc.Arbitrary<O>][] = [
    ["plan", planArb],
    ["az aks show", azArb],
    ["ARM template", armArb],
    ["terraform", tfArb],
  ];
  // Nesting deeper than JSON.stringify goes, written as text: arrays and objects 100,000 levels deep.
  for (const depth of fc.sample(fc.constantFrom(2_000, 20_000, 100_000), { seed, numRuns: Math.min(runs, 3) })) {
    const deep = (open: string, close: string) => open.repeat(depth) + "1" + close.repeat(depth);
    for (const t of [
      `{"apiVersion":"aksnet/v1","kind":"ClusterPlan","vnet":{"addressSpace":${deep("[", "]")}}}`,
      `{"properties":{"networkProfile":${deep('{"a":', "}")},"agentPoolProfiles":${deep("[", "]")}}}`,
      `apiVersion: aksnet/v1\nkind: ClusterPlan\nname: ${deep("[", "]")}\n`,
      `{"format_version":"1.2","planned_values":{"root_module":${deep('{"child_modules":[', "]}")}}}`,
    ]) {
      const before = failures.length;
      exercise(t, failures, stats);
      for (const f of failures.slice(before)) Object.assign(f, { input: `nested ${depth}: ${t.slice(0, 80)}` });
    }
  }
  for (const [kind, arb] of arbs) {
    for (const doc of fc.sample(arb, { seed, numRuns: runs })) {
      const before = failures.length;
      exercise(JSON.stringify(doc), failures, stats);
      // The same plan as an object, past the text loaders (library callers pass values the CLI would refuse).
      if (kind === "plan") {
        const parsed = parsePlan(doc as PlanInput);
        if (parsed.plan)
          runEngines(
            parsed.plan,
            (step, e) => failures.push({ step: `object ${step}`, error: String(e).slice(0, 300), input: "" }),
            stats,
          );
      }
      for (const f of failures.slice(before)) Object.assign(f, { input: `${kind} ${summary(doc)}` });
    }
  }
  // Lists: az aks list (every cluster a plan of its own; each plan keeps its source map, about 3 KB a pool, so
  // 10 clusters, not 50: 125,000 pools need about 400 MB) and az network vnet list beside a cluster.
  for (const doc of fc.sample(azArb, { seed, numRuns: runs })) {
    stats.cases++;
    try {
      for (const p of loadPlanSet([{ text: JSON.stringify(copies(10, () => doc)), fileName: "list.json" }]).plans)
        if (p.loaded.plan) validate(p.loaded.plan);
    } catch (e) {
      if (!(e instanceof PlanLoadError))
        failures.push({ step: "loadPlanSet", error: String(e).slice(0, 300), input: summary(doc) });
    }
  }
  for (const list of fc.sample(vnetListArb, { seed, numRuns: runs })) {
    stats.cases++;
    try {
      const cluster = JSON.stringify(fc.sample(azArb, { seed, numRuns: 1 })[0]);
      const loaded = loadPlanSet([
        { text: cluster, fileName: "aks.json" },
        { text: JSON.stringify(list), fileName: "vnets.json" },
      ]);
      for (const p of loaded.plans) if (p.loaded.plan) validate(p.loaded.plan);
    } catch (e) {
      if (!(e instanceof PlanLoadError))
        failures.push({ step: "vnet list", error: String(e).slice(0, 300), input: summary(list) });
    }
  }
  await inspectDumps(seed, runs, failures, stats);
  process.stdout.write(`${JSON.stringify({ ...stats, failures: failures.slice(0, 20), failed: failures.length })}\n`);
}

await main();
