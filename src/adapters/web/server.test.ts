import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  resolveRequestPath,
  startServer,
  type RunningServer,
} from "./server.js";

const root = mkdtempSync(join(tmpdir(), "aksnet-web-"));
writeFileSync(join(root, "index.html"), "<!doctype html><title>t</title>");
writeFileSync(join(root, "app.js"), "export {};");
const STYLE = "body { margin: 0 }\n.x::after { content: '\\2192' }\n";
writeFileSync(join(root, "styled.html"), `<!doctype html><style>${STYLE}</style><title>t</title>`);
const BIG = `export const text = ${JSON.stringify("aksnet ".repeat(2000))};\n`;
writeFileSync(join(root, "app-0123abcd.js"), BIG);
writeFileSync(join(root, ".secret"), "no");
mkdirSync(join(root, "sub"));

describe("resolveRequestPath", () => {
  const cases: { name: string; target: string; file: string | undefined }[] = [
    { name: "root is index.html", target: "/", file: "index.html" },
    { name: "a file", target: "/app.js", file: "app.js" },
    { name: "query ignored", target: "/app.js?x=1", file: "app.js" },
    { name: "directory gets its index", target: "/sub/", file: join("sub", "index.html") },
    { name: "dot-dot refused", target: "/../etc/passwd", file: undefined },
    { name: "encoded dot-dot refused", target: "/%2e%2e/etc/passwd", file: undefined },
    { name: "encoded slash dot-dot refused", target: "/sub%2f..%2f..%2fx", file: undefined },
    { name: "dot-file refused", target: "/.secret", file: undefined },
    { name: "backslash refused", target: "/..\\x", file: undefined },
    { name: "NUL refused", target: "/app.js%00", file: undefined },
    { name: "bad percent-encoding refused", target: "/%E0%A4%A", file: undefined },
    { name: "a precompressed sibling by name refused", target: "/app.js.br", file: undefined },
    { name: "absolute-form refused", target: "http://example.com/", file: undefined },
    { name: "too long refused", target: `/${"a".repeat(3000)}`, file: undefined },
  ];
  it.each(cases)("$name", ({ target, file }) => {
    expect(resolveRequestPath(root, target)).toBe(file === undefined ? undefined : join(root, file));
  });
});

describe("resolveRequestPath for any request target", () => {
  it("never throws and never leaves the root", () => {
    const segment = fc.constantFrom(
      "..",
      ".",
      "%2e%2e",
      "%2E.",
      "a",
      "index.html",
      "%2f",
      "%5c",
      "%00",
      "",
      "sub",
      "%",
      "..%2f..",
    );
    const target = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(segment, { maxLength: 8 }).map((xs) => `/${xs.join("/")}`),
    );
    fc.assert(
      fc.property(target, (t) => {
        const file = resolveRequestPath(root, t);
        if (file !== undefined) expect(file.startsWith(root + "/")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

function fetchRaw(
  url: string,
  method = "GET",
  path = "/",
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string; raw: Buffer }> {
  return new Promise((done, fail) => {
    const req = request(new URL(path, url), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        done({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString(), raw });
      });
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the static server on 127.0.0.1", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ root, host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  const cases: { name: string; method: string; path: string; status: number; type?: RegExp }[] = [
    { name: "page", method: "GET", path: "/", status: 200, type: /^text\/html/ },
    { name: "script", method: "GET", path: "/app.js", status: 200, type: /^text\/javascript/ },
    { name: "HEAD", method: "HEAD", path: "/app.js", status: 200, type: /^text\/javascript/ },
    { name: "missing", method: "GET", path: "/nope.js", status: 404 },
    { name: "directory without index", method: "GET", path: "/sub/", status: 404 },
    { name: "traversal", method: "GET", path: "/%2e%2e/%2e%2e/etc/passwd", status: 404 },
    { name: "POST refused", method: "POST", path: "/", status: 405 },
    { name: "PUT refused", method: "PUT", path: "/app.js", status: 405 },
  ];
  it.each(cases)("$name → $status with the security headers", async ({ method, path, status, type }) => {
    const res = await fetchRaw(server.url, method, path);
    expect(res.status).toBe(status);
    expect(res.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["cross-origin-resource-policy"]).toBe("same-origin");
    // Left out on purpose: a new window's first navigation to the page would switch process (SECURITY_HEADERS).
    expect(res.headers["cross-origin-opener-policy"]).toBeUndefined();
    if (type) expect(res.headers["content-type"]).toMatch(type);
  });

  it("the policy allows nothing inline and nothing from elsewhere", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
  });

  it("allows a page's own inline stylesheet by its SHA-256 hash, and nothing else inline", async () => {
    const hash = `'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`;
    const res = await fetchRaw(server.url, "GET", "/styled.html");
    expect(res.headers["content-security-policy"]).toBe(
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${hash}`),
    );
    expect(contentSecurityPolicy("<p style='x'>no stylesheet</p>")).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy(`<style>a{}</style><style>b{}</style>`)).toMatch(
      /style-src 'self' 'sha256-[\w+/]+=' 'sha256-[\w+/]+=';/,
    );
    expect(res.headers["content-security-policy"]).not.toContain("unsafe-inline");
  });

  it("answers a Host that is not a loopback name or the bound address with 421 and one sentence", async () => {
    const port = new URL(server.url).port;
    const evil = await fetchRaw(server.url, "GET", "/", { Host: `evil.example:${port}` });
    expect(evil.status).toBe(421);
    expect(evil.body).toBe(
      "This server answers only to localhost, 127.0.0.1, [::1] or the address it was started on: " +
        `open http://127.0.0.1:${port}/.\n`,
    );
    expect((await fetchRaw(server.url, "GET", "/", { Host: `localhost:${port}` })).status).toBe(200);
  });

  it.each([
    { accept: "gzip, deflate, br", encoding: "br", decode: brotliDecompressSync },
    { accept: "gzip", encoding: "gzip", decode: gunzipSync },
  ])("sends $encoding to a browser that accepts '$accept', with the same bytes inside", async (c) => {
    const res = await fetchRaw(server.url, "GET", "/app-0123abcd.js", { "Accept-Encoding": c.accept });
    expect(res.headers["content-encoding"]).toBe(c.encoding);
    expect(res.headers["vary"]).toBe("Accept-Encoding");
    expect(res.raw.length).toBeLessThan(BIG.length / 10);
    expect(c.decode(res.raw).toString()).toBe(BIG);
  });

  it("sends small files and clients without Accept-Encoding the identity", async () => {
    expect((await fetchRaw(server.url, "GET", "/app-0123abcd.js")).body).toBe(BIG);
    expect(
      (await fetchRaw(server.url, "GET", "/app.js", { "Accept-Encoding": "br" })).headers["content-encoding"],
    ).toBe(undefined);
  });

  it("keeps content-addressed files a year and revalidates the page with its entity tag (304)", async () => {
    const js = await fetchRaw(server.url, "GET", "/app-0123abcd.js", { "Accept-Encoding": "br" });
    expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const page = await fetchRaw(server.url, "GET", "/");
    expect(page.headers["cache-control"]).toBe("no-cache");
    const etag = String(page.headers["etag"]);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetchRaw(server.url, "GET", "/", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  });

  it("listens on 127.0.0.1 with the port it was given (0 = any free port)", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });
});
