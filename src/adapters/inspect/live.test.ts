import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../cli/main.js";
import { memoryIo } from "../cli/io.js";
import { startFakeApiServer, type FakeApiServer } from "./testing/fake-apiserver.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const fixture = (name: string) => join(FIXTURES, `${name}.json`);

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function inspect(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" } });
  const code = await run(["inspect", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** The report without its `source` (which names the file or the server). */
function withoutSource(json: string): unknown {
  const { source: _source, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return rest;
}

describe("inspect on a live cluster (HTTPS, CA data, bearer token)", () => {
  it.each(["overlay", "overlay-cilium", "pod-subnet-dynamic", "pod-subnet-static"])(
    "gives the same report as the offline dump for %s",
    async (name) => {
      server = await startFakeApiServer({ lists: [fixture(name)] });
      const live = await inspect(["--kubeconfig", server.kubeconfig(), "--page-size", "2", "-o", "json"]);
      const dump = await inspect(["--from-dump", fixture(name), "-o", "json"]);
      expect(live.stderr).toBe("");
      expect(live.code).toBe(dump.code);
      expect(withoutSource(live.stdout)).toEqual(withoutSource(dump.stdout));
      expect(JSON.parse(live.stdout).source).toEqual({ kind: "live", context: "fake", server: server.url });
    },
  );

  it("gives the same report for kubenet, whose dump holds a finished pod the live list leaves out", async () => {
    server = await startFakeApiServer({ lists: [fixture("kubenet")], behaviour: { nodenetworkconfigs: 404 } });
    const live = JSON.parse(
      (await inspect(["--kubeconfig", server.kubeconfig(), "--page-size", "2", "-o", "json"])).stdout,
    );
    const dump = JSON.parse((await inspect(["--from-dump", fixture("kubenet"), "-o", "json"])).stdout);
    // Only what was read differs: the live API says the NodeNetworkConfig CRD is absent (itself evidence), the dump
    // holds none.
    for (const r of [live, dump]) {
      expect(r.verdicts.model.value).toBe("kubenet");
      delete r.source;
      delete r.problems;
      delete r.verdicts.model;
      r.verdict.evidence = r.verdict.evidence.filter(
        (e: { signal: string }) => !e.signal.startsWith("NodeNetworkConfig CRD"),
      );
    }
    expect(live).toEqual(dump);
  });

  it("only lists, page by page, following continue tokens", async () => {
    server = await startFakeApiServer({ lists: [fixture("overlay")] });
    await inspect(["--kubeconfig", server.kubeconfig(), "--page-size", "5", "-o", "json"]);
    expect(new Set(server.requests.map((r) => r.method))).toEqual(new Set(["GET"]));
    const pods = server.requests.filter((r) => r.url.startsWith("/api/v1/pods"));
    // 24 pods at 5 a page: 5 pages, the later ones with continue=5, 10, 15, 20.
    expect(pods.map((r) => new URL(r.url, "https://x").searchParams.get("continue"))).toEqual([
      null,
      "5",
      "10",
      "15",
      "20",
    ]);
    expect(pods.every((r) => r.url.includes("limit=5"))).toBe(true);
    expect(
      pods.every(
        (r) =>
          new URL(r.url, "https://x").searchParams.get("fieldSelector") ===
          "status.phase!=Succeeded,status.phase!=Failed",
      ),
    ).toBe(true);
  });

  it("gets its token from an exec credential plugin (as kubelogin does)", async () => {
    server = await startFakeApiServer({ lists: [fixture("overlay")] });
    const r = await inspect(["--kubeconfig", server.kubeconfig("test-token", { exec: true }), "-o", "json"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).verdict.model).toBe("azure-cni-overlay");
  });

  it("reads KUBECONFIG and --context like kubectl", async () => {
    server = await startFakeApiServer({ lists: [fixture("overlay")] });
    const io = memoryIo({ env: { NO_COLOR: "1", KUBECONFIG: server.kubeconfig() } });
    expect(await run(["inspect", "--context", "fake", "-o", "json"], io)).toBe(0);
    expect(JSON.parse(io.stdout).verdict.model).toBe("azure-cni-overlay");
  });

  const degraded: {
    name: string;
    fixture: string;
    behaviour: Parameters<typeof startFakeApiServer>[0]["behaviour"];
    args?: string[];
    problem: { resource: string; kind: string };
    model: string;
    text: RegExp;
  }[] = [
    {
      name: "DaemonSets forbidden (403)",
      fixture: "overlay",
      behaviour: { daemonsets: 403 },
      problem: { resource: "daemonsets", kind: "forbidden" },
      model: "azure-cni-overlay",
      text: /forbidden \(403\).*ClusterRole/,
    },
    {
      name: "NodeNetworkConfig CRD absent (404) on kubenet",
      fixture: "kubenet",
      behaviour: { nodenetworkconfigs: 404 },
      problem: { resource: "nodenetworkconfigs", kind: "absent" },
      model: "kubenet",
      text: /CRD \(acn\.azure\.com\) is not installed/,
    },
    {
      name: "pods time out",
      fixture: "overlay",
      behaviour: { pods: "hang" },
      args: ["--timeout", "1"],
      problem: { resource: "pods", kind: "timeout" },
      model: "azure-cni-overlay",
      text: /did not finish within the run.s time limit/,
    },
    {
      name: "pods fail with 500",
      fixture: "overlay",
      behaviour: { pods: 500 },
      problem: { resource: "pods", kind: "error" },
      model: "azure-cni-overlay",
      text: /answered 500/,
    },
  ];

  it.each(degraded)("degrades clearly when $name", async ({ fixture: f, behaviour, args, problem, model, text }) => {
    server = await startFakeApiServer({ lists: [fixture(f)], behaviour });
    const json = await inspect(["--kubeconfig", server.kubeconfig(), ...(args ?? []), "-o", "json"]);
    const report = JSON.parse(json.stdout);
    expect(report.problems).toContainEqual(expect.objectContaining(problem));
    expect(report.verdict.model).toBe(model);
    const table = await inspect(["--kubeconfig", server.kubeconfig(), ...(args ?? [])]);
    expect(table.stdout).toMatch(text);
  });

  it("reads the network monitor's ConfigMap with one get; a 403 on it leaves only that answer unknown", async () => {
    server = await startFakeApiServer({ lists: [fixture("overlay"), fixture("network-monitor-configmap")] });
    const found = JSON.parse((await inspect(["--kubeconfig", server.kubeconfig(), "-o", "json"])).stdout);
    expect(found.lab.networkMonitor).toMatchObject({ value: "found", configMap: { "monitor.conf": "interval=30s" } });
    expect(server.requests.filter((r) => r.url.includes("/configmaps"))).toEqual([
      {
        method: "GET",
        url: "/api/v1/namespaces/kube-system/configmaps/azure-cni-networkmonitor",
        authorization: "Bearer test-token",
      },
    ]);
    await server.close();
    server = await startFakeApiServer({ lists: [fixture("overlay")], behaviour: { configmaps: 403 } });
    const denied = JSON.parse((await inspect(["--kubeconfig", server.kubeconfig(), "-o", "json"])).stdout);
    expect(denied.lab.networkMonitor.value).toBe("unknown");
    expect(denied.lab.networkMonitor.unknown).toEqual({
      missing: ["configmaps"],
      why: "the ConfigMap was not read (configmaps forbidden (403))",
      settle: "kubectl get configmap azure-cni-networkmonitor -n kube-system -o yaml",
    });
    expect(denied.problems).toContainEqual({
      resource: "configmaps",
      kind: "forbidden",
      detail:
        "get configmap azure-cni-networkmonitor in kube-system is forbidden (403) for this user (optional: the Role " +
        "in docs/inspect-rbac.yaml grants it), so what the azure-cni-networkmonitor ConfigMap says is unknown.",
    });
    expect(denied.verdict.model).toBe("azure-cni-overlay");
  });

  it("asks only for what docs/inspect-rbac.yaml grants (list, and get on the one ConfigMap)", async () => {
    const { parseAllDocuments } = await import("yaml");
    const docs = parseAllDocuments(readFileSync(join(import.meta.dirname, "../../../docs/inspect-rbac.yaml"), "utf8"));
    const rules = docs.flatMap((d) => {
      const o = d.toJS() as {
        kind: string;
        rules?: { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] }[];
      };
      return o.kind === "ClusterRole" || o.kind === "Role" ? (o.rules ?? []) : [];
    });
    server = await startFakeApiServer({ lists: [fixture("overlay")] });
    await inspect(["--kubeconfig", server.kubeconfig(), "--page-size", "7", "-o", "json"]);
    for (const r of server.requests) {
      const path = new URL(r.url, "https://x").pathname.split("/").filter(Boolean);
      const group = path[0] === "api" ? "" : (path[1] as string);
      const name = path.at(-2) === "configmaps" ? path.at(-1) : undefined;
      const resource = name ? "configmaps" : (path.at(-1) as string);
      const verb = name ? "get" : "list";
      const granted = rules.some(
        (g) =>
          g.apiGroups.includes(group) &&
          g.resources.includes(resource) &&
          g.verbs.includes(verb) &&
          (!g.resourceNames || (name !== undefined && g.resourceNames.includes(name))),
      );
      expect(granted, `${r.method} ${r.url}`).toBe(true);
    }
    expect(server.requests.length).toBeGreaterThan(4);
  });

  const fatal: { name: string; setup: (s: FakeApiServer) => string[]; stderr: RegExp }[] = [
    {
      name: "a rejected token (401)",
      setup: (s) => ["--kubeconfig", s.kubeconfig("wrong-token")],
      stderr:
        /rejected the credentials \(401; refresh them with az aks get-credentials and retry\), so there is no model verdict/,
    },
    {
      name: "an unknown context",
      setup: (s) => ["--kubeconfig", s.kubeconfig(), "--context", "prod"],
      stderr: /no context "prod"; choose one of: fake/,
    },
    {
      name: "a missing kubeconfig file",
      setup: (s) => ["--kubeconfig", join(s.dir, "nope.yaml")],
      stderr: /cannot load the kubeconfig .*nope\.yaml/,
    },
    {
      name: "a device as kubeconfig (found by the breaker: /dev/zero ran the heap out and crashed Node)",
      setup: () => ["--kubeconfig", "/dev/zero"],
      stderr:
        /^aksnet inspect: the kubeconfig \/dev\/zero is a device, not a file; pass --kubeconfig PATH of a kubeconfig/,
    },
    {
      name: "a pipe that never ends as kubeconfig (found by the breaker: it was read without bound)",
      setup: (s) => {
        const fifo = join(s.dir, "endless.fifo");
        execFileSync("mkfifo", [fifo]);
        spawn("sh", ["-c", 'exec yes "a: 1" > "$0"', fifo], { stdio: "ignore" }).unref();
        return ["--kubeconfig", fifo];
      },
      stderr: /the kubeconfig .*endless\.fifo sent more than the 16 MiB a kubeconfig can be; pass --kubeconfig PATH/,
    },
    {
      name: "a directory as kubeconfig",
      setup: (s) => ["--kubeconfig", s.dir],
      stderr: /the kubeconfig .* is a directory; pass --kubeconfig PATH/,
    },
    {
      name: "a kubeconfig over 16 MiB",
      setup: (s) => {
        const big = join(s.dir, "big.yaml");
        writeFileSync(big, Buffer.alloc(17 * 1048576, 0x20));
        return ["--kubeconfig", big];
      },
      stderr: /the kubeconfig .*big\.yaml is 17 MiB, more than the 16 MiB a kubeconfig can be/,
    },
  ];

  it.each(fatal)("exits 2 with one sentence for $name", async ({ setup, stderr }) => {
    server = await startFakeApiServer({ lists: [fixture("overlay")] });
    const r = await inspect(setup(server));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 and says how to get a kubeconfig when there is none", async () => {
    const home = mkdtempSync(join(tmpdir(), "aksnet-home-"));
    try {
      const io = memoryIo({ env: { NO_COLOR: "1", HOME: home } });
      expect(await run(["inspect"], io)).toBe(2);
      expect(io.stderr).toBe(
        `aksnet inspect: no kubeconfig found (KUBECONFIG is unset and ${join(home, ".kube", "config")} does not ` +
          `exist); run az aks get-credentials, pass --kubeconfig PATH, or read a dump with --from-dump FILE.\n`,
      );
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("exits 2 when the API server is unreachable", async () => {
    server = await startFakeApiServer({ lists: [fixture("overlay")] });
    const text = readFileSync(server.kubeconfig(), "utf8");
    const url = server.url;
    await server.close();
    server = undefined;
    const dir = mkdtempSync(join(tmpdir(), "aksnet-kubeconfig-"));
    try {
      writeFileSync(join(dir, "config"), text);
      const r = await inspect(["--kubeconfig", join(dir, "config")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `aksnet inspect: could not read the cluster ${url}: the API server is unreachable (ECONNREFUSED: check the ` +
          `network path and the kubeconfig's server address), so there is no model verdict, no per-node use and no ` +
          `headroom.\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
