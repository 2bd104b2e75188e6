import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
import { startArmServer } from "../../azure/testing/arm-server.js";
import { syntheticEstate } from "../../azure/testing/estate-gen.js";
import { armRows } from "../../azure/testing/arm-rows.js";
import { clustersQuery, subnetsQuery, vnetsQuery } from "../../azure/index.js";
import { run22 } from "../../azure/testing/node22.js";
import { UsageError } from "../errors.js";
import { azureSideOf, clusterRefOf } from "./azure-side.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const FIX = "src/adapters/azure/fixtures";
const RECORDED = [`${FIX}/arm-cluster-kubenet-byo-subnet.json`, `${FIX}/arm-vnet-byo-subnet.json`];
const USAGE = `${FIX}/az-vnet-list-usage-byo-subnet.json`;
const tmp = mkdtempSync(join(tmpdir(), "aksnet-scan-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function scan(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(["scan", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const file = (name: string, text: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe("aksnet scan: bad input is one sentence and exit 2", () => {
  const cases = [
    {
      name: "a subscription that is no GUID",
      args: ["--subscription", "prod"],
      stderr: /--subscription "prod" is not a subscription ID \(a GUID\)\./,
    },
    {
      name: "a resource group with a quote",
      args: ["--resource-group", "rg'x"],
      stderr: /--resource-group "rg'x" is not a resource group name\./,
    },
    {
      name: "--from with --subscription",
      args: ["--from", USAGE, "--subscription", "00000000-0000-0000-0000-000000000000"],
      stderr: /--from reads files, so --subscription/,
    },
    {
      name: "a missing --from file",
      args: ["--from", "nope.json"],
      stderr: /cannot read nope\.json: no such file; check the path given to --from\./,
    },
    {
      name: "a --from file that is not JSON",
      args: ["--from", file("bad.json", "not json")],
      stderr: /bad\.json is not JSON \(.*\); give the -o json output of az graph query/,
    },
    {
      name: "a UTF-16 --from file",
      args: ["--from", file("u16.json", Buffer.from("\ufeff[]", "utf16le"))],
      stderr: /u16\.json is UTF-16 text; save it as UTF-8\./,
    },
    {
      name: "an item that is none of the kinds",
      args: ["--from", file("odd.json", '[{"kind":"Pod"}]')],
      stderr: /odd\.json: item 1 is not a managed cluster, a VNet, a subnet row or a usage entry/,
    },
    {
      name: "files without a cluster",
      args: ["--from", USAGE],
      stderr: /no managed cluster in .*az-vnet-list-usage-byo-subnet\.json; add az aks list -o json/,
    },
    {
      name: "the live scan on Node.js 20",
      args: [],
      stderr: /the live Azure scan needs Node\.js 22 or later .* or scan saved az JSON with --from/,
    },
    {
      name: "a timeout of 0",
      args: ["--timeout", "0"],
      stderr: /--timeout must be a whole number from 1 to 86400, got "0"\./,
    },
    {
      name: "an unknown format",
      args: ["-o", "html"],
      stderr: /--output "html" is not a format this command writes; use table, json, yaml, markdown or sarif/,
    },
  ];
  it.each(cases)("$name", async ({ args, stderr }) => {
    const r = await scan(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("aksnet scan --from: the recorded cluster, its VNet and its usage", () => {
  it("judges the recorded kubenet cluster ok, in table, markdown, json and sarif", async () => {
    const [table, md, json, sarif] = await Promise.all(
      ["table", "markdown", "json", "sarif"].map((o) => scan(["--from", ...RECORDED, USAGE, "-o", o])),
    );
    const report = JSON.parse(json!.stdout);
    expect(report).toMatchObject({ kind: "ScanReport", apiVersion: "aksnet/v1" });
    expect(report.source).toEqual({ kind: "files", files: [...RECORDED, USAGE] });
    // The VNet read, whole: the space it takes (docs/scan.md, "Reading it as used space").
    expect(report.vnets).toEqual([
      expect.objectContaining({
        name: "cliakstest000003",
        addressSpace: ["11.0.0.0/16"],
        subnets: [expect.objectContaining({ name: "aks-subnet", prefixes: ["11.0.0.0/24"] })],
      }),
    ]);
    expect(report.requests).toBeNull();
    const c = report.clusters[0];
    expect(c).toMatchObject({ name: "cliakstest000002", model: "kubenet", kubernetesVersion: "1.17.13" });
    expect(c.pools[0]).toMatchObject({ name: "nodepool1", count: 3, autoscale: false, maxPods: 110, surgeNodes: 1 });
    expect(c.pools[0].checks[0]).toMatchObject({
      check: "next-upgrade",
      range: "node-subnet",
      needed: 1,
      free: 247,
      verdict: "ok",
    });
    expect(report.subnets[0]).toMatchObject({
      name: "aks-subnet",
      usable: 251,
      used: 4,
      usedSource: "usage-api",
      free: 247,
    });
    // The recorded cluster's service CIDR is 10.0.0.0/16 and nothing in its VNet (11.0.0.0/16) overlaps it.
    expect(c.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    expect(c.verdict).toBe("ok");
    expect([table, md, json, sarif].map((r) => r!.code)).toEqual([0, 0, 0, 0]);
    // No API Server VNet Integration: no API server subnet.
    expect(table!.stdout).toContain(
      `cliakstest000002  clitest000001   kubenet  azure      1.17.13      1  ${"-".padEnd(17)}  ok`,
    );
    expect(md!.stdout).toContain("| cliakstest000002 | clitest000001 | kubenet | azure | 1.17.13 | 1 | - | ok |");
    expect(JSON.parse(sarif!.stdout).runs[0].results).toEqual([]);
  });

  it("fails the cluster when its subnet is full, exit 1, and names the AKS error", async () => {
    const full = file(
      "full.json",
      JSON.stringify([
        {
          currentValue: 251,
          id:
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clitest000001/providers/" +
            "Microsoft.Network/virtualNetworks/cliakstest000003/subnets/aks-subnet",
          limit: 251,
          name: { value: "SubnetSpace" },
        },
      ]),
    );
    const r = await scan(["--from", ...RECORDED, full]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "FAIL cliakstest000002: InsufficientSubnetSize: the next upgrade of pool nodepool1 adds 1 surge node needing " +
        "1 address in subnet aks-subnet (11.0.0.0/24); 0 addresses free.",
    );
    const sarif = JSON.parse((await scan(["--from", ...RECORDED, full, "-o", "sarif"])).stdout);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: "scan/next-upgrade", level: "error" });
    // At the pool's Azure resource: its ARM address as the artifact (code scanning refuses a result
    // without one), its resource ID as the logical location.
    const report = JSON.parse((await scan(["--from", ...RECORDED, full, "-o", "json"])).stdout);
    const pool = `${report.clusters[0].id}/agentPools/nodepool1`;
    expect(sarif.runs[0].results[0].locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: `https://management.azure.com${pool}` } },
        logicalLocations: [{ name: "nodepool1", fullyQualifiedName: pool, kind: "resource" }],
      },
    ]);
  });

  it("judges a cluster from its record and the usage alone (no VNet file)", async () => {
    // The usage entries name a VNet with no address space; read as the plan's VNet it made the cluster "could not
    // assess: vnet.addressSpace".
    const r = JSON.parse((await scan(["--from", RECORDED[0]!, USAGE, "-o", "json"])).stdout);
    expect(r.clusters[0].reasons.filter((x: string) => x.startsWith("could not assess"))).toEqual([]);
    expect(r.clusters[0].pools[0].checks[0]).toMatchObject({ check: "next-upgrade", verdict: "ok" });
    expect(r.subnets[0]).toMatchObject({ name: "aks-subnet", prefixes: [], usedSource: "usage-api" });
  });

  it("is unknown without usage figures, and --fail-on unknown makes that exit 1", async () => {
    const r = await scan(["--from", ...RECORDED, "-o", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).clusters[0].verdict).toBe("unknown");
    expect((await scan(["--from", ...RECORDED, "--fail-on", "unknown"])).code).toBe(1);
  });

  it("documents every field of the JSON output in docs/scan.md", async () => {
    const r = JSON.parse((await scan(["--from", ...RECORDED, USAGE, "-o", "json"])).stdout);
    const c = r.clusters[0];
    const keys = [
      ...Object.keys(r),
      ...Object.keys(r.summary),
      ...Object.keys(c),
      ...Object.keys(c.pools[0]),
      ...Object.keys(c.pools[0].checks[0]),
      ...Object.keys(c.podCidr),
      ...Object.keys(r.subnets[0]),
      ...Object.keys(r.subnets[0].pools[0]),
      ...Object.keys(r.vnets[0]),
      ...Object.keys(r.vnets[0].subnets[0]),
    ];
    const doc = readFileSync(join(ROOT, "docs/scan.md"), "utf8");
    const json = doc.slice(doc.indexOf("## JSON output"), doc.indexOf("## SARIF"));
    expect(keys.filter((k) => !json.includes(`\`${k}\``) && !json.includes(`\`${k}[]\``))).toEqual([]);
  });

  it("a gateway pool has its public IP prefix size from the record's gatewayProfile, other pools null", async () => {
    const GW = ["az-aks-show.json", "az-network-vnet-show.json", "az-network-vnet-list-usage.json"];
    const r = await scan(["--from", ...GW.map((f) => `examples/inspect/gateway/${f}`), "-o", "json"]);
    const pools = JSON.parse(r.stdout).clusters[0].pools as {
      name: string;
      mode: string;
      gatewayPrefixSize: unknown;
    }[];
    expect(pools.map((p) => [p.mode, p.gatewayPrefixSize])).toEqual([
      ["System", null],
      ["User", null],
      ["Gateway", 31],
    ]);
  });

  it("--cluster and --resource-group filter the files' clusters", async () => {
    const none = JSON.parse((await scan(["--from", ...RECORDED, USAGE, "--cluster", "other", "-o", "json"])).stdout);
    expect(none.summary.clusters).toBe(0);
    const one = JSON.parse(
      (await scan(["--from", ...RECORDED, USAGE, "--resource-group", "CLITEST000001", "-o", "json"])).stdout,
    );
    expect(one.summary.clusters).toBe(1);
  });

  it("--show-queries prints the Resource Graph queries with the filters", async () => {
    const r = await scan(["--show-queries", "--cluster", "aks-prod"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| where name in~ ('aks-prod')");
    expect(r.stdout).toContain("mv-expand subnet = properties.subnets limit 400");
  });
});

describe("aksnet scan live, on Node.js 22, against the replay server", { timeout: 240_000 }, () => {
  it("scans a synthetic estate end to end with reads only, as --from judges the same estate saved by az", async () => {
    const estate = syntheticEstate({ clusters: 8, poolsPerCluster: 3, vnets: 10, subnetsPerVnet: 5, subscriptions: 2 });
    const server = await startArmServer(estate);
    try {
      const r = await run22(["src/adapters/cli/bin.ts", "scan", "--arm-endpoint", server.url, "-o", "json"], server, {
        AKSNET_AZURE_ACCESS_TOKEN: server.token,
      });
      expect(r.stderr).toBe("");
      const live = JSON.parse(r.stdout);
      expect(live.source).toEqual({
        kind: "azure",
        scope: "every subscription the credential can read",
        endpoint: server.url,
      });
      expect(live.summary.clusters).toBe(8);
      expect(live.requests.requests).toBe(server.requests.length);
      expect(
        server.requests.every((q) => q.method === "GET" || q.path === "/providers/Microsoft.ResourceGraph/resources"),
      ).toBe(true);
      expect(r.code).toBe(live.summary.fails > 0 ? 1 : 0);
      // The same estate as `az graph query` (the scan's own queries) and `az network vnet list-usage` files.
      const saved = [
        file("q-clusters.json", JSON.stringify({ count: 8, data: armRows(estate, clustersQuery()) })),
        file("q-vnets.json", JSON.stringify({ data: armRows(estate, vnetsQuery()) })),
        file("q-subnets.json", JSON.stringify({ data: armRows(estate, subnetsQuery()) })),
        file("usages.json", JSON.stringify([...estate.usages.values()].flat())),
      ];
      const fromFiles = JSON.parse((await scan(["--from", ...saved, "-o", "json"])).stdout);
      const verdicts = (x: { clusters: { id: string; verdict: string; reasons: string[] }[] }) =>
        x.clusters.map((c) => [c.id, c.verdict, c.reasons]).sort();
      expect(verdicts(fromFiles)).toEqual(verdicts(live));
      expect(fromFiles.subnets).toEqual(live.subnets);
    } finally {
      await server.close();
    }
  });
});

describe("azureSideOf: one cluster's Azure side, for inspect --azure", { timeout: 240_000 }, () => {
  it("reads clusterRefOf's parts from a resource ID, any case", () => {
    expect(
      clusterRefOf("/subscriptions/s/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-1"),
    ).toEqual({ subscriptionId: "s", resourceGroup: "rg", name: "aks-1" });
    expect(clusterRefOf("/subscriptions/s/resourceGroups/rg")).toBeUndefined();
  });

  it("refuses Node.js 20 with the scan's sentence", async () => {
    await expect(azureSideOf({ nodeResourceGroups: ["MC_g_n_westeurope"] }, memoryIo())).rejects.toThrow(UsageError);
  });

  it("gives the cluster's checks and its subnets from the replay server, on Node.js 22", async () => {
    const estate = syntheticEstate({ clusters: 4, poolsPerCluster: 2, vnets: 6, subnetsPerVnet: 4, subscriptions: 2 });
    const server = await startArmServer(estate);
    try {
      const id = String(estate.clusters[2]!["id"]);
      const r = await run22(
        [
          "src/adapters/azure/testing/run-azure-side.ts",
          JSON.stringify({ endpoint: server.url, token: server.token, resourceId: id }),
        ],
        server,
      );
      expect(r.stderr).toBe("");
      const side = JSON.parse(r.stdout);
      expect(side.cluster.id).toBe(id);
      expect(side.cluster.pools[0].checks[0]).toMatchObject({ check: "next-upgrade", range: "node-subnet" });
      expect(side.subnets.length).toBeGreaterThan(0);
      expect(side.missing).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
