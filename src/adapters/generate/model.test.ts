import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../engines/schema/schema.js";
import { generate, GENERATE_FORMATS, toGenPlan } from "./index.js";
import { shellQuote } from "./quote.js";

const base: PlanInput = {
  name: "aks",
  resourceGroup: "rg",
  location: "westeurope",
  network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"] },
  vnet: { name: "vnet", addressSpace: ["10.224.0.0/12"], subnets: [{ name: "nodes", cidr: "10.224.0.0/24" }] },
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
};

type Patch = (p: PlanInput) => PlanInput;
const pool =
  (patch: object): Patch =>
  (p) => ({ ...p, nodePools: [{ ...p.nodePools![0]!, ...patch }] });

describe("values that could inject are refused, naming the field", () => {
  it.each<{ name: string; patch: Patch; path: string }>([
    {
      name: "command substitution in the cluster name",
      patch: (p) => ({ ...p, name: "aks$(rm -rf ~)" }),
      path: "name",
    },
    {
      name: "backticks in the resource group",
      patch: (p) => ({ ...p, resourceGroup: "rg`id`" }),
      path: "resourceGroup",
    },
    { name: "a quote in the location", patch: (p) => ({ ...p, location: "west'europe" }), path: "location" },
    {
      name: "a newline in the Kubernetes version",
      patch: (p) => ({ ...p, kubernetesVersion: "1.33\nrm -rf ~" }),
      path: "kubernetesVersion",
    },
    {
      name: "a shell list after a pod CIDR",
      patch: (p) => ({ ...p, network: { ...p.network, podCidrs: ["10.244.0.0/16; id"] } }),
      path: "network.podCidrs[0]",
    },
    {
      name: "a substitution as DNS service IP",
      patch: (p) => ({ ...p, network: { ...p.network, dnsServiceIp: "$(id)" } }),
      path: "network.dnsServiceIp",
    },
    {
      name: "Bicep interpolation in the VNet name",
      patch: (p) => ({ ...p, vnet: { ...p.vnet!, name: "v${az.environment()}" } }),
      path: "vnet.name",
    },
    {
      name: "HCL interpolation in a subnet name",
      patch: (p) => ({
        ...p,
        vnet: { ...p.vnet!, subnets: [{ name: 'n${file("/etc/passwd")}', cidr: "10.224.0.0/24" }] },
      }),
      path: "vnet.subnets[0].name",
    },
    {
      name: "double quote in a delegation",
      patch: (p) => ({
        ...p,
        vnet: { ...p.vnet!, subnets: [{ name: "nodes", cidr: "10.224.0.0/24", delegation: 'Microsoft.X/"y"' }] },
      }),
      path: "vnet.subnets[0].delegation",
    },
    { name: "a space and semicolon in a pool name", patch: pool({ name: "sys; id" }), path: "nodePools[0].name" },
    { name: "a pipe in max surge", patch: pool({ maxSurge: "1|id" }), path: "nodePools[0].maxSurge" },
    { name: "upper case pool name", patch: pool({ name: "System" }), path: "nodePools[0].name" },
    {
      name: "Windows pool name longer than 6",
      patch: (p) => ({ ...p, nodePools: [...p.nodePools!, { name: "windows", os: "Windows2022" }] }),
      path: "nodePools[1].name",
    },
    { name: "a subnet reference the VNet lacks", patch: pool({ podSubnet: "pods" }), path: "nodePools[0].podSubnet" },
    { name: "an autoscaler with only maxCount", patch: pool({ count: undefined, maxCount: 10 }), path: "nodePools[0]" },
    {
      name: "a CIDR that is not a network address",
      patch: (p) => ({ ...p, network: { ...p.network, podCidrs: ["10.244.0.1/16"] } }),
      path: "network.podCidrs[0]",
    },
  ])("$name", ({ patch, path }) => {
    const r = toGenPlan(PlanSchema.parse(patch(base)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((x) => x.path)).toContain(path);
    for (const format of GENERATE_FORMATS) expect(generate(PlanSchema.parse(patch(base)), format).ok).toBe(false);
  });

  it("a pool without a count gets 3 nodes, written explicitly and stated", () => {
    const r = generate(PlanSchema.parse(pool({ count: undefined })(base)), "terraform");
    expect(r.ok && r.text).toMatch(/node_count += 3/);
    expect(r.ok && r.notes.join(" ")).toMatch(/nodePools\[0\]\.count is not set: 3/);
  });

  it("the unpatched plan is accepted", () => {
    expect(toGenPlan(PlanSchema.parse(base)).ok).toBe(true);
  });
});

describe("shellQuote", () => {
  it("bash reads any string back unchanged", () => {
    const words = fc.sample(
      fc.string({ unit: "binary", maxLength: 30 }).filter((s) => !s.includes("\0")),
      { numRuns: 60, seed: 42 },
    );
    const script = words.map((w) => `printf '%s\\0' ${shellQuote(w)}`).join("\n");
    const out = execFileSync("bash", ["-c", script], { encoding: "utf8" });
    expect(out.split("\0").slice(0, -1)).toEqual(words);
  });
});

describe("any string in a name field: refused, or a script bash reads back unchanged", () => {
  it("fuzz", async () => {
    const { azCommands } = await import("./testing/az-args.js");
    const texts = fc.sample(
      fc.tuple(
        fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/)),
        fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/)),
      ),
      { numRuns: 150, seed: 99 },
    );
    let accepted = 0;
    for (const [clusterName, poolName] of texts) {
      const parsed = PlanSchema.safeParse({
        ...base,
        name: clusterName,
        resourceGroup: clusterName,
        nodePools: [{ name: poolName, mode: "System", count: 3, subnet: "nodes" }],
      });
      if (!parsed.success) continue;
      const r = generate(parsed.data, "az");
      if (!r.ok) continue;
      accepted++;
      execFileSync("bash", ["-n"], { input: r.text });
      const create = azCommands(r.text).find((c) => c.words.join(" ") === "az aks create");
      expect(create?.flags.get("--name")).toBe(clusterName);
      expect(create?.flags.get("--nodepool-name")).toBe(poolName);
    }
    expect(accepted).toBeGreaterThan(10);
  });
});

describe("the plugin the generators write when the plan leaves it out", () => {
  it.each([
    { name: "no version: Overlay", patch: {}, want: /--network-plugin=azure \\\n {2}--network-plugin-mode=overlay/ },
    {
      name: "Kubernetes 1.29: kubenet",
      patch: { kubernetesVersion: "1.29" },
      want: /--network-plugin=kubenet \\\n {2}--nodepool-name/,
    },
    {
      name: "pools with a pod subnet: Azure CNI without a mode",
      patch: {
        vnet: {
          name: "vnet",
          addressSpace: ["10.224.0.0/12"],
          subnets: [
            { name: "nodes", cidr: "10.224.0.0/24" },
            { name: "pods", cidr: "10.225.0.0/16" },
          ],
        },
        nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes", podSubnet: "pods" }],
      },
      want: /--network-plugin=azure \\\n {2}--nodepool-name/,
    },
  ])("$name", ({ patch, want }) => {
    const plan = PlanSchema.parse({ ...base, network: {}, ...patch });
    const r = generate(plan, "az");
    expect(r.ok && r.text).toMatch(want);
    expect(r.ok && r.notes.join(" ")).toMatch(/network\.plugin is not set/);
  });
});
