/**
 * A local Azure Resource Manager for tests: HTTPS on 127.0.0.1 (a CA and server
 * certificate made by openssl at start), bearer-token auth, and the two APIs the
 * scan reads:
 * - POST /providers/Microsoft.ResourceGraph/resources: answers the scan's three
 *   queries (clusters, VNets, subnet rows) over the estate it holds, with their
 *   filters, `$top` and `$skipToken` paging (tokens shaped as recorded:
 *   base64 JSON with MaxRows and RowsToSkip) and the per-user quota headers;
 * - GET …/virtualNetworks/{vnet}/usages: the usage entries it holds.
 * Every request is logged (method, path, status) so a test proves only reads were
 * made. `behaviour` makes it hostile: 429 storms, 403 subscriptions, endless or
 * repeated skip tokens, huge bodies, slow answers, nextLinks to elsewhere, raw
 * bodies (malformed JSON, HTML error pages with 200 or 502).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { armRows, type ArmEstate } from "./arm-rows.js";

export interface Behaviour {
  /** The first `times` requests whose path matches answer `status` (429) with these headers. */
  readonly throttle?: {
    readonly path: RegExp;
    readonly times: number;
    readonly status?: number;
    readonly headers?: Record<string, string>;
  };
  /** Subscriptions that answer 403: usage reads in them, and Resource Graph queries whose scope lists them. */
  readonly forbid?: readonly string[];
  /** Subscriptions whose VNet usage reads answer 403 (Resource Graph still answers for them). */
  readonly forbidUsage?: readonly string[];
  /** Resource Graph always sends another skip token (a new one each page). */
  readonly endlessSkipToken?: boolean;
  /** Resource Graph sends the same skip token again. */
  readonly repeatSkipToken?: boolean;
  /** Answers to matching paths carry a body of this many bytes. */
  readonly hugeBody?: { readonly path: RegExp; readonly bytes: number };
  /** Matching requests get their headers after `ms`, then the body; `hang`: the body never ends. */
  readonly slow?: { readonly path: RegExp; readonly ms: number; readonly hang?: boolean };
  /** Resource Graph's quota headers on every query answer. */
  readonly quota?: { readonly remaining: number; readonly resetsAfter: string };
  /** Usage answers carry a nextLink: `elsewhere` to another origin, `loop` to themselves. */
  readonly usageNextLink?: "elsewhere" | "loop";
  /** Answers to matching paths are this raw body instead (malformed JSON, a proxy's HTML error page…). */
  readonly raw?: {
    readonly path: RegExp;
    readonly status: number;
    readonly contentType: string;
    readonly body: string;
  };
}

