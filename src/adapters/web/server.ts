/**
 * The static file server behind `aksnet serve`. It serves the built page (a
 * directory of files) and nothing else: no API, no computation, no state. The
 * planner runs entirely in the browser and keeps its state in the URL fragment,
 * which browsers never send to a server.
 *
 * Contract: only GET and HEAD; only requests whose Host is a loopback name or
 * the bound address (./host-check.ts); only files inside `root` (no traversal, no
 * dot-files, no directory listings, no `.br`/`.gz` siblings by name); every
 * response carries a strict Content-Security-Policy and `X-Content-Type-Options:
 * nosniff`; files go out compressed when the browser accepts it, with entity tags
 * and caching headers (./encoding.ts).
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { AddressInfo } from "node:net";
import { cacheControl, negotiate, notModified, Representations } from "./encoding.js";
import { hostAllowed } from "./host-check.js";

/**
 * The page loads only its own script, style and images; nothing from elsewhere, no framing, nothing inline but the
 * page's own stylesheet, allowed by its hash (`contentSecurityPolicy`).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The policy for a page: CONTENT_SECURITY_POLICY, with the page's inline stylesheets (the build inlines the page's
 * one stylesheet, so the first paint waits for no request) allowed by their SHA-256 hashes and nothing else inline.
 */
export function contentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) =>
      `'sha256-${createHash("sha256")
        .update(m[1] ?? "", "utf8")
        .digest("base64")}'`,
  );
  return hashes.length === 0
    ? CONTENT_SECURITY_POLICY
    : CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${hashes.join(" ")}`);
}

/**
 * Headers every response carries (a page's CSP allows its inline stylesheets: `contentSecurityPolicy`).
 * No `Cross-Origin-Opener-Policy`: `same-origin` made every fresh navigation to the page (a new window or tab, whose
 * first document is about:blank) switch browsing context group, so Chromium built the page in a new renderer process
 * once the response arrived: ~150 ms more to the first paint at load 10 (A/B, docs/serve.md "Security"). It would
 * cut off a page elsewhere that opened the planner's window: such a page can only navigate that window, post it
 * messages (the page listens to none) or count its frames (none), never read it; the page opens no window itself and
 * cannot be framed, and browsers with site isolation run the two in separate processes anyway.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".yaml": "text/yaml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
};

/** Request targets longer than this are refused (the page's state lives in the fragment, which is never sent). */
export const MAX_REQUEST_TARGET = 2048;

export interface ServeOptions {
  /** Directory holding index.html and the bundle. */
  readonly root: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

export interface RunningServer {
  /** The address to open, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Resolves a request path to a file inside `root`, or undefined when the path is not one the server serves. */
export function resolveRequestPath(root: string, target: string): string | undefined {
  if (target.length > MAX_REQUEST_TARGET) return undefined;
  const pathname = target.split(/[?#]/, 1)[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith("/") || decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const parts = decoded.split("/").filter((p) => p !== "");
  if (parts.some((p) => p.startsWith("."))) return undefined;
  if (/\.(br|gz)$/.test(decoded)) return undefined;
  const base = resolve(root);
  const file = resolve(base, ...parts, decoded.endsWith("/") || parts.length === 0 ? "index.html" : "");
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  return file;
}

interface Site {
  readonly root: string;
  readonly host: string;
  port: number;
  readonly representations: Representations;
}

async function handle(site: Site, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  const reply = (status: number, text: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra });
    res.end(req.method === "HEAD" ? undefined : text);
  };
  // RFC 9112 3.2: a request with more than one Host is a 400 (Node keeps the first and drops the rest).
  if (req.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === "host").length > 1)
    return reply(400, "Bad request: more than one Host header.\n");
  if (!hostAllowed(req.headers.host, site.host, site.port))
    return reply(
      421,
      "This server answers only to localhost, 127.0.0.1, [::1] or the address it was started on: " +
        `open http://127.0.0.1:${site.port}/.\n`,
    );
  if (req.method !== "GET" && req.method !== "HEAD")
    return reply(405, "Method not allowed: this server only serves the page.\n", { Allow: "GET, HEAD" });
  const target = req.url ?? "/";
  if (target.length > MAX_REQUEST_TARGET) return reply(414, "Request target too long.\n");
  const file = resolveRequestPath(site.root, target);
  if (!file) return reply(404, "Not found.\n");
  let body: Buffer;
  let mtimeMs: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) return reply(404, "Not found.\n");
    body = await readFile(file);
    mtimeMs = s.mtimeMs;
  } catch {
    return reply(404, "Not found.\n");
  }
  const rep = await site.representations.of(file, body, mtimeMs, negotiate(req.headers["accept-encoding"]));
  if (extname(file) === ".html") res.setHeader("Content-Security-Policy", contentSecurityPolicy(body.toString("utf8")));
  const headers: Record<string, string> = {
    "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    "Cache-Control": cacheControl(file),
    ETag: rep.etag,
    Vary: "Accept-Encoding",
  };
  if (rep.encoding) headers["Content-Encoding"] = rep.encoding;
  if (notModified(req.headers["if-none-match"], rep.etag)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, { ...headers, "Content-Length": String(rep.body.length) });
  res.end(req.method === "HEAD" ? undefined : rep.body);
}

/** Starts serving `root`; resolves once listening. */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const site: Site = {
    root: options.root,
    host: options.host,
    port: options.port,
    representations: new Representations(),
  };
  // Node enforces headersTimeout/requestTimeout only when it checks its connections, every 30 s by default: a client
  // sending a header byte a second held its connection ~40 s (found by the breaker); check every second.
  const server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    // Drop any request body: nothing is ever accepted.
    req.resume();
    handle(site, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal error.\n");
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.maxHeadersCount = 50;
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      site.port = port;
      const hostForUrl = options.host.includes(":") ? `[${options.host}]` : options.host;
      resolvePromise({
        url: `http://${hostForUrl}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Joins the web root for a package root: the page ships in `dist/web`. */
export function webRootOf(packageRoot: string): string {
  return join(packageRoot, "dist", "web");
}
