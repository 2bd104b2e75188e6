/**
 * The live read with the real Azure SDK over TLS, against the test ARM server
 * replaying the recorded shapes, in a Node.js 22 child process (the SDK's
 * minimum; this machine's Node.js is 20). Every server is hostile in one way.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EstateSnapshot } from "../../engines/scan/index.js";
import { vnetSubnetsOf } from "../../engines/inspect/index.js";
import { readAzureEstate, AzureReadError } from "./live.js";
import { staticTokenCredential } from "./clients.js";
import type { RequestStats } from "./policies.js";
import { startArmServer, type ArmServer, type Behaviour } from "./testing/arm-server.js";
import type { ArmEstate } from "./testing/arm-rows.js";
import { syntheticEstate } from "./testing/estate-gen.js";
import { readLive } from "./testing/node22.js";

const FIX = join(import.meta.dirname, "fixtures");
const fixture = (f: string) => JSON.parse(readFileSync(join(FIX, f), "utf8")) as Record<string, unknown>;

/** The recorded cluster, its recorded VNet and a usage list for it. */
function recordedEstate(): ArmEstate {
  const vnet = fixture("arm-vnet-byo-subnet.json");
  return {
    clusters: [fixture("arm-cluster-kubenet-byo-subnet.json")],
    vnets: [vnet],
    usages: new Map([
      [
        String(vnet["id"]).toLowerCase(),
        JSON.parse(readFileSync(join(FIX, "az-vnet-list-usage-byo-subnet.json"), "utf8")),
      ],
    ]),
  };
}

const small = () => syntheticEstate({ clusters: 6, poolsPerCluster: 2, vnets: 8, subnetsPerVnet: 4, subscriptions: 3 });

interface Out {
  snapshot?: EstateSnapshot;
  stats?: RequestStats;
  error?: string;
  ms: number;
}

async function withServer(
  estate: ArmEstate,
  behaviour: Behaviour,
  options: Record<string, unknown>,
  check: (r: Out, s: ArmServer) => void,
) {
  const server = await startArmServer(estate, behaviour);
  try {
    const r = (await readLive(server, options)) as unknown as Out;
    check(r, server);
  } finally {
    await server.close();
  }
}

/**
 * Requests that got no response (a reset socket on a loaded machine, retried):
 * the client counted them, the server may not have seen them.
 */
const lost = (r: Out) => r.stats!.log.filter((q) => q.status === null).length;

/** Only Resource Graph's query POST and GETs reached the server, and the client counted each one. */
function onlyReads(r: Out, s: ArmServer) {
  for (const q of s.requests)
    expect(
      (q.method === "POST" && q.path === "/providers/Microsoft.ResourceGraph/resources") || q.method === "GET",
      `${q.method} ${q.path}`,
    ).toBe(true);
  expect(r.stats!.requests).toBeGreaterThanOrEqual(s.requests.length);
  expect(r.stats!.requests).toBeLessThanOrEqual(s.requests.length + lost(r));
}

