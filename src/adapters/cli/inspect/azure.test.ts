/**
 * `inspect --azure` / `--azure-from`: the live cluster's report gains its
 * subnets' real free addresses from Azure and the scan's checks on them. Offline
 * (saved az JSON, any Node.js) in process; live with the Azure SDK on Node.js 22
 * against the replay ARM server, compared with the same estate saved as files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
import { startArmServer } from "../../azure/testing/arm-server.js";
import { syntheticEstate } from "../../azure/testing/estate-gen.js";
import { run22 } from "../../azure/testing/node22.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const DUMP = "src/adapters/inspect/fixtures/overlay.json";
const AZ = ["az-aks-show.json", "az-network-vnet-show.json", "az-network-vnet-list-usage.json"].map(
  (f) => `examples/inspect/${f}`,
);
const ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-aksnet" +
  "/providers/Microsoft.ContainerService/managedClusters/aks-synthetic";
const tmp = mkdtempSync(join(tmpdir(), "aksnet-inspect-azure-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function inspect(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(["inspect", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

/** The overlay dump with its nodes' node resource group label set to `group` (or removed). */
const dumpWith = (name: string, group: string | undefined) =>
  file(
    name,
    readFileSync(join(ROOT, DUMP), "utf8").replace(
      /"kubernetes\.azure\.com\/cluster":\s*"MC_rg-aksnet_aks-synthetic_westeurope",?/g,
      group ? `"kubernetes.azure.com/cluster":"${group}",` : "",
    ),
  );

/**
 * `inspect --azure-from` over a recorded VNet GET answer (src/adapters/azure/fixtures/SOURCES.md). No cluster runs
 * in those VNets: a node subnet 10.0.200.0/24 is added (not recorded), and the recorded kubenet cluster's subnets
 * and the recorded kubenet nodes are moved into it.
 */
async function inspectRecordedVnet(name: string, edit: (text: string) => string = (t) => t) {
  const FIX = "src/adapters/azure/fixtures";
  const json = (f: string) => JSON.parse(readFileSync(join(ROOT, FIX, f), "utf8")) as Record<string, unknown>;
  const vnet = JSON.parse(edit(readFileSync(join(ROOT, FIX, name), "utf8"))) as {
    id: string;
    properties: { subnets: object[] };
  };
  const nodeId = `${vnet.id}/subnets/aks-subnet`;
  vnet.properties.subnets.push({ name: "aks-subnet", id: nodeId, properties: { addressPrefix: "10.0.200.0/24" } });
  const old = String(json("arm-vnet-byo-subnet.json")["id"]);
  const cluster = JSON.stringify(json("arm-cluster-kubenet-byo-subnet.json")).replaceAll(`${old}/`, `${vnet.id}/`);
  const files = [file(`cluster-${name}`, cluster), file(`vnet-${name}`, JSON.stringify(vnet))];
  const dump = "src/adapters/inspect/fixtures/kubenet.json";
  const id = String(JSON.parse(cluster)["id"]);
  const r = await inspect(["--from-dump", dump, "--azure", id, "--azure-from", ...files, "-o", "json"]);
  expect(r.stderr).toBe("");
  return { vnet, azure: JSON.parse(r.stdout).azure };
}

