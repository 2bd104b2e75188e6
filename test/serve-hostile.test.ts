/**
 * `aksnet serve` (the bundled CLI, a child process on 127.0.0.1:0) against a hostile client: raw requests a browser
 * would never send (path traversal, other methods, huge headers and targets, a bad Host, a client that never finishes
 * its headers, many connections at once). Each gets its status and the server stays up: a normal GET after each one
 * still gets the page. Before this file the server was only probed by hand (the breaker).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist", "cli", "aksnet.js");

let child: ChildProcess;
let port = 0;

beforeAll(async () => {
  child = spawn(process.execPath, [BIN, "serve", "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  port = await new Promise<number>((done, fail) => {
    let said = "";
    const look = (b: Buffer) => {
      said += b.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(said);
      if (m) done(Number(m[1]));
    };
    child.stdout?.on("data", look);
    child.stderr?.on("data", look);
    child.once("exit", (code) => fail(new Error(`aksnet serve exited (${code}): ${said}`)));
  });
}, 60_000);

afterAll(() => {
  child.kill();
});

/** Sends `raw` on a new connection; resolves with all the server sent and how long until it closed. */
function send(raw: string | readonly string[], gapMs = 0): Promise<{ text: string; ms: number }> {
  return new Promise((done, fail) => {
    const t0 = Date.now();
    const socket = connect(port, "127.0.0.1");
    let text = "";
    socket.on("data", (b) => (text += b.toString("latin1")));
    socket.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" ? undefined : fail(e)));
    socket.on("close", () => done({ text, ms: Date.now() - t0 }));
    const parts = (typeof raw === "string" ? [raw] : raw).map((p) =>
      p.replaceAll(HOST, `127.0.0.1:${port}`).replaceAll("<port>", String(port)),
    );
    let i = 0;
    const next = () => {
      if (socket.destroyed || i >= parts.length) return;
      socket.write(parts[i++] as string);
      setTimeout(next, gapMs);
    };
    next();
  });
}

/** Stands for the server's own host and port in a request (the port is known once it listens). */
const HOST = "<host>";
const status = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
const get = (target: string, headers = "Host: <host>\r\n") =>
  `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;

/** The server still answers a normal request with the page. */
async function stillUp(): Promise<void> {
  const r = await send(get("/"));
  expect(status(r.text)).toBe(200);
  expect(r.text).toContain("<!doctype html>");
}

describe("aksnet serve against hostile requests: each its status, and the page still served after it", () => {
  it.each([
    { name: "traversal /../", raw: get("/../../../etc/passwd"), status: 404 },
    { name: "encoded traversal %2e%2e", raw: get("/%2e%2e/%2e%2e/etc/passwd"), status: 404 },
    { name: "encoded slash traversal ..%2f", raw: get("/..%2f..%2f..%2fetc%2fpasswd"), status: 404 },
    { name: "backslashes", raw: get("/..\\..\\etc\\passwd"), status: 404 },
    { name: "encoded backslashes %5c", raw: get("/..%5c..%5cetc%5cpasswd"), status: 404 },
    { name: "a NUL byte %00", raw: get("/index.html%00.txt"), status: 404 },
    { name: "a bad percent escape", raw: get("/%E0%A4%A"), status: 404 },
    { name: "a dot-file", raw: get("/.git/config"), status: 404 },
    { name: "an absolute-form target to elsewhere", raw: get("http://evil.example/"), status: 404 },
    {
      name: "POST with a body",
      raw: "POST / HTTP/1.1\r\nHost: <host>\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc",
      status: 405,
    },
    {
      name: "PUT",
      raw: "PUT /index.html HTTP/1.1\r\nHost: <host>\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
      status: 405,
    },
    { name: "DELETE", raw: "DELETE /index.html HTTP/1.1\r\nHost: <host>\r\nConnection: close\r\n\r\n", status: 405 },
    { name: "OPTIONS *", raw: "OPTIONS * HTTP/1.1\r\nHost: <host>\r\nConnection: close\r\n\r\n", status: 405 },
    { name: "a 20 KB header (431)", raw: get("/", `Host: <host>\r\nX-Big: ${"a".repeat(20_000)}\r\n`), status: 431 },
    {
      name: "100 headers (past maxHeadersCount 50: the rest are dropped, still 200)",
      raw: get("/", `Host: <host>\r\n${Array.from({ length: 100 }, (_, i) => `X-${i}: ${i}\r\n`).join("")}`),
      status: 200,
    },
    { name: "a 3,000-character target (414)", raw: get(`/${"a".repeat(3000)}`), status: 414 },
    { name: "a bad Host (421)", raw: get("/", "Host: evil.example\r\n"), status: 421 },
    { name: "a DNS-rebinding Host with the port", raw: get("/", `Host: evil.example:<port>\r\n`), status: 421 },
    {
      name: "no Host at all (HTTP/1.1 requires one: 400)",
      raw: "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
      status: 400,
    },
    { name: "two Host headers (400)", raw: get("/", "Host: <host>\r\nHost: evil.example\r\n"), status: 400 },
    {
      name: "two Host headers, the bad one first",
      raw: get("/", "Host: evil.example\r\nHost: <host>\r\n"),
      status: 400,
    },
    { name: "garbage instead of a request line (400)", raw: "\x16\x03\x01\x02\x00\x01\x00\r\n\r\n", status: 400 },
    {
      name: "a bad Content-Length (400)",
      raw: "GET / HTTP/1.1\r\nHost: <host>\r\nContent-Length: -1\r\n\r\n",
      status: 400,
    },
  ])("$name → $status", async ({ raw, status: want }) => {
    const r = await send(raw);
    expect(status(r.text)).toBe(want);
    expect(r.text).not.toMatch(/root:|\[core\]/);
    await stillUp();
  });

  it("a slowloris client (one header byte a second) is closed by the server within its timeout", async () => {
    const drip = ["GET / HTTP/1.1\r\nHost: <host>\r\n", ...Array.from({ length: 40 }, () => "X")];
    const r = await send(drip, 1000);
    expect(r.ms).toBeLessThan(15_000); // headersTimeout 10 s, checked every second
    expect([0, 408]).toContain(status(r.text));
    await stillUp();
  }, 40_000);

  it("200 parallel connections each get the page, then a normal GET still does", async () => {
    const all = await Promise.all(Array.from({ length: 200 }, () => send(get("/"))));
    expect(all.map((r) => status(r.text))).toEqual(all.map(() => 200));
    await stillUp();
  }, 60_000);

  it("200 idle connections left open do not keep the page from the next client", async () => {
    const idle = Array.from({ length: 200 }, () => connect(port, "127.0.0.1"));
    try {
      await new Promise((done) => setTimeout(done, 200));
      await stillUp();
    } finally {
      idle.forEach((s) => s.destroy());
    }
  }, 30_000);
});