export interface ArmServer {
  readonly url: string;
  /** The CA certificate file (NODE_EXTRA_CA_CERTS for a child process). */
  readonly caFile: string;
  readonly token: string;
  readonly requests: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

function certificates(dir: string): { key: string; cert: string } {
  const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  run(["req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=aksnet-test-arm-ca"]);
  run(["req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"]);
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
  return { key: readFileSync(join(dir, "server.key"), "utf8"), cert: readFileSync(join(dir, "server.crt"), "utf8") };
}

const SUBSCRIPTIONS = /^\/subscriptions$/i;
const LIST_CLUSTERS = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.ContainerService\/managedClusters$/i;
const LIST_VNETS = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks$/i;
/** Items per page of the REST lists (what a per-subscription listing walks). */
const LIST_PAGE = 100;

const ARG_PATH = /^\/providers\/Microsoft\.ResourceGraph\/resources$/i;
const USAGE_PATH = new RegExp(
  "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Network/virtualNetworks/([^/]+)/usages$",
  "i",
);

const skipTokenOf = (maxRows: number, rowsToSkip: number) =>
  Buffer.from(
    JSON.stringify(
      { $id: "1", MaxRows: maxRows, RowsToSkip: rowsToSkip, KustoClusterUrl: "https://127.0.0.1" },
      null,
      2,
    ),
  ).toString("base64");

function rowsToSkip(token: unknown): number {
  if (typeof token !== "string") return 0;
  try {
    const v = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { RowsToSkip?: unknown };
    return typeof v.RowsToSkip === "number" ? v.RowsToSkip : 0;
  } catch {
    return 0;
  }
}

const azureError = (code: string, message: string) => ({ error: { code, message } });

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

interface Handling {
  readonly estate: ArmEstate;
  readonly b: Behaviour;
  readonly url: () => string;
  readonly counts: Map<string, number>;
}

function graph(h: Handling, body: string): { status: number; json: unknown; headers: Record<string, string> } {
  const req = JSON.parse(body) as {
    query?: string;
    subscriptions?: string[];
    managementGroups?: string[];
    options?: { $top?: number; $skipToken?: string };
  };
  const groups = req.managementGroups?.map((g) => g.toLowerCase());
  const subs = groups
    ? groups.flatMap((g) => h.estate.managementGroups?.get(g) ?? []).map((s) => s.toLowerCase())
    : req.subscriptions?.map((s) => s.toLowerCase());
  const forbidden = subs?.find((s) => h.b.forbid?.some((f) => f.toLowerCase() === s));
  const quota: Record<string, string> = h.b.quota
    ? {
        "x-ms-user-quota-remaining": String(h.b.quota.remaining),
        "x-ms-user-quota-resets-after": h.b.quota.resetsAfter,
      }
    : {};
  if (forbidden)
    return {
      status: 403,
      json: azureError(
        "AuthorizationFailed",
        `The client does not have authorization to read subscription '${forbidden}'.`,
      ),
      headers: quota,
    };
  const rows = armRows(h.estate, req.query ?? "", subs);
  if (!rows) return { status: 400, json: azureError("BadRequest", "Query is invalid."), headers: quota };
  const top = Math.min(req.options?.$top ?? 100, 1000);
  const from = rowsToSkip(req.options?.$skipToken);
  const page = rows.slice(from, from + top);
  const more = from + top < rows.length;
  const token = h.b.repeatSkipToken
    ? skipTokenOf(top, top)
    : h.b.endlessSkipToken
      ? skipTokenOf(top, from + top)
      : more
        ? skipTokenOf(top, from + top)
        : undefined;
  return {
    status: 200,
    json: {
      totalRecords: rows.length,
      count: page.length,
      data: h.b.endlessSkipToken ? rows.slice(0, top) : page,
      facets: [],
      resultTruncated: "false",
      ...(token ? { $skipToken: token } : {}),
    },
    headers: quota,
  };
}

function usage(h: Handling, m: RegExpExecArray): { status: number; json: unknown } {
  const [, sub, rg, name] = m as unknown as [string, string, string, string];
  if ([...(h.b.forbid ?? []), ...(h.b.forbidUsage ?? [])].some((f) => f.toLowerCase() === sub.toLowerCase()))
    return {
      status: 403,
      json: azureError(
        "AuthorizationFailed",
        "The client 'test' does not have authorization to perform action " +
          `'Microsoft.Network/virtualNetworks/usages/read' over scope '/subscriptions/${sub}'.`,
      ),
    };
  const id =
    `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${name}`.toLowerCase();
  const value = h.estate.usages.get(id);
  if (!value) return { status: 404, json: azureError("ResourceNotFound", `The Resource '${name}' was not found.`) };
  const nextLink =
    h.b.usageNextLink === "elsewhere"
      ? `https://127.0.0.2:1${m[0]}?api-version=2025-05-01`
      : h.b.usageNextLink === "loop"
        ? `${h.url()}${m[0]}?api-version=2025-05-01&page=2`
        : undefined;
  return { status: 200, json: { value, ...(nextLink ? { nextLink } : {}) } };
}

/**
 * The REST lists a naive scan walks subscription by subscription (the benchmark's
 * peer): subscriptions, then each one's managed clusters and VNets, paged by nextLink.
 */
function restList(h: Handling, u: URL): { status: number; json: unknown } | undefined {
  const from = Number(u.searchParams.get("$skiptoken") ?? "0") || 0;
  const page = (all: readonly unknown[]) => {
    const next = from + LIST_PAGE < all.length ? new URL(u.pathname, h.url()) : undefined;
    next?.searchParams.set("api-version", u.searchParams.get("api-version") ?? "");
    next?.searchParams.set("$skiptoken", String(from + LIST_PAGE));
    return {
      status: 200,
      json: { value: all.slice(from, from + LIST_PAGE), ...(next ? { nextLink: next.href } : {}) },
    };
  };
  const inSub = (rs: readonly Record<string, unknown>[], sub: string) =>
    rs.filter((r) => String(r["id"]).toLowerCase().startsWith(`/subscriptions/${sub.toLowerCase()}/`));
  if (SUBSCRIPTIONS.test(u.pathname)) {
    const subs = new Set([...h.estate.clusters, ...h.estate.vnets].map((r) => String(r["id"]).split("/")[2]!));
    return page([...subs].sort().map((s) => ({ id: `/subscriptions/${s}`, subscriptionId: s, state: "Enabled" })));
  }
  const c = LIST_CLUSTERS.exec(u.pathname);
  if (c) return page(inSub(h.estate.clusters, c[1]!));
  const v = LIST_VNETS.exec(u.pathname);
  if (v) return page(inSub(h.estate.vnets, v[1]!));
  return undefined;
}

function throttled(h: Handling, path: string): { status: number; headers: Record<string, string> } | undefined {
  const t = h.b.throttle;
  if (!t || !t.path.test(path)) return undefined;
  const n = h.counts.get("throttle") ?? 0;
  if (n >= t.times) return undefined;
  h.counts.set("throttle", n + 1);
  return { status: t.status ?? 429, headers: t.headers ?? { "retry-after": "0" } };
}

async function handle(
  h: Handling,
  req: IncomingMessage,
  res: ServerResponse,
  log: ArmServer["requests"],
  token: string,
) {
  const u = new URL(req.url ?? "/", "https://127.0.0.1");
  const body = await bodyOf(req);
  const reply = async (status: number, json: unknown, headers: Record<string, string> = {}) => {
    log.push({ method: req.method ?? "", path: u.pathname, status });
    const slow = h.b.slow?.path.test(u.pathname) ? h.b.slow : undefined;
    if (slow) await new Promise((r) => setTimeout(r, slow.ms));
    const huge = h.b.hugeBody?.path.test(u.pathname) ? h.b.hugeBody.bytes : 0;
    const raw = h.b.raw?.path.test(u.pathname) ? h.b.raw : undefined;
    if (raw) {
      log.at(-1)!.status = raw.status;
      res.writeHead(raw.status, { "content-type": raw.contentType });
      res.end(raw.body);
      return;
    }
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    if (slow?.hang) {
      res.write("{");
      return;
    }
    if (huge) {
      const chunk = Buffer.alloc(65536, 0x20);
      res.write("{");
      for (let sent = 0; sent < huge && !res.destroyed; sent += chunk.length)
        if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
      res.end("}");
      return;
    }
    res.end(JSON.stringify(json));
  };
  if (req.headers.authorization !== `Bearer ${token}`)
    return reply(401, azureError("AuthenticationFailed", "Authentication failed."));
  const t = throttled(h, u.pathname);
  if (t) return reply(t.status, azureError("TooManyRequests", "Too many requests."), t.headers);
  if (req.method === "POST" && ARG_PATH.test(u.pathname)) {
    const r = graph(h, body);
    return reply(r.status, r.json, r.headers);
  }
  const listed = req.method === "GET" ? restList(h, u) : undefined;
  if (listed) return reply(listed.status, listed.json);
  const m = USAGE_PATH.exec(u.pathname);
  if (req.method === "GET" && m) {
    const r = usage(h, m);
    return reply(r.status, r.json);
  }
  return reply(405, azureError("MethodNotAllowed", `${req.method} ${u.pathname} is not served here.`));
}

/** Starts a server holding `estate`. */
export async function startArmServer(estate: ArmEstate, behaviour: Behaviour = {}): Promise<ArmServer> {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-arm-"));
  const { key, cert } = certificates(dir);
  const token = "test-token-not-a-secret";
  const requests: ArmServer["requests"] = [];
  let url = "";
  const h: Handling = { estate, b: behaviour, url: () => url, counts: new Map() };
  const sockets = new Set<{ destroy(): void }>();
  const server: Server = createServer({ key, cert }, (req, res) => {
    handle(h, req, res, requests, token).catch(() => res.destroy());
  });
  // Idle sockets stay open longer than Node's 5 s default, so that a child starved of CPU on a loaded machine
  // rarely reuses a socket the server is closing (the client retries that, but the counts then differ).
  server.keepAliveTimeout = 120_000;
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    caFile: join(dir, "ca.crt"),
    token,
    requests,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