describe("inspect --azure-from: the node subnet's real free addresses from saved az JSON", () => {
  it("finds the cluster by its nodes' node resource group and judges its subnet by Azure's figures", async () => {
    const r = await inspect(["--from-dump", DUMP, "--azure-from", ...AZ, "-o", "json"]);
    expect(r.stderr).toBe("");
    // The user1 pool may grow to 20 nodes, but the /27 has 7 addresses free: the autoscaler stops short.
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.azure).toMatchObject({
      source: { kind: "files", files: AZ },
      matchedBy: "node-resource-group",
      cluster: { id: ID, verdict: "fails", model: "azure-cni-overlay" },
      missing: [],
    });
    expect(report.azure.subnets).toEqual([
      expect.objectContaining({ name: "aks-subnet", usable: 27, used: 20, free: 7, usedSource: "usage-api" }),
    ]);
    const checks = report.headroom.checks as { name: string; fits: boolean; error: string | null }[];
    expect(checks.find((c) => c.name.startsWith("pool user1: scale-out to maxCount"))).toMatchObject({
      fits: false,
      error: "SubnetIsFull",
      needsNodes: 19,
    });
    expect(checks.find((c) => c.name.startsWith("pool system: next upgrade"))).toMatchObject({ fits: true });
    // The blind spot is closed: the node subnet bounds the nodes that fit, and the "not visible" note is gone.
    expect(report.headroom).toMatchObject({ moreNodes: 7, limitedBy: "node-subnet 10.224.0.0/27" });
    expect(report.headroom.notes.join("\n")).not.toMatch(/not visible from inside the cluster/);
    // The node subnet is a range like any other: Azure's figures, every user of the subnet counted.
    expect(report.ranges[0]).toMatchObject({ role: "node-subnet", cidr: "10.224.0.0/27", source: "azure", free: 7 });
    expect(checks.find((c) => c.name === "autoscaler maximums")).toMatchObject({
      fits: false,
      error: "InsufficientSubnetSize",
    });
    // Without --aks-json, the ARM record is the configuration: drift and check findings run on it.
    expect(report.configured.cluster.files).toEqual([`Azure ${ID}`]);
    expect(report.configured.differences).toEqual([]);
  });

  it("a gateway pool's mode from its nodes, the API server subnet from the ARM record", async () => {
    const GW = ["az-aks-show.json", "az-network-vnet-show.json", "az-network-vnet-list-usage.json"].map(
      (f) => `examples/inspect/gateway/${f}`,
    );
    const args = ["--from-dump", "src/adapters/inspect/fixtures/overlay-gateway.json", "--azure-from", ...GW];
    const r = await inspect([...args, "-o", "json"]);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report.pools.find((p: { pool: string }) => p.pool === "gateway")).toMatchObject({
      mode: "gateway",
      nodes: 2,
    });
    // The record's gatewayProfile.publicIPPrefixSize, in the configured side and in the Azure side.
    type Pool = { name: string; gatewayPrefixSize: number | null };
    const prefix = (pools: Pool[]) => pools.map((p) => [p.name, p.gatewayPrefixSize]);
    const want = [
      ["system", null],
      ["user1", null],
      ["gateway", 31],
    ];
    expect(prefix(report.configured.cluster.pools)).toEqual(want);
    expect(prefix(report.azure.cluster.pools)).toEqual(want);
    expect(report.azure.apiServer).toEqual({
      vnetIntegration: true,
      subnetId: expect.stringMatching(/\/subnets\/aks-apiserver$/),
      subnet: "aks-apiserver",
      prefixes: ["10.224.2.0/28"],
      private: false,
    });
    // The VNet that holds its node and API server subnets, with its address space.
    expect(report.azure.vnets).toEqual([
      { id: expect.stringMatching(/\/virtualNetworks\/vnet-aks$/), name: "vnet-aks", addressSpace: ["10.224.0.0/16"] },
    ]);
    expect(report.configured.cluster.apiServer).toEqual({
      vnetIntegration: true,
      subnet: "aks-apiserver",
      subnetCidr: null,
      private: false,
      authorizedIpRanges: [],
    });
    expect(report.configured.cluster.pools.map((p: { name: string; mode: string }) => [p.name, p.mode])).toEqual([
      ["system", "System"],
      ["user1", "User"],
      ["gateway", "Gateway"],
    ]);
    // The configured gateway pool runs: no drift.
    expect(report.configured.differences).toEqual([]);
    const text = (await inspect(args)).stdout;
    expect(text).toMatch(/^gateway +gateway +2 +30 /m);
    expect(text).toContain("API server: VNet integration, subnet aks-apiserver (10.224.2.0/28), public");
    expect(text).toContain("VNet vnet-aks: address space 10.224.0.0/16");
    expect(text).toContain("Static egress gateway pool(s) gateway (2 nodes)");
  });

  it("--aks-json stays the configuration when given with --azure-from", async () => {
    const r = await inspect([
      "--from-dump",
      DUMP,
      "--aks-json",
      "src/adapters/inspect/fixtures/aks-show-overlay.json",
      "--azure-from",
      ...AZ,
      "-o",
      "json",
    ]);
    expect(JSON.parse(r.stdout).configured.cluster.files).toEqual([
      "src/adapters/inspect/fixtures/aks-show-overlay.json",
    ]);
  });

  it("without --azure the blind spot is said, and the exit code is the cluster's own", async () => {
    const r = await inspect(["--from-dump", DUMP, "-o", "json"]);
    const report = JSON.parse(r.stdout);
    expect(report.azure).toBeNull();
    expect(report.headroom.notes.join("\n")).toMatch(/not visible from inside the cluster.*pass --azure/);
    expect(r.code).toBe(0);
  });

  it.each([
    {
      name: "without the usage file: add list-usage",
      files: [AZ[0]!, AZ[1]!],
      note: "Node subnet aks-subnet (10.224.0.0/27): the --azure-from files give its size but not its use",
      add: "az network vnet list-usage -g rg-aksnet -n vnet-aks -o json",
    },
    {
      name: "without the VNet file: add vnet show (the usage still judges the subnet)",
      files: [AZ[0]!, AZ[2]!],
      note: "Node subnet aks-subnet: the --azure-from files give its use but not its prefix",
      add: "az network vnet show -g rg-aksnet -n vnet-aks -o json",
    },
    {
      name: "with the cluster only: add both",
      files: [AZ[0]!],
      note: "Node subnet aks-subnet: its VNet is in none of the --azure-from files",
      add: "az network vnet show -g rg-aksnet -n vnet-aks -o json and az network vnet list-usage",
    },
  ])("--azure-from $name, never 'pass --azure'", async ({ files, note, add }) => {
    const notes: string[] = JSON.parse(
      (await inspect(["--from-dump", DUMP, "--azure-from", ...files, "-o", "json"])).stdout,
    ).headroom.notes;
    expect(notes.join("\n")).not.toMatch(/pass --azure/);
    expect(notes.find((n) => n.startsWith(note))).toContain(`add the output of ${add}`);
  });

  it("--azure ID picks the cluster by resource ID (any case), and the table has an Azure side", async () => {
    const r = await inspect(["--from-dump", DUMP, "--azure", ID.toUpperCase(), "--azure-from", ...AZ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Azure side\n  Cluster aks-synthetic (");
    expect(r.stdout).toContain("found by its resource ID, read from examples/inspect/az-aks-show.json");
    expect(r.stdout).toMatch(
      new RegExp(
        "Subnet aks-subnet \\(10\\.224\\.0\\.0/27, node-subnet\\) in vnet-aks: 27 usable, " +
          "20 used by everything in it \\(the VNet usage API\\), 7 free",
      ),
    );
    expect(r.stdout).toMatch(
      /FAIL pool user1: scale-out to maxCount \(Azure: aks-subnet \(10\.224\.0\.0\/27\)\): SubnetIsFull/,
    );
  });

  it("a recorded VNet's AzureBastionSubnet: inspect reports it as Azure has it", async () => {
    const { vnet, azure } = await inspectRecordedVnet("arm-vnet-bastion-recorded.json");
    expect(azure.vnets).toEqual([{ id: vnet.id, name: "ps9904", addressSpace: ["10.0.0.0/16"] }]);
    expect(azure.vnetSubnets).toEqual([
      expect.objectContaining({
        vnet: "ps9904",
        name: "AzureBastionSubnet",
        id: `${vnet.id}/subnets/AzureBastionSubnet`,
        prefixes: ["10.0.0.0/24"],
        kind: "bastion",
        by: "name",
        prefixLength: 24,
        used: null,
        verdict: "ok",
        message: "Azure Bastion subnet (by its name): /24 meets the /26 minimum",
      }),
    ]);
  });

  it("a recorded VNet's AzureFirewallSubnet and AzureFirewallManagementSubnet, as Azure has them", async () => {
    const { vnet, azure } = await inspectRecordedVnet("arm-vnet-firewall-recorded.json");
    expect(azure.vnets).toEqual([{ id: vnet.id, name: "ps8775", addressSpace: ["10.0.0.0/16"] }]);
    const fw = (name: string, kind: string, prefix: string, title: string) =>
      expect.objectContaining({
        vnet: "ps8775",
        name,
        id: `${vnet.id}/subnets/${name}`,
        prefixes: [prefix],
        kind,
        by: "name",
        minimumPrefixLength: 26,
        prefixLength: 24,
        maximumPrefixLength: null,
        used: null,
        verdict: "ok",
        message: `${title} (by its name): /24 meets the /26 minimum`,
      });
    expect(azure.vnetSubnets).toEqual([
      fw("AzureFirewallSubnet", "azureFirewall", "10.0.0.0/24", "Azure Firewall subnet"),
      fw(
        "AzureFirewallManagementSubnet",
        "azureFirewallManagement",
        "10.0.100.0/24",
        "Azure Firewall management subnet (forced tunneling)",
      ),
    ]);
  });

  it("a recorded GatewaySubnet: /24 as recorded; the same answer with a /28 is below Microsoft's /27", async () => {
    const recorded = await inspectRecordedVnet("arm-vnet-gateway-recorded.json");
    const gateway = (prefix: string, bits: number, message: string) =>
      expect.objectContaining({
        vnet: "myvnet1",
        name: "GatewaySubnet",
        id: `${recorded.vnet.id}/subnets/GatewaySubnet`,
        prefixes: [prefix],
        kind: "virtualNetworkGateway",
        by: "name",
        minimumPrefixLength: 29,
        prefixLength: bits,
        verdict: "ok",
        message: `VPN / ExpressRoute gateway subnet (by its name): ${message}`,
      });
    expect(recorded.azure.vnets).toEqual([{ id: recorded.vnet.id, name: "myvnet1", addressSpace: ["10.0.0.0/16"] }]);
    expect(recorded.azure.vnetSubnets).toEqual([gateway("10.0.0.0/24", 24, "/24 meets the /29 minimum")]);
    const small = await inspectRecordedVnet("arm-vnet-gateway-recorded.json", (t) =>
      t.replace('"addressPrefix": "10.0.0.0/24"', '"addressPrefix": "10.0.0.0/28"'),
    );
    expect(small.azure.vnetSubnets).toEqual([
      gateway("10.0.0.0/28", 28, "/28 meets the /29 minimum, below the /27 Microsoft recommends"),
    ]);
  });

  it("a recorded delegated subnet: its serviceName is read; only a known service tells its kind", async () => {
    // As recorded: delegated to Microsoft.Sql/servers, a service no subnet kind is for, so it is left out.
    const recorded = await inspectRecordedVnet("arm-vnet-delegation-recorded.json");
    expect(recorded.azure.vnets).toEqual([{ id: recorded.vnet.id, name: "ps8177", addressSpace: ["10.0.0.0/16"] }]);
    expect(recorded.azure.vnetSubnets).toEqual([]);
    // The same recorded shape with the delegation's serviceName changed to AGC's: told by its delegation.
    const agc = await inspectRecordedVnet("arm-vnet-delegation-recorded.json", (text) =>
      text.replace('"Microsoft.Sql/servers"', '"Microsoft.ServiceNetworking/trafficControllers"'),
    );
    expect(agc.azure.vnetSubnets).toEqual([
      expect.objectContaining({
        name: "ps7182",
        prefixes: ["10.0.1.0/24"],
        kind: "applicationGatewayForContainers",
        by: "delegation",
      }),
    ]);
  });

  it("a subnet with room: every Azure check fits and the exit code stays 0", async () => {
    const vnet = file(
      "vnet-24.json",
      readFileSync(join(ROOT, AZ[1]!), "utf8").replace('"10.224.0.0/27"', '"10.224.0.0/24"'),
    );
    const usage = file(
      "usage-24.json",
      readFileSync(join(ROOT, AZ[2]!), "utf8")
        .replace('"currentValue": 20', '"currentValue": 3')
        .replace('"limit": 27', '"limit": 251'),
    );
    const r = await inspect(["--from-dump", DUMP, "--azure-from", AZ[0]!, vnet, usage, "-o", "json"]);
    const report = JSON.parse(r.stdout);
    expect(report.azure.cluster.verdict).toBe("ok");
    expect(report.headroom.checks.every((c: { fits: boolean }) => c.fits)).toBe(true);
    expect(r.code).toBe(0);
  });

  const bad = [
    {
      name: "an --azure value that is no cluster ID",
      args: ["--from-dump", DUMP, "--azure", "aks-synthetic"],
      stderr: /--azure "aks-synthetic" is not an AKS cluster's resource ID; give \/subscriptions\/…/,
    },
    {
      name: "nodes without the node resource group label",
      args: ["--from-dump", dumpWith("no-label.json", undefined), "--azure-from", ...AZ],
      stderr: /no node carries the kubernetes\.azure\.com\/cluster label .*; give its resource ID: --azure/,
    },
    {
      name: "files without the nodes' cluster",
      args: ["--from-dump", dumpWith("other.json", "MC_rg_other_westeurope"), "--azure-from", ...AZ],
      stderr: /holds no cluster with the node resource group MC_rg_other_westeurope; give the cluster's resource ID/,
    },
    {
      name: "an ID that is not in the files",
      args: ["--from-dump", DUMP, "--azure", ID.replace("aks-synthetic", "aks-other"), "--azure-from", ...AZ],
      stderr: /holds no cluster \/subscriptions\/.*aks-other; check the ID/,
    },
    {
      name: "a missing --azure-from file",
      args: ["--from-dump", DUMP, "--azure-from", "nope.json"],
      stderr: /cannot read nope\.json: no such file; check the path given to --azure-from\./,
    },
    {
      name: "--azure live on Node.js 20",
      args: ["--from-dump", DUMP, "--azure"],
      stderr: /the live Azure scan needs Node\.js 22 or later .* or read saved az JSON with --azure-from/,
    },
  ];
  it.each(bad)("$name: one sentence, exit 2, nothing written", async ({ args, stderr }) => {
    const r = await inspect(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("writes SARIF at the cluster's Azure resource when the configuration came from Azure", async () => {
    // The ARM record is the configuration: a DNS service IP outside the service CIDR is check's error finding.
    const record = JSON.parse(readFileSync(join(ROOT, AZ[0]!), "utf8")) as { networkProfile: Record<string, unknown> };
    record.networkProfile["dnsServiceIp"] = "10.1.0.10";
    const aks = file("aks-dns-outside.json", JSON.stringify(record));
    const r = await inspect(["--from-dump", DUMP, "--azure-from", aks, AZ[1]!, AZ[2]!, "-o", "sarif"]);
    const run0 = JSON.parse(r.stdout).runs[0];
    const results = run0.results as { ruleId: string; ruleIndex: number; locations: unknown[] }[];
    const arm = (id: string) => ({ artifactLocation: { uri: `https://management.azure.com${id}` } });
    const finding = results.find((x) => x.ruleId === "dns-service-ip-outside-service-cidr");
    expect(finding?.locations).toEqual([
      {
        physicalLocation: arm(ID),
        logicalLocations: [
          { name: "aks-synthetic", fullyQualifiedName: ID, kind: "resource" },
          { name: "network.dnsServiceIp", fullyQualifiedName: `${ID}#network.dnsServiceIp`, kind: "member" },
        ],
      },
    ]);
    // The scan's checks on Azure's figures follow, at the pool's resource; every result has an artifact.
    const scaleOut = results.find((x) => x.ruleId === "scan/scale-out");
    expect(scaleOut?.locations).toEqual([
      {
        physicalLocation: arm(`${ID}/agentPools/user1`),
        logicalLocations: [{ name: "user1", fullyQualifiedName: `${ID}/agentPools/user1`, kind: "resource" }],
      },
    ]);
    for (const x of results) {
      expect(run0.tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
      expect(x.locations).toEqual([expect.objectContaining({ physicalLocation: expect.anything() })]);
    }
  });
});

describe("inspect --azure live, on Node.js 22, against the replay server", { timeout: 240_000 }, () => {
  it("finds the cluster from its nodes in Resource Graph, reads only, as --azure-from does from files", async () => {
    const estate = syntheticEstate({ clusters: 6, poolsPerCluster: 2, vnets: 8, subnetsPerVnet: 4, subscriptions: 3 });
    // Cluster 1 of the synthetic estate is Overlay, pools system and user1: the overlay dump's shape.
    const dump = dumpWith("live.json", "MC_rg-aks-1_aks-1_westeurope");
    const server = await startArmServer(estate);
    try {
      const r = await run22(
        [
          "src/adapters/cli/bin.ts",
          "inspect",
          "--from-dump",
          dump,
          "--azure",
          "--arm-endpoint",
          server.url,
          "-o",
          "json",
        ],
        server,
        { AKSNET_AZURE_ACCESS_TOKEN: server.token },
      );
      expect(r.stderr).toBe("");
      const live = JSON.parse(r.stdout);
      expect(live.azure.source).toEqual({ kind: "azure", endpoint: server.url });
      expect(live.azure.matchedBy).toBe("node-resource-group");
      expect(live.azure.cluster.id).toBe(String(estate.clusters[1]!["id"]));
      expect(live.azure.subnets.length).toBeGreaterThan(0);
      expect(
        server.requests.every((q) => q.method === "GET" || q.path === "/providers/Microsoft.ResourceGraph/resources"),
      ).toBe(true);
      // One cluster query, its VNet and subnet queries, one usage read per VNet: not one per subscription.
      expect(server.requests.filter((q) => q.method === "GET")).toHaveLength(
        new Set(live.azure.subnets.map((s: { vnetId: string }) => s.vnetId)).size,
      );
      // Exit 1 as documented (--fail-on error): a headroom check that does not fit, the Azure side failing, or an
      // error among the drift and check findings on the ARM record (the configuration here).
      const failing =
        live.headroom.checks.some((c: { fits: boolean }) => !c.fits) ||
        live.azure.cluster.verdict === "fails" ||
        [...live.configured.drift, ...live.configured.findings].some(
          (f: { severity: string }) => f.severity === "error",
        );
      expect(r.code).toBe(failing ? 1 : 0);
      expect(live.configured.cluster.files).toEqual([`Azure ${live.azure.cluster.id}`]);
      // The same estate saved as az JSON gives the same Azure side.
      const c = estate.clusters[1]!;
      const vnets = estate.vnets.filter((v) =>
        live.azure.subnets.some((s: { vnetId: string }) => s.vnetId.toLowerCase() === String(v["id"]).toLowerCase()),
      );
      const saved = [
        file("c.json", JSON.stringify(c)),
        file("v.json", JSON.stringify(vnets)),
        file("u.json", JSON.stringify(vnets.flatMap((v) => estate.usages.get(String(v["id"]).toLowerCase()) ?? []))),
      ];
      const off = JSON.parse((await inspect(["--from-dump", dump, "--azure-from", ...saved, "-o", "json"])).stdout);
      expect(off.azure.cluster).toEqual(live.azure.cluster);
      expect(off.azure.subnets).toEqual(live.azure.subnets);
      expect(off.headroom).toEqual(live.headroom);
    } finally {
      await server.close();
    }
  });
});
