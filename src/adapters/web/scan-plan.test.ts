import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePlan, resolvePlan } from "../../engines/plan/index.js";
import { validate } from "../../engines/validate/index.js";
import { memoryIo } from "../cli/io.js";
import { run } from "../cli/main.js";
import { assumedServiceCidr, planFromScannedCluster } from "./scan-plan.js";
import { scanViewOf, type ScanView } from "./scan-view.js";

const SCAN_TEXT = readFileSync("src/adapters/importers/used/fixtures/aksnet-scan.json", "utf8");
const SCAN = JSON.parse(SCAN_TEXT) as {
  clusters: {
    name: string;
    model: string;
    kubernetesVersion: string;
    podCidr: { cidr: string } | null;
    findings: { ruleId: string; severity: string }[];
    pools: { name: string; count: number; maxCount: number | null; maxPods: number; nodeSubnetId: string }[];
    network: { serviceCidrs: string[] | null; dnsServiceIp: string | null; policy: string | null } | null;
    apiServer: {
      vnetIntegration: boolean;
      subnet: string | null;
      prefixes: string[];
      private: boolean;
      authorizedIpRanges: string[];
    } | null;
  }[];
};
const view = scanViewOf(SCAN_TEXT) as ScanView;

describe("a plan started from a scanned cluster with a gateway pool", () => {
  it("keeps the pool's public IP prefix size, so check does not ask for one", async () => {
    const GW = ["az-aks-show.json", "az-network-vnet-show.json", "az-network-vnet-list-usage.json"];
    const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: process.cwd() });
    expect(await run(["scan", "--from", ...GW.map((f) => `examples/inspect/gateway/${f}`), "-o", "json"], io)).toBe(0);
    const name = (JSON.parse(io.stdout) as { clusters: { name: string }[] }).clusters[0]!.name;
    const plan = parsePlan(parse(planFromScannedCluster(JSON.parse(io.stdout), name, [], "aksnet scan")!)).plan!;
    expect(plan.nodePools.filter((p) => p.mode === "Gateway").map((p) => p.gatewayPrefixSize)).toEqual([31]);
    const findings = validate(resolvePlan(plan)).filter((f) => f.ruleId === "gateway-pool-invalid");
    expect(findings.map((f) => f.message)).toEqual([]);
  });
});

