/**
 * A fake Kubernetes API server for tests: HTTPS on 127.0.0.1 with a CA and
 * server certificate made by openssl at start, bearer-token auth, and list
 * endpoints for nodes, pods, DaemonSets and NodeNetworkConfigs that serve
 * recorded objects page by page (`limit` / `continue`). Endpoints can be made
 * to answer 403 / 404 or never answer, to test how inspect degrades.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ResourceKind } from "../../../engines/inspect/index.js";

export type Behaviour = "ok" | 403 | 404 | 500 | "hang";

export interface FakeApiServer {
  readonly url: string;
  readonly dir: string;
  /** A kubeconfig for the server with the given token (context `fake`); `exec` makes the token come from an exec credential plugin, as kubelogin does. */
  kubeconfig(token?: string, options?: { exec?: boolean }): string;
  /** Every request: method and path with query. */
  readonly requests: { method: string; url: string }[];
  close(): Promise<void>;
}

const ROUTES: Record<string, ResourceKind> = {
  "/api/v1/nodes": "nodes",
  "/api/v1/pods": "pods",
  "/apis/apps/v1/daemonsets": "daemonsets",
  "/apis/acn.azure.com/v1alpha/namespaces/kube-system/nodenetworkconfigs": "nodenetworkconfigs",
};
const LIST_KIND: Record<ResourceKind, [string, string]> = {
  nodes: ["v1", "NodeList"],
  pods: ["v1", "PodList"],
  daemonsets: ["apps/v1", "DaemonSetList"],
  nodenetworkconfigs: ["acn.azure.com/v1alpha", "NodeNetworkConfigList"],
};
const KIND_OF: Record<string, ResourceKind> = {
  Node: "nodes",
  Pod: "pods",
  DaemonSet: "daemonsets",
  NodeNetworkConfig: "nodenetworkconfigs",
};

function certificates(dir: string): { ca: string; key: string; cert: string } {
  const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run([
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.crt",
    "-days",
    "1",
    "-subj",
    "/CN=aksnet-test-ca",
  ]);
  run([
    "req",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    "server.key",
    "-out",
    "server.csr",
    "-subj",
    "/CN=127.0.0.1",
  ]);
  writeFileSync(join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
  run([
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.crt",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "server.crt",
    "-days",
    "1",
    "-extfile",
    "san.ext",
  ]);
  return {
    ca: readFileSync(join(dir, "ca.crt"), "utf8"),
    key: readFileSync(join(dir, "server.key"), "utf8"),
    cert: readFileSync(join(dir, "server.crt"), "utf8"),
  };
}

/** Starts a server holding the items of the given Kubernetes `List` files. */
export async function startFakeApiServer(options: {
  lists: readonly string[];
  token?: string;
  behaviour?: Partial<Record<ResourceKind, Behaviour>>;
}): Promise<FakeApiServer> {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-apiserver-"));
  const { ca, key, cert } = certificates(dir);
  const token = options.token ?? "test-token";
  const store: Record<ResourceKind, unknown[]> = { nodes: [], pods: [], daemonsets: [], nodenetworkconfigs: [] };
  for (const f of options.lists) {
    for (const item of (JSON.parse(readFileSync(f, "utf8")) as { items: { kind: string }[] }).items) {
      const r = KIND_OF[item.kind];
      if (r) store[r].push(item);
    }
  }
  const requests: { method: string; url: string }[] = [];
  const hanging: { destroy(): void }[] = [];
  const server: Server = createServer({ key, cert }, (req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "" });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const status = (code: number, reason: string, message: string) =>
      send(code, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code });
    if (req.headers.authorization !== `Bearer ${token}`) return status(401, "Unauthorized", "Unauthorized");
    const u = new URL(req.url ?? "/", "https://127.0.0.1");
    const resource = ROUTES[u.pathname];
    if (req.method !== "GET" || !resource)
      return status(404, "NotFound", "the server could not find the requested resource");
    const b = options.behaviour?.[resource] ?? "ok";
    if (b === "hang") {
      hanging.push(res.socket ?? { destroy() {} });
      return;
    }
    if (b === 403)
      return status(
        403,
        "Forbidden",
        `${resource} is forbidden: User "test" cannot list resource "${resource}" at the cluster scope`,
      );
    if (b === 404) return status(404, "NotFound", "the server could not find the requested resource");
    if (b === 500) return status(500, "InternalError", "etcdserver: request timed out");
    // The one field selector inspect sends: status.phase!=X,… on pods.
    const excluded = (u.searchParams.get("fieldSelector") ?? "")
      .split(",")
      .flatMap((t) => (t.startsWith("status.phase!=") ? [t.slice("status.phase!=".length)] : []));
    const all = excluded.length
      ? store[resource].filter((x) => !excluded.includes((x as { status?: { phase?: string } }).status?.phase ?? ""))
      : store[resource];
    const limit = Number(u.searchParams.get("limit") ?? "0") || all.length;
    const from = Number(u.searchParams.get("continue") ?? "0");
    const next = from + limit;
    const [apiVersion, kind] = LIST_KIND[resource];
    send(200, {
      apiVersion,
      kind,
      metadata: { resourceVersion: "12345", ...(next < all.length ? { continue: String(next) } : {}) },
      items: all.slice(from, next),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dir,
    requests,
    kubeconfig(t = token, o = {}) {
      const path = join(dir, `kubeconfig-${t}${o.exec ? "-exec" : ""}.yaml`);
      const credential = JSON.stringify({
        apiVersion: "client.authentication.k8s.io/v1beta1",
        kind: "ExecCredential",
        status: { token: t },
      });
      const user = o.exec
        ? [
            "    exec:",
            "      apiVersion: client.authentication.k8s.io/v1beta1",
            `      command: ${JSON.stringify(process.execPath)}`,
            "      args:",
            "        - -e",
            `        - ${JSON.stringify(`process.stdout.write(${JSON.stringify(credential)})`)}`,
            "      interactiveMode: Never",
          ]
        : [`    token: ${t}`];
      writeFileSync(
        path,
        [
          "apiVersion: v1",
          "kind: Config",
          "clusters:",
          "- name: fake",
          "  cluster:",
          `    server: ${url}`,
          `    certificate-authority-data: ${Buffer.from(ca).toString("base64")}`,
          "users:",
          "- name: fake-user",
          "  user:",
          ...user,
          "contexts:",
          "- name: fake",
          "  context: { cluster: fake, user: fake-user }",
          "current-context: fake",
          "",
        ].join("\n"),
      );
      return path;
    },
    async close() {
      for (const s of hanging) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
