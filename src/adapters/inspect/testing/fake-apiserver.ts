/**
 * A fake Kubernetes API server for tests and the benchmark: HTTPS on 127.0.0.1
 * with a CA and server certificate made by openssl at start, bearer-token
 * auth, and list endpoints for nodes, pods, DaemonSets and NodeNetworkConfigs
 * that serve recorded objects page by page (`limit` / `continue`), as the real
 * API server does: built-in lists carry no `kind` on their items, custom
 * resource lists do. Endpoints can be made to fail or to be hostile, to test
 * how inspect degrades and what it refuses:
 * - 403 / 404 / 500, or `hang` (never answer);
 * - `repeat-continue`: every page names the same continue token;
 * - `redirect`: 307 to `redirectTo` (another server on another port);
 * - `endless`: a 200 whose items never end;
 * - `wrong-kind`: the list of another resource (a PodList for nodes);
 * - 429: "Too Many Requests" with `Retry-After: 3600`, every time;
 * - `malformed`: a 200 whose JSON stops in the middle; `html`: a 200 HTML page (a proxy's login page);
 * - `drip`: a 200 that sends one byte a second and never ends.
 */
import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ResourceKind } from "../../../engines/inspect/index.js";
import { listItems } from "../json-items.js";

export type Behaviour =
  | "ok"
  | 403
  | 404
  | 429
  | 500
  | "hang"
  | "repeat-continue"
  | "redirect"
  | "endless"
  | "wrong-kind"
  | "malformed"
  | "html"
  | "drip";