describe("a plan started from a scanned cluster is that cluster's configuration", () => {
  it("lists the scan's clusters", () => {
    expect(view.clusters.map((c) => c.name)).toEqual(SCAN.clusters.map((c) => c.name));
  });

  it.each(SCAN.clusters.map((c) => ({ name: c.name, c })))("$name", ({ name, c }) => {
    const text = view.planFor(name)!;
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    const parsed = parsePlan(parse(text));
    expect(parsed.problems ?? []).toEqual([]);
    const plan = parsed.plan!;
    const resolved = resolvePlan(plan);
    // The model, the version, the pod CIDR and every pool as the scan read them.
    expect(resolved.model).toBe(c.model);
    expect(c.kubernetesVersion.startsWith(String(plan.kubernetesVersion))).toBe(true);
    expect(plan.network.podCidrs ?? []).toEqual(
      c.podCidr && c.model !== "azure-cni-node-subnet" ? [c.podCidr.cidr] : [],
    );
    expect(plan.nodePools.map((p) => [p.name, p.count, p.maxCount ?? null, p.maxPods, p.subnet])).toEqual(
      c.pools.map((p) => [p.name, p.count, p.maxCount, p.maxPods, p.nodeSubnetId.split("/").pop()]),
    );
    // The VNet its pools sit in, with every subnet the scan saw in it.
    expect(plan.vnet?.name).toBe("vnet-spoke-weu");
    expect(plan.vnet?.addressSpace).toEqual(["10.20.0.0/16"]);
    expect(plan.vnet?.subnets.map((s) => s.name)).toContain(c.pools[0]!.nodeSubnetId.split("/").pop());
    // The rest of the estate is connected, not the cluster's own VNet or pod CIDR.
    const connected = (plan.connectedNetworks ?? []).flatMap((n) => n.cidrs);
    expect(connected).toContain("10.0.0.0/16");
    expect(connected).not.toContain("10.20.0.0/16");
    // The check of the started plan finds what the scan's check found for the cluster.
    const errors = validate(resolved)
      .filter((f) => f.severity === "error")
      .map((f) => f.ruleId);
    for (const f of c.findings.filter((x) => x.severity === "error")) expect(errors).toContain(f.ruleId);
  });

  it.each(SCAN.clusters.map((c) => ({ name: c.name, c })))(
    "$name: the API server's VNet integration, subnet and privacy are the scan's",
    ({ name, c }) => {
      const plan = parsePlan(parse(view.planFor(name)!)).plan!;
      const want = c.apiServer;
      expect(plan.apiServer?.vnetIntegration ?? false).toBe(want?.vnetIntegration ?? false);
      expect(plan.apiServer?.subnet ?? null).toBe(want?.subnet ?? null);
      expect(plan.apiServer?.private ?? false).toBe(want?.private ?? false);
      expect(plan.apiServer?.authorizedIpRanges ?? []).toEqual(want?.authorizedIpRanges ?? []);
      // The subnet is in the plan's VNet with the prefix the scan read.
      const subnet = plan.vnet?.subnets.find((s) => s.name === want?.subnet);
      expect(subnet?.cidr ?? null).toBe(want?.prefixes[0] ?? null);
    },
  );

  it("the scan's example has one cluster with authorized IP ranges, and its started plan keeps them", () => {
    const withRanges = SCAN.clusters.filter((c) => (c.apiServer?.authorizedIpRanges ?? []).length > 0);
    expect(withRanges.map((c) => c.name)).toEqual(["aks-payments-weu"]);
    const plan = parsePlan(parse(view.planFor("aks-payments-weu")!)).plan!;
    expect(plan.apiServer?.authorizedIpRanges).toEqual(["203.0.113.0/24"]);
  });

  it("the scan's example has one cluster with API Server VNet Integration", () => {
    expect(SCAN.clusters.filter((c) => c.apiServer?.vnetIntegration).map((c) => c.name)).toEqual(["aks-payments-weu"]);
  });

  it.each(SCAN.clusters.map((c) => ({ name: c.name, c })))(
    "$name: the service CIDR, DNS service IP and policy are the cluster's own, and nothing is found about them",
    ({ name, c }) => {
      const plan = parsePlan(parse(view.planFor(name)!)).plan!;
      expect(plan.network.serviceCidrs).toEqual(c.network?.serviceCidrs);
      expect(plan.network.dnsServiceIp).toEqual(c.network?.dnsServiceIp);
      expect(plan.network.policy).toEqual(c.network?.policy ?? undefined);
      const about = validate(resolvePlan(plan)).filter((f) => /^(serviceCidrs|dnsServiceIp)$/.test(String(f.path[1])));
      expect(about.map((f) => f.message)).toEqual([]);
    },
  );

  it("a scan without clusters[].network: a service CIDR that overlaps nothing it saw, said to be assumed", () => {
    const old = JSON.parse(SCAN_TEXT) as { clusters: Record<string, unknown>[] };
    for (const c of old.clusters) delete c["network"];
    const oldView = scanViewOf(JSON.stringify(old)) as ScanView;
    for (const c of SCAN.clusters) {
      const text = oldView.planFor(c.name)!;
      const plan = parsePlan(parse(text)).plan!;
      // AKS's default 10.0.0.0/16 is the hub VNet the scan saw: the plan takes the next free /16 instead.
      expect(plan.network.serviceCidrs).toEqual(["10.1.0.0/16"]);
      expect(plan.network.dnsServiceIp).toBe("10.1.0.10");
      expect(text).toContain(
        "# Assumed: the scan does not carry the service CIDR; 10.1.0.0/16 (AKS's default 10.0.0.0/16 overlaps " +
          "10.0.0.0/16, which the scan saw: the first free /16), DNS service IP 10.1.0.10.",
      );
      expect(text).toContain("# The scan does not carry the network policy");
      const about = validate(resolvePlan(plan)).filter((f) => /^(serviceCidrs|dnsServiceIp)$/.test(String(f.path[1])));
      expect(about.map((f) => f.message)).toEqual([]);
    }
  });

  it.each([
    { name: "nothing taken: AKS's default", taken: [], cidr: "10.0.0.0/16", dns: "10.0.0.10" },
    { name: "the default taken: the next /16", taken: ["10.0.128.0/24"], cidr: "10.1.0.0/16", dns: "10.1.0.10" },
    { name: "all of 10/8 taken: 172.16/12", taken: ["10.0.0.0/8"], cidr: "172.16.0.0/16", dns: "172.16.0.10" },
    {
      name: "172.30/16 and 172.31/16 are AKS-reserved: skipped",
      taken: ["10.0.0.0/8", "172.16.0.0/15", "172.18.0.0/15", "172.20.0.0/14", "172.24.0.0/14", "172.28.0.0/15"],
      cidr: "192.168.0.0/16",
      dns: "192.168.0.10",
    },
    { name: "every private range taken: none", taken: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] },
    { name: "text that is not a CIDR is ignored", taken: ["nope", "fd00::/8"], cidr: "10.0.0.0/16", dns: "10.0.0.10" },
  ])("assumedServiceCidr, $name", ({ taken, cidr, dns }) => {
    const got = assumedServiceCidr(taken);
    expect(got && { cidr: got.cidr, dns: got.dns }).toEqual(cidr ? { cidr, dns } : undefined);
  });

  it("a cluster the report does not hold gives no plan", () => {
    expect(view.planFor("nope")).toBeUndefined();
  });
});
