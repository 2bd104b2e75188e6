import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
import { UsageError } from "../errors.js";
import {
  parseKubernetesVersionFlag,
  parseMaxPods,
  parseModels,
  parseNodes,
  parsePrefixFlag,
  parseSurge,
} from "../flags.js";
import { parsePoolsText } from "../size/pools-file.js";

/** Ten lists of ten aliases, each of the one before: 10^9 items when expanded. */
const ALIAS_BOMB = [
  "a: &a [x, x, x, x, x, x, x, x, x, x]",
  ...[..."bcdefghi"].map((n, i) => `${n}: &${n} [${Array(10).fill(`*${"abcdefgh"[i]!}`).join(", ")}]`),
].join("\n");

async function cli(...argv: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" } });
  const code = await run(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("bad flags: exit 2, one sentence naming the flag", () => {
  it.each([
    {
      name: "max pods above 250",
      argv: ["compare", "--max-pods", "300"],
      says: '--max-pods "300" must be a whole number from 10 to 250 (AKS accepts 10 to 250 pods per node)',
    },
    {
      name: "max pods below 10",
      argv: ["size", "--nodes", "3", "--max-pods", "5"],
      says: '--max-pods "5" must be a whole number from 10 to 250',
    },
    {
      name: "max pods not a number",
      argv: ["compare", "--max-pods", "ten"],
      says: '--max-pods "ten" is not a whole number',
    },
    {
      name: "a subnet that does not parse",
      argv: ["compare", "--subnet", "10.0.0.0/33"],
      says: '--subnet "10.0.0.0/33" is not a CIDR prefix',
    },
    {
      name: "a node count with an exponent (it said 1e12 'is not a whole number'; found by the breaker)",
      argv: ["size", "--nodes", "1e12"],
      says: '--nodes "1e12" is not a whole number written in digits; give a node count, e.g. 50',
    },
    { name: "host bits set", argv: ["compare", "--subnet", "10.224.0.7/24"], says: "did you mean 10.224.0.0/24?" },
    { name: "a subnet smaller than /29", argv: ["compare", "--subnet", "10.224.0.0/30"], says: "smaller than /29" },
    { name: "an IPv6 pod CIDR", argv: ["compare", "--pod-cidr", "fd00::/48"], says: "is IPv6" },
    { name: "a bad surge", argv: ["compare", "--surge", "ten"], says: '--surge "ten" is not a max surge' },
    { name: "a surge of 0%", argv: ["size", "--nodes", "3", "--surge", "0%"], says: "percentage from 1% to 100%" },
    {
      name: "a bad Kubernetes version",
      argv: ["compare", "--kubernetes-version", "latest"],
      says: "is not a Kubernetes version",
    },
    {
      name: "an unknown model",
      argv: ["size", "--nodes", "3", "--model", "calico"],
      says: '--model "calico" is not a network model',
    },
    {
      name: "an unknown output",
      argv: ["compare", "-o", "xml"],
      says: '--output "xml" is not a format this command writes; use table, json, yaml or markdown',
    },
    { name: "size without nodes", argv: ["size", "--max-pods", "30"], says: "say how many nodes" },
    {
      name: "max count below nodes",
      argv: ["size", "--nodes", "10", "--max-count", "5"],
      says: "--max-count 5 is below --nodes 10",
    },
    {
      name: "more nodes than any input may ask",
      argv: ["size", "--nodes", "2000000"],
      says: '--nodes "2000000" must be a whole number from 0 to 1000000',
    },
    {
      name: "an autoscaler maximum past every input",
      argv: ["size", "--max-count", "99999999999999999999"],
      says: '--max-count "99999999999999999999" must be a whole number from 0 to 1000000',
    },
    { name: "nodes not a number", argv: ["size", "--nodes", "1e3"], says: '--nodes "1e3" is not a whole number' },
    { name: "negative nodes", argv: ["size", "--nodes", "-3"], says: '--nodes "-3" is not a whole number' },
    {
      name: "a missing pools file",
      argv: ["size", "--pools", "no-such-file.yaml"],
      says: "cannot read --pools no-such-file.yaml (no such file)",
    },
    {
      name: "pools and nodes together",
      argv: ["size", "--pools", "examples/pools.yaml", "--nodes", "3"],
      says: "give either --pools or --nodes",
    },
    {
      name: "another model for an AKS Automatic plan",
      argv: ["size", "--pools", "examples/generate/automatic-custom-vnet.yaml", "--model", "kubenet"],
      says: "--model kubenet does not apply to an AKS Automatic plan: it always runs azure-cni-overlay with the cilium",
    },
  ])("$name", async ({ argv, says }) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(says);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});

describe("size --pools of an AKS Automatic plan", () => {
  it.each([
    { name: "without --model", argv: [] },
    { name: "with --model azure-cni-overlay", argv: ["--model", "azure-cni-overlay"] },
    { name: "with every model", argv: ["--model", "azure-cni-overlay,kubenet,azure-cni-node-subnet"] },
  ])("lists Overlay with Cilium only, $name", async ({ argv }) => {
    const r = await cli("size", "--pools", "examples/generate/automatic-custom-vnet.yaml", "-o", "json", ...argv);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { models: { model: string; dataplane: string }[]; assumptions: object };
    expect(json.models.map((m) => `${m.model} ${m.dataplane}`)).toEqual(["azure-cni-overlay cilium"]);
    expect(json.assumptions).toHaveProperty("network.value", "azure-cni-overlay, cilium");
  });

  it("a plan of another SKU still lists every model", async () => {
    const r = await cli("size", "--pools", "examples/kinds/nat-gateway.yaml", "-o", "json");
    const json = JSON.parse(r.out) as { models: unknown[]; assumptions: object };
    expect(json.models.length).toBeGreaterThan(2);
    expect(json.assumptions).not.toHaveProperty("network");
  });
});

describe("compare -o json contract", () => {
  it("has assumptions and one row per model and dataplane with the documented fields", async () => {
    const r = await cli("compare", "-o", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["apiVersion", "kind", "assumptions", "models", "problems"]);
    expect(j.models).toHaveLength(10);
    const kubenet = j.models[0];
    expect(kubenet).toMatchObject({
      model: "kubenet",
      dataplane: "azure",
      maxNodes: 251,
      maxPods: 27610,
      maxPodsPerNode: 110,
      limitedBy: "node-subnet",
      withSurge: { maxSurge: "10%", surgeNodes: 23, maxNodes: 228 },
    });
    expect(Object.keys(kubenet)).toEqual([
      "model",
      "dataplane",
      "title",
      "maxPodsPerNode",
      "addressesPerNode",
      "podRange",
      "maxNodes",
      "maxPods",
      "limitedBy",
      "podsLimitedBy",
      "withSurge",
      "withAlternativeSurge",
      "withFallbackSurge",
      "limits",
      "podSubnetNeeded",
      "features",
    ]);
    expect(j.assumptions.maxSurge).toMatchObject({ value: "10%", origin: "default", alternatives: [{ value: "1" }] });
  });

  it("sizes past the cluster node limit and says so per model (the engine checks it, not the flag)", async () => {
    const r = await cli("size", "--nodes", "6000", "-o", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const m of j.models) expect(m.problems.map((p: { code: string }) => p.code)).toContain("cluster-node-limit");
  });

  it("--surge 0 means no surge", async () => {
    const j = JSON.parse((await cli("compare", "--surge", "0", "--model", "kubenet", "-o", "json")).out);
    expect(j.models[0].withSurge).toMatchObject({ maxSurge: "0", surgeNodes: 0, maxNodes: 251 });
    expect(j.models[0].withAlternativeSurge).toBeNull();
  });

  it("uses 1 node of surge before Kubernetes 1.28", async () => {
    const j = JSON.parse(
      (await cli("compare", "--kubernetes-version", "1.27", "--model", "kubenet", "-o", "json")).out,
    );
    expect(j.models[0].withSurge).toMatchObject({ maxSurge: "1", surgeNodes: 1, maxNodes: 250 });
  });
});

describe("size -o json contract", () => {
  it("gives nodeSubnet, podSubnet and podCidr per model", async () => {
    const j = JSON.parse((await cli("size", "--nodes", "50", "--max-pods", "30", "--surge", "1", "-o", "json")).out);
    const bySubnet = Object.fromEntries(
      j.models
        .filter((m: { dataplane: string | null }) => m.dataplane !== "cilium")
        .map((m: { model: string }) => [m.model, m]),
    );
    expect(bySubnet["azure-cni-node-subnet"]).toMatchObject({
      nodeSubnet: { addressesNeeded: 1581, prefixLength: 21 },
      podSubnet: null,
      podCidr: null,
    });
    expect(bySubnet["azure-cni-overlay"]).toMatchObject({
      nodeSubnet: { addressesNeeded: 51, prefixLength: 26 },
      podSubnet: null,
      podCidr: { blocksNeeded: 51, prefixLength: 18 },
    });
    expect(bySubnet["azure-cni-pod-subnet-static"]).toMatchObject({
      podSubnet: { addressesNeeded: 1632, blocksNeeded: 102, prefixLength: 21 },
    });
  });

  it("counts load balancer IPs and private endpoints in the node subnet", async () => {
    const j = JSON.parse(
      (
        await cli(
          "size",
          "--nodes",
          "50",
          "--max-pods",
          "30",
          "--surge",
          "1",
          "--ilb",
          "2",
          "--private-endpoints",
          "1",
          "--model",
          "azure-cni-node-subnet",
          "-o",
          "json",
        )
      ).out,
    );
    expect(j.models[0].nodeSubnet.addressesNeeded).toBe(1584);
  });

  it("reserves the autoscaler maximum", async () => {
    const j = JSON.parse(
      (
        await cli(
          "size",
          "--nodes",
          "3",
          "--max-count",
          "20",
          "--max-pods",
          "110",
          "--surge",
          "1",
          "--model",
          "kubenet",
          "-o",
          "json",
        )
      ).out,
    );
    expect(j.models[0]).toMatchObject({ nodes: 20, surgeNodes: 1, nodeSubnet: { addressesNeeded: 21 } });
  });
});

describe("pools files", () => {
  it.each([
    { name: "a list", text: "- { name: a, count: 3, maxPods: 30 }", nodes: [3] },
    {
      name: "a plan file's nodePools",
      text: "nodePools:\n  - { name: a, count: 3, maxCount: 9 }\n  - { name: b, count: 2 }",
      nodes: [9, 2],
    },
    { name: "JSON", text: '[{"name":"a","count":4,"maxSurge":"50%"}]', nodes: [4] },
  ])("reads $name", ({ text, nodes }) => {
    expect(parsePoolsText("f.yaml", text).pools.map((p) => p.nodes)).toEqual(nodes);
  });

  it("reads a plan as check does: count above maxCount, reserved addresses, version and tier", () => {
    const t = parsePoolsText(
      "plan.yaml",
      [
        'kubernetesVersion: "1.35"',
        "sku: { tier: Standard }",
        "reserved: { internalLoadBalancerIps: 2, privateEndpoints: 3 }",
        "nodePools:",
        "  - { name: a, count: 10, minCount: 1, maxCount: 5, maxUnavailable: 2, maxSurge: 0 }",
      ].join("\n"),
    );
    expect(t.pools).toMatchObject([{ name: "a", nodes: 10, maxSurge: { kind: "count", count: 0 } }]);
    expect(t.pools[0]?.maxUnavailable).toEqual({ kind: "count", count: 2 });
    expect(t.tenants).toMatchObject({ internalLoadBalancerIps: 2, privateEndpoints: 3 });
    expect([t.tier, t.kubernetesVersion]).toMatchObject(["Standard", { major: 1, minor: 35 }]);
  });

  it.each([
    { name: "not a list", text: "hello", says: "each pool needs a name" },
    { name: "no count", text: "- { name: a }", says: "pool a has neither count nor maxCount" },
    { name: "bad max pods", text: "- { name: a, count: 3, maxPods: 400 }", says: "between 10 and 250" },
    { name: "bad surge", text: "- { name: a, count: 3, maxSurge: lots }", says: 'maxSurge "lots"' },
    {
      name: "duplicate names",
      text: "- { name: a, count: 3 }\n- { name: a, count: 4 }",
      says: "two pools are named a",
    },
    {
      name: "broken YAML",
      text: "- [",
      says: "f.yaml:1:4: not valid YAML: a [ is not closed with ]; fix it and run again",
    },
    {
      name: "an alias bomb (found by the breaker: the yaml package's own words)",
      text: ALIAS_BOMB,
      says: "f.yaml: not valid YAML: its aliases expand too far (more than 100); fix it and run again",
    },
    {
      name: "lists nested 1,000 deep (found by the breaker: 'Maximum call stack size exceeded')",
      text: `- ${"[".repeat(1000)}${"]".repeat(1000)}`,
      says: "not valid YAML: it nests lists or mappings more than 256 levels deep",
    },
    { name: "unknown field", text: "- { name: a, count: 3, cpu: 4 }", says: "f.yaml:" },
  ])("rejects $name with one sentence", ({ text, says }) => {
    expect(() => parsePoolsText("f.yaml", text)).toThrow(UsageError);
    expect(() => parsePoolsText("f.yaml", text)).toThrow(says);
  });

  it("never fails with anything but a UsageError on random text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        try {
          parsePoolsText("f.yaml", text);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("flag parsers", () => {
  const parsers: { name: string; parse: (v: string) => unknown }[] = [
    { name: "--subnet", parse: (v) => parsePrefixFlag("--subnet", v, "subnet") },
    { name: "--pod-cidr", parse: (v) => parsePrefixFlag("--pod-cidr", v, "range") },
    { name: "--surge", parse: parseSurge },
    { name: "--max-pods", parse: parseMaxPods },
    { name: "--nodes", parse: (v) => parseNodes("--nodes", v) },
    { name: "--kubernetes-version", parse: parseKubernetesVersionFlag },
    { name: "--model", parse: parseModels },
  ];
  it.each(parsers)("$name returns a value or throws a UsageError, for any text", ({ parse }) => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9./%:a-f]{0,20}$/)), (text) => {
        try {
          parse(text);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          expect((e as Error).message).not.toContain("\n");
        }
      }),
      { numRuns: 300 },
    );
  });
});