export interface FakeApiServer {
  readonly url: string;
  readonly dir: string;
  /**
   * A kubeconfig for the server with the given token (context `fake`); `exec` makes the token come from an exec
   * credential plugin, as kubelogin does.
   */
  kubeconfig(token?: string, options?: { exec?: boolean; server?: string }): string;
  /** Every request: method, path with query, and the Authorization header it carried. */
  readonly requests: { method: string; url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

const ROUTES: Record<string, ResourceKind> = {
  "/api/v1/nodes": "nodes",
  "/api/v1/pods": "pods",
  "/apis/apps/v1/daemonsets": "daemonsets",
  "/apis/acn.azure.com/v1alpha/namespaces/kube-system/nodenetworkconfigs": "nodenetworkconfigs",
};
/** Where one ConfigMap of kube-system is read (`GET …/configmaps/NAME`). */
const CONFIGMAPS = "/api/v1/namespaces/kube-system/configmaps/";
const LIST_KIND: Record<ResourceKind, [string, string]> = {
  nodes: ["v1", "NodeList"],
  pods: ["v1", "PodList"],
  daemonsets: ["apps/v1", "DaemonSetList"],
  nodenetworkconfigs: ["acn.azure.com/v1alpha", "NodeNetworkConfigList"],
  configmaps: ["v1", "ConfigMapList"],
};
const KIND_OF: Record<string, ResourceKind> = {
  Node: "nodes",
  Pod: "pods",
  DaemonSet: "daemonsets",
  NodeNetworkConfig: "nodenetworkconfigs",
  ConfigMap: "configmaps",
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

let kubeconfigs = 0;

/** Writes a list whose items never end, until the client goes away. */
function endless(res: ServerResponse, [apiVersion, kind]: [string, string]): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.write(`{"kind":"${kind}","apiVersion":"${apiVersion}","metadata":{},"items":[`);
  const item = JSON.stringify({ metadata: { name: "x".repeat(1000) } });
  let first = true;
  const more = () => {
    while (!res.destroyed) {
      const ok = res.write(first ? item : "," + item);
      first = false;
      if (!ok) return void res.once("drain", more);
    }
  };
  res.on("close", () => res.destroy());
  more();
}

/** Writes a list one byte a second, forever: never idle long enough for an idle timeout to fire. */
function drip(res: ServerResponse, [apiVersion, kind]: [string, string]): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.write(`{"kind":"${kind}","apiVersion":"${apiVersion}","metadata":{},"items":[`);
  const timer = setInterval(() => res.write(" "), 1000);
  res.on("close", () => clearInterval(timer));
}

type Item = { json: string; phase: string };

/**
 * The items of the `List` files, read item by item and serialised once (a page is a join of ready strings), so a
 * 150,000-pod cluster fits in memory and the server costs little beside the client it serves.
 */
async function readLists(lists: readonly string[]): Promise<Record<ResourceKind, Item[]>> {
  const typed = (r: ResourceKind) => r !== "nodenetworkconfigs" && r !== "configmaps";
  const text: Record<ResourceKind, Item[]> = {
    nodes: [],
    pods: [],
    daemonsets: [],
    nodenetworkconfigs: [],
    configmaps: [],
  };
  for (const f of lists) {
    for await (const item of listItems(createReadStream(f, { highWaterMark: 1 << 20 }))) {
      const x = item as Record<string, unknown>;
      const r = KIND_OF[x["kind"] as string];
      if (!r) continue;
      const { kind: _kind, apiVersion: _apiVersion, ...rest } = x;
      text[r].push({
        json: JSON.stringify(typed(r) ? rest : x),
        phase: (x as { status?: { phase?: string } }).status?.phase ?? "",
      });
    }
  }
  return text;
}

/** A get of one ConfigMap: the object, or 404 as the API server answers for a name it does not hold. */
function serveConfigMap(
  res: ServerResponse,
  u: URL,
  configmaps: readonly Item[],
  wrongKind: boolean,
  status: (code: number, reason: string, message: string) => void,
): void {
  const want = u.pathname.slice(CONFIGMAPS.length);
  const found = configmaps.find(
    (x) => (JSON.parse(x.json) as { metadata?: { name?: string } }).metadata?.name === want,
  );
  if (!found) return status(404, "NotFound", `configmaps "${want}" not found`);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(wrongKind ? found.json.replace('"ConfigMap"', '"Secret"') : found.json);
}

/** One page of a list, `limit` items from the `continue` offset, as the behaviour asks. */
function serveList(
  res: ServerResponse,
  u: URL,
  resource: ResourceKind,
  b: Behaviour,
  items: (r: ResourceKind, excluded: readonly string[]) => readonly Item[],
): void {
  // The one field selector inspect sends: status.phase!=X,… on pods.
  const excluded = (u.searchParams.get("fieldSelector") ?? "")
    .split(",")
    .flatMap((t) => (t.startsWith("status.phase!=") ? [t.slice("status.phase!=".length)] : []));
  const served: ResourceKind = b === "wrong-kind" ? (resource === "pods" ? "nodes" : "pods") : resource;
  const all = items(served, excluded);
  const limit = Number(u.searchParams.get("limit") ?? "0") || all.length;
  const from = b === "repeat-continue" ? 0 : Number(u.searchParams.get("continue") ?? "0");
  const next = from + limit;
  const [apiVersion, kind] = LIST_KIND[served];
  const cont = b === "repeat-continue" ? "same-token" : next < all.length ? String(next) : undefined;
  const metadata = JSON.stringify({ resourceVersion: "12345", ...(cont ? { continue: cont } : {}) });
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    `{"kind":"${kind}","apiVersion":"${apiVersion}","metadata":${metadata},"items":[${all
      .slice(from, next)
      .map((x) => x.json)
      .join(",")}]}`,
  );
}

/** A kubeconfig for the server: a bearer token, or an exec credential plugin that prints it. */
function kubeconfigText(server: string, ca: string, t: string, exec: boolean): string {
  const credential = JSON.stringify({
    apiVersion: "client.authentication.k8s.io/v1beta1",
    kind: "ExecCredential",
    status: { token: t },
  });
  const user = exec
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
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: fake",
    "  cluster:",
    `    server: ${server}`,
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
  ].join("\n");
}

/** A Kubernetes `Status` answer. */
function statusAnswer(res: ServerResponse, code: number, reason: string, message: string): void {
  res.writeHead(code, { "content-type": "application/json" });
  res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code }));
}

