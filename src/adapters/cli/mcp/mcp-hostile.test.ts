/**
 * `aksnet mcp` under hostile JSON-RPC frames over stdio (found by the breaker's fuzz round): each frame gets a
 * JSON-RPC error or a tool error, within a bound, and the server goes on answering. Raw newline-delimited frames,
 * as a client that does not use the SDK writes them. Needs `npm run build` first (dist/cli/aksnet.js).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../../..");

interface Answer {
  id?: unknown;
  result?: { isError?: boolean; content?: { text: string }[]; structuredContent?: Record<string, unknown> };
  error?: { code: number; message: string };
}

/** The server, its answers by id, and a way to wait for one. */
class Session {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = "";
  private readonly answers: Answer[] = [];
  private readonly waiting = new Set<() => void>();

  constructor() {
    this.child = spawn(process.execPath, [join(ROOT, "dist/cli/aksnet.js"), "mcp"], { stdio: "pipe" });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (s: string) => {
      this.buffer += s;
      let i: number;
      while ((i = this.buffer.indexOf("\n")) >= 0) {
        this.answers.push(JSON.parse(this.buffer.slice(0, i)) as Answer);
        this.buffer = this.buffer.slice(i + 1);
      }
      for (const w of this.waiting) w();
    });
  }

  send(frame: string): void {
    this.child.stdin.write(frame.endsWith("\n") ? frame : `${frame}\n`);
  }

  request(id: unknown, method: string, params: unknown = {}): void {
    this.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
  }

  /** The answers with id null so far (errors for frames that could not be read). */
  nulls(): number {
    return this.answers.filter((x) => x.id === null).length;
  }

  /** The answer whose id is `id` (for id null: the `nth` such answer), waited for at most `ms`. */
  answer(id: unknown, ms = 15_000, nth = 0): Promise<Answer> {
    return new Promise((done, fail) => {
      const look = () => {
        const a = this.answers.filter((x) => x.id === id)[nth];
        if (!a) return false;
        this.waiting.delete(check);
        clearTimeout(timer);
        done(a);
        return true;
      };
      const check = () => void look();
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        fail(new Error(`no answer to id ${String(id).slice(0, 40)} within ${ms} ms`));
      }, ms);
      if (!look()) this.waiting.add(check);
    });
  }

  call(id: unknown, name: string, args: Record<string, unknown>): Promise<Answer> {
    this.request(id, "tools/call", { name, arguments: args });
    return this.answer(id);
  }
}

describe("aksnet mcp under hostile frames", () => {
  let s: Session;
  const dir = mkdtempSync(join(tmpdir(), "aksnet-mcp-"));
  const fifo = join(dir, "fifo");

  beforeAll(async () => {
    spawnSync("mkfifo", [fifo]);
    s = new Session();
    s.request(0, "initialize", {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "breaker", version: "1" },
    });
    expect((await s.answer(0)).result).toBeDefined();
    s.send(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
  });

  afterAll(() => {
    s.child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  let next = 1000;
  /** A call that must succeed: the server still answers, under a fresh id. */
  const ok = async () => {
    const a = await s.call(next++, "cidr", { subcommand: "info", cidrs: ["10.0.0.0/24"] });
    expect(a.result?.isError, JSON.stringify(a)).toBeFalsy();
  };

  it.each([
    { name: "an unknown method", id: 1 },
    { name: "a 100,000-character id", id: "i".repeat(100_000) },
  ])("$name: a JSON-RPC error under its id, and the server goes on", async ({ id }) => {
    s.request(id, "no/such-method");
    expect((await s.answer(id)).error?.code).toBe(-32601);
    await ok();
  });

  it.each([
    { name: "not JSON", frame: "{not json", code: -32700 },
    { name: "JSON, not JSON-RPC", frame: "[1, 2, 3]", code: -32600 },
    { name: "a number id past 2^53", frame: '{"jsonrpc":"2.0","id":1e308,"method":"ping"}', code: -32600 },
    { name: "binary bytes", frame: "\u0000\u0001\u00ff\ufffe", code: -32700 },
    {
      name: "a 12 MiB frame (past the SDK's 10 MiB buffer, which closed the server)",
      frame: `{"jsonrpc":"2.0","id":"big","method":"ping","params":{"x":"${"x".repeat(12 * 1048576)}"}}`,
      code: -32600,
    },
  ])("$name: a JSON-RPC error with id null ($code), and the server goes on", async ({ frame, code }) => {
    const nth = s.nulls();
    s.send(frame);
    expect((await s.answer(null, 15_000, nth)).error?.code).toBe(code);
    await ok();
  });

  it.each([
    { name: "a CRLF frame with a BOM", frame: '\ufeff{"jsonrpc":"2.0","id":"bom","method":"ping"}\r' },
    {
      name: "params nested 100,000 deep",
      frame: `{"jsonrpc":"2.0","id":"deep","method":"tools/call","params":${"[".repeat(1e5)}${"]".repeat(1e5)}}`,
    },
  ])("$name: the server goes on", async ({ frame }) => {
    s.send(frame);
    await ok();
  });

  it("a tool call with unknown arguments is an error result", async () => {
    const a = await s.call(300, "cidr", { subcommand: "nope", cidrs: { __proto__: { x: 1 } } });
    expect(a.error ?? a.result?.isError).toBeTruthy();
    await ok();
  });

  it("20 calls at once: each answered under its own id", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => 400 + i);
    const answers = await Promise.all(
      ids.map((id, i) => s.call(id, "cidr", { subcommand: "info", cidrs: [`10.${i}.0.0/16`] })),
    );
    answers.forEach((a, i) => expect(a.result?.content?.[0]?.text).toContain(`10.${i}.0.0`));
  });

  it.each([
    { name: "cidr -f", args: { subcommand: "merge", file: "FIFO" } },
    { name: "cidr overlaps --against", args: { subcommand: "overlaps", cidrs: ["10.0.0.0/8"], against: "FIFO" } },
    { name: "cidr -f /dev/zero", args: { subcommand: "merge", file: "/dev/zero" } },
  ])("$name: a FIFO without a writer or a device is refused at once, the server goes on", async ({ args }) => {
    const given = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v === "FIFO" ? fifo : v]));
    const a = await s.call(`fifo-${args.subcommand}-${String(given["file"] ?? given["against"])}`, "cidr", given);
    expect(a.result?.isError).toBe(true);
    expect(a.result?.content?.[0]?.text).toMatch(/cannot read .*: it (is not a regular file|is a device)/);
    await ok();
  });
});
