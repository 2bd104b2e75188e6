/**
 * Issue 11's robustness items for the live path, each a named case against a hostile local HTTPS server
 * on 127.0.0.1: nothing hangs, nothing grows without bound, no credential goes where it should not.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../cli/main.js";
import { memoryIo } from "../cli/io.js";
import { LiveOptionsError, MAX_TIMEOUT_MS, readLive } from "./live.js";
import { startFakeApiServer, type FakeApiServer } from "./testing/fake-apiserver.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", `${name}.json`);

const servers: FakeApiServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
async function server(o: Parameters<typeof startFakeApiServer>[0]): Promise<FakeApiServer> {
  const s = await startFakeApiServer(o);
  servers.push(s);
  return s;
}

async function inspect(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" } });
  const code = await run(["inspect", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const pathOf = (url: string) => new URL(url, "https://x").pathname;

describe("inspect against a hostile API server (issue 11)", () => {
  it("stops with a clear problem when the API repeats a continue token", async () => {
    const s = await server({ lists: [fixture("overlay")], behaviour: { pods: "repeat-continue" } });
    const r = await inspect(["--kubeconfig", s.kubeconfig(), "--page-size", "5", "-o", "json"]);
    const report = JSON.parse(r.stdout);
    expect(report.problems).toContainEqual({
      resource: "pods",
      kind: "refused",
      detail: expect.stringMatching(/sent the same continue token twice while listing pods \(page 2\)/),
    });
    // The first page gave the token, the second repeated it: two requests, and none of their pods counted.
    expect(s.requests.filter((q) => pathOf(q.url) === "/api/v1/pods")).toHaveLength(2);
    expect(report.totals.pods).toBe(0);
    expect(report.verdict.model).toBe("azure-cni-overlay");
  });

  it("bounds the whole run by --timeout, not each request: one request to a dead server, then stop", async () => {
    const hang = { nodes: "hang", pods: "hang", daemonsets: "hang", nodenetworkconfigs: "hang" } as const;
    const s = await server({ lists: [fixture("overlay")], behaviour: hang });
    const t = performance.now();
    const r = await inspect(["--kubeconfig", s.kubeconfig(), "--timeout", "1"]);
    const seconds = (performance.now() - t) / 1000;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the list of nodes did not finish within the run's time limit \(--timeout 1 s\)/);
    expect(s.requests).toHaveLength(1);
    // Generous: the bound is the run's 1 s, not 4 requests × 1 s (nor the old 4 × 30 s).
    expect(seconds).toBeLessThan(3.5);
  });

  it.each([
    { name: "one past Node's timer limit", value: String(Math.floor(MAX_TIMEOUT_MS / 1000) + 1) },
    { name: "a huge value", value: "99999999999999999999" },
    { name: "zero", value: "0" },
  ])("refuses a --timeout of $name in one sentence", async ({ value }) => {
    const r = await inspect(["--timeout", value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aksnet inspect: --timeout must be a whole number from 1 to 2,147,483 seconds (about 24.8 days), got ` +
        `"${value}".\n`,
    );
  });

  it("refuses a timeoutMs past Node's timer limit in the library too", async () => {
    await expect(readLive({ env: {}, timeoutMs: MAX_TIMEOUT_MS + 1 })).rejects.toThrow(LiveOptionsError);
    await expect(readLive({ env: {}, timeoutMs: MAX_TIMEOUT_MS + 1 })).rejects.toThrow(
      "timeoutMs must be a whole number from 1 to 2,147,483,647 milliseconds, got 2147483648.",
    );
  });

  it("caps the size of an answer: an endless list is cut off, and nothing of it is kept", async () => {
    const s = await server({ lists: [fixture("overlay")], behaviour: { pods: "endless" } });
    const before = process.memoryUsage().rss;
    const r = await readLive({ kubeconfig: s.kubeconfig(), env: {}, maxResponseBytes: 1 << 20 });
    expect(r.snapshot.problems).toContainEqual({
      resource: "pods",
      kind: "refused",
      detail: expect.stringMatching(/^the answer to list PodList passed 1 MiB; aksnet stops reading there/),
    });
    expect(r.snapshot.pods).toEqual([]);
    expect(r.snapshot.read).toEqual(["nodes", "daemonsets", "nodenetworkconfigs", "configmaps"]);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 << 20);
  });

  it("caps the items of a list", async () => {
    const s = await server({ lists: [fixture("overlay")] });
    const r = await readLive({ kubeconfig: s.kubeconfig(), env: {}, maxItems: 10, pageSize: 4 });
    expect(r.snapshot.problems).toContainEqual({
      resource: "pods",
      kind: "refused",
      detail: expect.stringMatching(/^the list of pods passed 10 items, more than any AKS cluster holds/),
    });
    expect(r.snapshot.pods).toEqual([]);
  });

  it("never follows a redirect, so the bearer token never reaches another port", async () => {
    const elsewhere = await server({ lists: [fixture("overlay")], anyToken: true });
    const s = await server({
      lists: [fixture("overlay")],
      behaviour: { nodes: "redirect" },
      redirectTo: elsewhere.url,
    });
    const r = await inspect(["--kubeconfig", s.kubeconfig(), "-o", "json"]);
    expect(elsewhere.requests).toEqual([]);
    expect(JSON.parse(r.stdout).problems).toContainEqual({
      resource: "nodes",
      kind: "refused",
      detail: expect.stringMatching(
        /^the API server answered 307 with a redirect to https:\/\/127\.0\.0\.1:\d+\/api\/v1\/nodes.*; aksnet does not follow redirects/,
      ),
    });
  });

  it("redacts credentials in the kubeconfig's server URL from errors and reports, and never sends them", async () => {
    const s = await server({ lists: [fixture("overlay")] });
    const withSecret = s.url.replace("https://", "https://admin:s3cret@");
    const ok = await inspect(["--kubeconfig", s.kubeconfig("test-token", { server: withSecret }), "-o", "json"]);
    expect(ok.stdout).not.toContain("s3cret");
    expect(JSON.parse(ok.stdout).source.server).toBe(s.url.replace("https://", "https://***@"));
    expect(s.requests.every((q) => q.authorization === "Bearer test-token")).toBe(true);
    const dead = withSecret.replace(/:\d+$/, ":1");
    const bad = await inspect(["--kubeconfig", s.kubeconfig("test-token", { server: dead })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^aksnet inspect: could not read the cluster https:\/\/\*\*\*@127\.0\.0\.1:1: /);
    expect(bad.stderr).not.toContain("s3cret");
  });

  it("rejects a list of the wrong kind (a NodeList where a PodList is expected) and keeps none of it", async () => {
    const s = await server({ lists: [fixture("overlay")], behaviour: { pods: "wrong-kind" } });
    const report = JSON.parse((await inspect(["--kubeconfig", s.kubeconfig(), "-o", "json"])).stdout);
    expect(report.problems).toContainEqual({
      resource: "pods",
      kind: "refused",
      detail:
        "the API server answered a NodeList where a PodList was asked for, so its items were not used, so pod " +
        "addresses and pods per node are unknown.",
    });
    expect(report.totals.pods).toBe(0);
    expect(report.totals.nodes).toBe(3);
  });
});