// Kubernetes 1.35's retry with one surge node is documented for quota or capacity failures; no page says a subnet
// without room for the surge triggers it (kb upgrade.surgeFallbackOnAddressShortage). An output that prints the
// fallback's numbers as what AKS does for a full subnet states something no page states.
describe("the 1.35 surge fallback is printed as the reading it is", () => {
  it.each([
    { name: "compare, 33% surge", argv: ["compare", "--model", "kubenet", "--surge", "33%"] },
    { name: "size, 33% surge", argv: ["size", "--nodes", "100", "--surge", "33%", "--model", "kubenet"] },
    {
      name: "compare on 1.35",
      argv: ["compare", "--model", "kubenet", "--surge", "33%", "--kubernetes-version", "1.35"],
    },
  ])("$name: names quota or capacity and SubnetIsFull, never says AKS retries for a full subnet", async ({ argv }) => {
    const { code, out } = await cli(...argv);
    expect(code).toBe(0);
    const line = out.split("\n").find((l) => l.includes("1 surge node")) ?? "";
    expect(line).toMatch(/^If AKS also retries with 1 surge node/);
    expect(line).toContain("quota or capacity");
    expect(line).toContain("SubnetIsFull");
    expect(out).not.toContain("When the full surge does not fit, AKS retries");
  });

  // A JSON consumer reads the numbers, not the text: the object itself says the subnet case is not documented.
  it.each([
    { name: "compare -o json", argv: ["compare", "--model", "kubenet", "--surge", "33%", "-o", "json"] },
    { name: "size -o json", argv: ["size", "--nodes", "100", "--surge", "33%", "--model", "kubenet", "-o", "json"] },
  ])("$name: withFallbackSurge.documentedForSubnet is false", async ({ argv }) => {
    const { code, out } = await cli(...argv);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { models: { withFallbackSurge: { documentedForSubnet?: boolean } | null }[] };
    const found = report.models.flatMap((m) => (m.withFallbackSurge === null ? [] : [m.withFallbackSurge]));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.documentedForSubnet).toBe(false);
  });
});