// Each test starts Node.js 22 and the SDK in a child process: slow on a loaded machine, so a generous limit.
describe("readAzureEstate with the Azure SDK, against the replay server", { timeout: 240_000 }, () => {
  it.concurrent("reads the recorded cluster, its VNet and the usage, with reads only", async () => {
    await withServer(recordedEstate(), {}, {}, (r, s) => {
      expect(r.error).toBeUndefined();
      const snap = r.snapshot!;
      expect(snap.clusters.map((c) => c.name)).toEqual(["cliakstest000002"]);
      expect(snap.vnets[0]!.subnets[0]).toMatchObject({
        name: "aks-subnet",
        prefixes: ["11.0.0.0/24"],
        usage: { used: 4, limit: 251 },
      });
      expect(snap.missing).toEqual([]);
      // One clusters query, one VNet query and one subnet query (each a page), one usage GET.
      // (a request lost on a loaded machine is retried and counted again).
      expect(r.stats).toMatchObject({ requests: 4 + lost(r), retries: lost(r) });
      expect(r.stats!.resourceGraph + r.stats!.usage).toBe(4 + lost(r));
      const ok = s.requests.filter((q) => q.status === 200);
      expect([ok.filter((q) => q.method === "POST").length, ok.filter((q) => q.method === "GET").length]).toEqual([
        3, 1,
      ]);
      onlyReads(r, s);
    });
  });

  // fixtures/arm-vnet-*-recorded.json: Azure's own GET answers (Azure PowerShell and azure-cli recordings,
  // fixtures/SOURCES.md). No cluster runs in them: a node subnet 10.0.1.0/24 is added here (not in the recordings) and
  // the recorded cluster's subnets are moved into it, as inspect's other subnets are those of a cluster's own VNet.
  it.concurrent.each([
    {
      file: "arm-vnet-bastion-recorded.json",
      group: "ps2741",
      subnets: [{ name: "AzureBastionSubnet", prefix: "10.0.0.0/24", kind: "bastion", min: 26 }],
    },
    {
      file: "arm-vnet-firewall-recorded.json",
      group: "ps2876",
      subnets: [
        { name: "AzureFirewallSubnet", prefix: "10.0.0.0/24", kind: "azureFirewall", min: 26 },
        { name: "AzureFirewallManagementSubnet", prefix: "10.0.100.0/24", kind: "azureFirewallManagement", min: 26 },
      ],
    },
    {
      file: "arm-vnet-gateway-recorded.json",
      group: "cli_test_vpn_gateway000001",
      subnets: [{ name: "GatewaySubnet", prefix: "10.0.0.0/24", kind: "virtualNetworkGateway", min: 29 }],
    },
  ])("reads the recorded $file, and inspect's other subnets tell its subnets", async ({ file, group, subnets }) => {
    const recorded = fixture(file) as { id: string; name: string; properties: { subnets: object[] } };
    const nodeId = `${recorded.id}/subnets/aks-subnet`;
    const node = { name: "aks-subnet", id: nodeId, properties: { addressPrefix: "10.0.1.0/24", delegations: [] } };
    const vnet = {
      ...recorded,
      properties: { ...recorded.properties, subnets: [...recorded.properties.subnets, node] },
    };
    const old = String(fixture("arm-vnet-byo-subnet.json")["id"]);
    const cluster = JSON.parse(
      JSON.stringify(fixture("arm-cluster-kubenet-byo-subnet.json")).replaceAll(`${old}/`, `${recorded.id}/`),
    ) as Record<string, unknown>;
    await withServer({ clusters: [cluster], vnets: [vnet], usages: new Map() }, {}, {}, (r, s) => {
      expect(r.error).toBeUndefined();
      const v = r.snapshot!.vnets.find((x) => x.name === recorded.name)!;
      expect(v).toMatchObject({ id: recorded.id, resourceGroup: group, addressSpace: ["10.0.0.0/16"] });
      // In the order Resource Graph's subnet rows come (the replay server's, not the recording's).
      const byName = <T extends { name: string }>(a: T[]) => a.sort((x, y) => x.name.localeCompare(y.name));
      expect(v.subnets.map((x) => [x.name, x.prefixes]).sort()).toEqual(
        [...subnets.map((x) => [x.name, [x.prefix]]), ["aks-subnet", ["10.0.1.0/24"]]].sort(),
      );
      expect(byName(vnetSubnetsOf(r.snapshot!.vnets, [nodeId]))).toEqual(
        byName([...subnets]).map((x) =>
          expect.objectContaining({
            vnet: recorded.name,
            name: x.name,
            id: `${recorded.id}/subnets/${x.name}`,
            prefixes: [x.prefix],
            kind: x.kind,
            by: "name",
            minimumPrefixLength: x.min,
            prefixLength: 24,
            verdict: "ok",
            used: null,
          }),
        ),
      );
      onlyReads(r, s);
    });
  });

  it.concurrent("follows skip tokens page by page; requests grow with pages and VNets, not pools", async () => {
    await withServer(small(), {}, { pageSize: 2 }, (r, s) => {
      expect(r.snapshot!.clusters).toHaveLength(6);
      // 3 cluster pages; VNet rows 6/2 = 3 pages, subnet rows 24/2 = 12 pages; 6 usage GETs
      // (counted from the server's log: a loaded machine may add a retry).
      const ok = s.requests.filter((q) => q.status === 200);
      expect(ok.filter((q) => q.method === "POST")).toHaveLength(3 + 3 + 12);
      expect(new Set(ok.filter((q) => q.method === "GET").map((q) => q.path)).size).toBe(6);
      onlyReads(r, s);
    });
  });

  it.concurrent("scopes Resource Graph to a management group: only its subscriptions' clusters and VNets", async () => {
    const group = ["00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000003"];
    const estate = { ...small(), managementGroups: new Map([["platform", group]]) };
    await withServer(estate, {}, { managementGroup: "Platform" }, (r, s) => {
      expect(r.error).toBeUndefined();
      const subs = r.snapshot!.clusters.map((c) => c.subscriptionId);
      expect(subs.length).toBe(4);
      expect(new Set(subs)).toEqual(new Set(group));
      expect(r.snapshot!.vnets.every((v) => group.includes(v.subscriptionId))).toBe(true);
      expect(r.snapshot!.missing).toEqual([]);
      onlyReads(r, s);
    });
  });

  it.concurrent("filters by resource group and cluster name in the query, any case", async () => {
    await withServer(
      small(),
      {},
      { resourceGroups: ["RG-AKS-2", "rg-aks-3"], clusters: ["aks-3", "aks-4"] },
      (r, s) => {
        expect(r.snapshot!.clusters.map((c) => c.name)).toEqual(["aks-3"]);
        // Only that cluster's VNet is read: one usage GET.
        expect(s.requests.filter((q) => q.method === "GET" && q.status === 200)).toHaveLength(1);
        onlyReads(r, s);
      },
    );
  });

  it.concurrent("waits out a 429 storm as Retry-After asks, and finishes complete", async () => {
    const behaviour = { throttle: { path: /./, times: 3, headers: { "retry-after": "1" } } };
    await withServer(recordedEstate(), behaviour, {}, (r, s) => {
      expect(r.snapshot!.missing).toEqual([]);
      expect(r.stats).toMatchObject({ throttled: 3 });
      // Three retries for the 429s, and one more for each request lost on a loaded machine.
      expect(r.stats!.retries).toBe(3 + lost(r));
      expect(r.stats!.waitedMs).toBeGreaterThanOrEqual(3000);
      expect(s.requests.filter((q) => q.status === 429)).toHaveLength(3);
      onlyReads(r, s);
    });
  });

  it.concurrent("gives up at once on a Retry-After past the time limit, and says so", async () => {
    const behaviour = { throttle: { path: /\/usages$/, times: 100, headers: { "retry-after": "3600" } } };
    await withServer(recordedEstate(), behaviour, { timeoutMs: 600_000 }, (r) => {
      expect(r.stats).toMatchObject({ waitedMs: 0, retries: lost(r), throttled: 1 });
      expect(r.snapshot!.missing).toEqual([
        expect.objectContaining({
          what: "usage of VNet cliakstest000003",
          reason: expect.stringMatching(/^HTTP 429 TooManyRequests \(Retry-After 3600 s is past the \d+ s left\)$/),
        }),
      ]);
    });
  });

  it.concurrent("reports a subscription whose usage reads answer 403 once, and reads the others", async () => {
    const estate = small();
    const forbidden = "00000000-0000-0000-0000-000000000002";
    await withServer(estate, { forbidUsage: [forbidden] }, {}, (r, s) => {
      const missing = r.snapshot!.missing;
      expect(missing).toHaveLength(1);
      expect(missing[0]!.what).toMatch(new RegExp(`^usage of 2 VNet\\(s\\) in subscription ${forbidden}`));
      expect(missing[0]!.reason).toMatch(/^HTTP 403 AuthorizationFailed; their subnets fall back/);
      // Once a 403 is back, the subscription is not asked again (two reads may already be in flight).
      expect(s.requests.filter((q) => q.status === 403).length).toBeLessThanOrEqual(2);
      expect(r.stats!.usage).toBeLessThanOrEqual(6);
    });
  });

  it.concurrent(
    "asks subscription by subscription when Resource Graph refuses the listed scope, naming the refuser",
    async () => {
      const subs = [
        "00000000-0000-0000-0000-000000000001",
        "00000000-0000-0000-0000-000000000002",
        "00000000-0000-0000-0000-000000000003",
      ];
      await withServer(small(), { forbid: [subs[1]!] }, { subscriptions: subs }, (r) => {
        expect(r.snapshot!.clusters.map((c) => c.subscriptionId).sort()).toEqual([subs[0], subs[0], subs[2], subs[2]]);
        expect(r.snapshot!.missing[0]).toMatchObject({
          what: `subscription ${subs[1]}`,
          reason: "HTTP 403 AuthorizationFailed",
        });
      });
    },
  );

  it.concurrent("names a subscription Resource Graph refuses for the VNets, once, and reads the rest", async () => {
    const forbidden = "00000000-0000-0000-0000-000000000002";
    await withServer(small(), { forbid: [forbidden] }, {}, (r) => {
      expect(r.snapshot!.clusters).toHaveLength(6);
      expect(r.snapshot!.missing).toEqual([
        {
          what: `subscription ${forbidden}`,
          id: `/subscriptions/${forbidden}`,
          reason: "HTTP 403 AuthorizationFailed",
        },
      ]);
      expect(r.snapshot!.vnets.map((v) => v.subscriptionId)).not.toContain(forbidden);
    });
  });

  it.concurrent.each([
    { name: "an endless skip token", behaviour: { endlessSkipToken: true }, reason: /reads at most 5 pages per query/ },
    { name: "a repeated skip token", behaviour: { repeatSkipToken: true }, reason: /sent the same skip token twice/ },
  ])("stops at $name and says what was not read", async ({ behaviour, reason }) => {
    await withServer(small(), behaviour, { pageSize: 2, maxPages: 5 }, (r) => {
      expect(r.snapshot!.missing.map((m) => m.reason).join("\n")).toMatch(reason);
      expect(r.stats!.resourceGraph).toBeLessThan(40);
    });
  });

  it.concurrent("refuses a body over the size limit without reading it", async () => {
    await withServer(
      recordedEstate(),
      { hugeBody: { path: /\/usages$/, bytes: 8 * 1048576 } },
      { maxBodyBytes: 1048576 },
      (r) => {
        expect(r.snapshot!.missing).toEqual([
          expect.objectContaining({
            what: "usage of VNet cliakstest000003",
            reason: "the response was larger than 1 MiB and was not read",
          }),
        ]);
      },
    );
  });

  it.concurrent("bounds a request that never finishes by the request's limit", async () => {
    const hang = { slow: { path: /\/usages$/, ms: 0, hang: true } };
    await withServer(recordedEstate(), hang, { requestTimeoutMs: 6000, timeoutMs: 120_000, maxRetries: 1 }, (r) => {
      // Ended by the request's own limit (an unbounded read would hang the child past the test's limit).
      expect(r.snapshot!.missing).toEqual([
        expect.objectContaining({
          what: "usage of VNet cliakstest000003",
          reason: "the response did not arrive within 6 s",
        }),
      ]);
      expect(r.stats!.retries).toBe(1);
    });
  });

  it.concurrent("bounds the whole run by its time limit, listing what it did not read", async () => {
    const hang = { slow: { path: /\/usages$/, ms: 0, hang: true } };
    await withServer(recordedEstate(), hang, { requestTimeoutMs: 600_000, timeoutMs: 90_000 }, (r) => {
      expect(r.snapshot!.missing).toEqual([
        expect.objectContaining({
          what: "usage of VNet cliakstest000003",
          reason: "the scan's time limit was reached before it was read",
        }),
      ]);
    });
  });

  it.concurrent("never follows a nextLink to another origin (the token stays home)", async () => {
    await withServer(recordedEstate(), { usageNextLink: "elsewhere" }, {}, (r, s) => {
      expect(r.snapshot!.missing[0]!.reason).toMatch(
        /^a request to https:\/\/127\.0\.0\.2:1, outside the ARM endpoint .* was refused$/,
      );
      expect(r.stats!.log.at(-1)).toMatchObject({ method: "GET", status: null });
      onlyReads({ ...r, stats: { ...r.stats!, requests: r.stats!.requests } }, s);
    });
  });

  it.concurrent("keeps to Resource Graph's quota when it says none is left", async () => {
    await withServer(recordedEstate(), { quota: { remaining: 0, resetsAfter: "00:00:10" } }, {}, (r) => {
      expect(r.snapshot!.missing).toEqual([]);
      // Three queries; after each answer says no quota is left, the next one waits for the reset.
      expect(r.stats!.waitedMs).toBeGreaterThan(0);
    });
  });

  it.concurrent("stops following a usage nextLink that loops", async () => {
    await withServer(recordedEstate(), { usageNextLink: "loop" }, { maxPages: 3 }, (r) => {
      expect(r.snapshot!.missing[0]).toMatchObject({
        what: "usage of VNet cliakstest000003 after page 3",
        reason: "the usage list did not end",
      });
    });
  });

  // Found by the breaker: an HTML page from a proxy or gateway made the SDK fail with "Cannot read properties of
  // undefined (reading 'map' / 'code')", and that TypeError's text became the reason.
  const html =
    "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
  const usages = /\/usages$/;
  it.concurrent.each([
    {
      name: "malformed JSON with 200 on the usage read",
      raw: { path: usages, status: 200, contentType: "application/json", body: '{"value": [{"name": ' },
      says: /^HTTP 200 \(a body that is not valid JSON\)$/,
    },
    {
      name: "an HTML page with 200 on the usage read (a proxy's page)",
      raw: { path: usages, status: 200, contentType: "text/html", body: html },
      says: /^the answer \(HTTP 200\) was a text\/html body \("502 Bad Gateway"\), not JSON; a proxy may stand in/,
    },
    {
      name: "an HTML error page with 502 on the usage read",
      raw: { path: usages, status: 502, contentType: "text/html", body: html },
      says: /^HTTP 502 NotJson \(still 502 after 1 retries\)$/,
    },
    {
      name: "malformed JSON with 200 on Resource Graph",
      raw: { path: /ResourceGraph/, status: 200, contentType: "application/json", body: "{" },
      says: /^Resource Graph did not list the clusters: HTTP 200 \(a body that is not valid JSON\);/,
    },
    {
      name: "an HTML error page with 502 on Resource Graph",
      raw: { path: /ResourceGraph/, status: 502, contentType: "text/html", body: html },
      says: /^Resource Graph did not list the clusters: HTTP 502 NotJson \(still 502 after 1 retries\);/,
    },
  ])("$name: one sentence, nothing made up, reads only", async ({ raw, says }) => {
    await withServer(recordedEstate(), { raw }, { maxRetries: 1 }, (r, s) => {
      const reasons = r.error ?? r.snapshot!.missing.map((m) => m.reason).join("\n");
      expect(reasons).toMatch(says);
      expect(reasons).not.toMatch(/Cannot read|undefined/);
      expect(s.requests.every((q) => q.method === "GET" || /ResourceGraph/.test(q.path))).toBe(true);
    });
  });

  it("refuses to start on Node.js 20 with one sentence", async () => {
    await expect(readAzureEstate({ credential: staticTokenCredential("x") })).rejects.toThrow(AzureReadError);
    await expect(readAzureEstate({ credential: staticTokenCredential("x") })).rejects.toThrow(
      /^the live Azure scan needs Node\.js 22 or later \(the Azure SDK requires it\), and this is Node\.js 20\./,
    );
  });
});