/** The answer of a failing behaviour (403, 404, 500, a redirect to `location`); false for the others. */
function failAnswer(res: ServerResponse, resource: ResourceKind, b: Behaviour, location: string): boolean {
  if (b === 403)
    statusAnswer(
      res,
      403,
      "Forbidden",
      `${resource} is forbidden: User "test" cannot list resource "${resource}" at the cluster scope`,
    );
  else if (b === 404) statusAnswer(res, 404, "NotFound", "the server could not find the requested resource");
  else if (b === 500) statusAnswer(res, 500, "InternalError", "etcdserver: request timed out");
  else if (b === 429) {
    res.setHeader("retry-after", "3600");
    statusAnswer(
      res,
      429,
      "TooManyRequests",
      "the server has received too many requests and has asked us to try again",
    );
  } else if (b === "malformed") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(`{"kind":"${LIST_KIND[resource][1]}","apiVersion":"v1","metadata":{},"items":[{"metadata":{"na`);
  } else if (b === "html") {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><html><body><h1>Sign in to continue</h1></body></html>");
  } else if (b === "redirect") {
    res.writeHead(307, { location });
    res.end();
  } else return false;
  return true;
}

/**
 * The items a list serves: a field selector's matches are found once per selector (the API server serves lists from
 * an indexed cache, not by filtering every object for every page).
 */
function selector(text: Record<ResourceKind, Item[]>) {
  const matches = new Map<string, Item[]>();
  return (r: ResourceKind, excluded: readonly string[]): readonly Item[] => {
    if (!excluded.length) return text[r];
    const key = `${r}|${excluded.join(",")}`;
    let m = matches.get(key);
    if (!m) matches.set(key, (m = text[r].filter((x) => !excluded.includes(x.phase))));
    return m;
  };
}

/** Starts a server holding the items of the given Kubernetes `List` files. */
export async function startFakeApiServer(options: {
  lists: readonly string[];
  token?: string;
  behaviour?: Partial<Record<ResourceKind, Behaviour>>;
  /** Where `redirect` points. */
  redirectTo?: string;
  /** Accept any bearer token (for a server that only records what it is sent). */
  anyToken?: boolean;
}): Promise<FakeApiServer> {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-apiserver-"));
  const { ca, key, cert } = certificates(dir);
  const token = options.token ?? "test-token";
  const text = await readLists(options.lists);
  const selected = selector(text);
  const requests: { method: string; url: string; authorization: string | undefined }[] = [];
  const hanging: { destroy(): void }[] = [];
  const server: Server = createServer({ key, cert }, (req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
    const status = (code: number, reason: string, message: string) => statusAnswer(res, code, reason, message);
    if (!options.anyToken && req.headers.authorization !== `Bearer ${token}`)
      return status(401, "Unauthorized", "Unauthorized");
    const u = new URL(req.url ?? "/", "https://127.0.0.1");
    const resource = ROUTES[u.pathname] ?? (u.pathname.startsWith(CONFIGMAPS) ? "configmaps" : undefined);
    if (req.method !== "GET" || !resource)
      return status(404, "NotFound", "the server could not find the requested resource");
    const b = options.behaviour?.[resource] ?? "ok";
    if (b === "hang") {
      hanging.push(res.socket ?? { destroy() {} });
      return;
    }
    if (failAnswer(res, resource, b, `${options.redirectTo ?? "https://127.0.0.1:1"}${req.url ?? "/"}`)) return;
    if (b === "endless") return endless(res, LIST_KIND[resource]);
    if (b === "drip") return drip(res, LIST_KIND[resource]);
    if (resource === "configmaps") return serveConfigMap(res, u, text.configmaps, b === "wrong-kind", status);
    serveList(res, u, resource, b, selected);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dir,
    requests,
    kubeconfig(t = token, o = {}) {
      const path = join(
        dir,
        `kubeconfig-${t}${o.exec ? "-exec" : ""}${o.server ? `-server${++kubeconfigs}` : ""}.yaml`,
      );
      writeFileSync(path, kubeconfigText(o.server ?? url, ca, t, o.exec === true));
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
