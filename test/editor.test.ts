/**
 * The plan's JSON Schema as an editor uses it: yaml-language-server (the engine of VS Code's YAML
 * extension, JetBrains and Neovim setups) driven over stdio with LSP messages, as an editor drives
 * it: initialize, didOpen of a plan whose modeline names the schema, publishDiagnostics back.
 * Besides: every example plan carries the published schema comment, the schema's $id is that URL,
 * and the schema's CIDR pattern never refuses a prefix the CLI accepts (property test).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { schemaComment, schemaUrl } from "../src/engines/plan/index.js";
import { planJsonSchema } from "../src/engines/schema/index.js";
import { CIDR_PATTERN } from "../src/engines/schema/schema-hints.js";
import { tryParsePrefix } from "../src/ip/index.js";

const ROOT = resolve(import.meta.dirname, "..");
const SCHEMA_FILE = join(ROOT, "schema/aksnet-plan.schema.json");

interface Diagnostic {
  range: { start: { line: number } };
  message: string;
}

/** A yaml-language-server child speaking LSP over stdio. */
class LanguageServer {
  private readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (r: unknown) => void>();
  readonly diagnostics = new Map<string, ((d: Diagnostic[]) => void)[]>();

  constructor() {
    this.child = spawn(
      process.execPath,
      [join(ROOT, "node_modules/yaml-language-server/bin/yaml-language-server"), "--stdio"],
      {
        stdio: ["pipe", "pipe", "ignore"],
      },
    );
    this.child.stdout!.on("data", (chunk: Buffer) => this.read(chunk));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8")) as {
        id?: number;
        method?: string;
        params?: { uri: string; diagnostics: Diagnostic[] };
        result?: unknown;
      };
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (msg.method === "textDocument/publishDiagnostics" && msg.params) {
        const waiters = this.diagnostics.get(msg.params.uri) ?? [];
        this.diagnostics.delete(msg.params.uri);
        for (const w of waiters) w(msg.params.diagnostics);
      } else if (msg.id !== undefined && msg.method !== undefined) {
        // A request from the server (workspace/configuration, client/registerCapability): answer empty.
        this.send({ jsonrpc: "2.0", id: msg.id, result: msg.method === "workspace/configuration" ? [{}] : null });
      } else if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result);
    }
  }

  private send(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), "utf8");
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolveResult) => {
      this.waiting.set(id, resolveResult);
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** Opens a document and resolves with the first diagnostics published for it. */
  open(uri: string, text: string): Promise<Diagnostic[]> {
    const got = new Promise<Diagnostic[]>((r) => this.diagnostics.set(uri, [...(this.diagnostics.get(uri) ?? []), r]));
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return got;
  }

  stop(): void {
    this.child.kill();
  }
}

/** A plan's text with its published schema comment pointed at the schema file of this checkout (no network). */
function local(text: string): string {
  return text.replace(
    schemaComment("aksnet-plan.schema.json"),
    `# yaml-language-server: $schema=${pathToFileURL(SCHEMA_FILE).href}`,
  );
}

describe("the plan schema in yaml-language-server over stdio", () => {
  const server = new LanguageServer();
  afterAll(() => server.stop());
  const ready = (async () => {
    await server.request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      capabilities: { textDocument: { publishDiagnostics: {} } },
    });
    server.notify("initialized", {});
    server.notify("workspace/didChangeConfiguration", {
      settings: { yaml: { validate: true, schemaStore: { enable: false }, schemas: {} } },
    });
  })();

  it("flags count: -3, maxPods: 9999, a bad CIDR and an unknown field as typed, each on its line", async () => {
    await ready;
    const text = [
      schemaComment("aksnet-plan.schema.json"),
      "apiVersion: aksnet/v1",
      "kind: ClusterPlan",
      "network:",
      "  serviceCidrs: [10.0.0.0/33]",
      "nodePools:",
      "  - name: system",
      "    count: -3",
      "    maxPods: 9999",
      "    colour: blue",
      "",
    ].join("\n");
    const diags = await server.open("file:///tmp/aksnet-editor/bad.yaml", local(text));
    const byLine = new Map(diags.map((d) => [d.range.start.line, d.message]));
    expect(byLine.get(4)).toMatch(/pattern/i);
    expect(byLine.get(7)).toMatch(/-3|minimum|0/);
    expect(byLine.get(8)).toMatch(/9999|maximum|250/);
    expect(byLine.get(9)).toMatch(/colour/);
    expect(diags).toHaveLength(4);
  });

  it.each(
    readdirSync(join(ROOT, "examples/plans"))
      .filter((f) => f !== "schema-errors.yaml")
      .map((f) => [f]),
  )("examples/plans/%s has no diagnostics", async (f) => {
    await ready;
    const text = readFileSync(join(ROOT, "examples/plans", f), "utf8");
    expect(await server.open(`file:///tmp/aksnet-editor/${f}`, local(text))).toEqual([]);
  });
});

describe("the published schema comment", () => {
  const planFiles = ["examples/plans", "examples/generate", "examples/layout", "examples/ci"].flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith(".yaml") && f !== "aksnet.config.yaml")
      .map((f) => `${d}/${f}`),
  );
  it.each(planFiles.map((f) => [f]))("%s starts with it", (f) => {
    const text = readFileSync(join(ROOT, f), "utf8");
    const file = /^kind: FleetPlan$/m.test(text) ? "aksnet-fleet.schema.json" : "aksnet-plan.schema.json";
    expect(text.split("\n")[0]).toBe(schemaComment(file));
  });
  it("names the schema's $id", () => {
    expect(planJsonSchema()["$id"]).toBe(schemaUrl("aksnet-plan.schema.json"));
  });
});

describe("the schema's CIDR pattern", () => {
  const pattern = new RegExp(CIDR_PATTERN);
  const v4 = fc
    .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(32))
    .map(([a, b, c, d, n]) => `${a}.${b}.${c}.${d}/${n}`);
  const v6 = fc
    .tuple(fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }), fc.nat(128))
    .map(([g, n]) => `${g.map((x) => x.toString(16)).join(":")}/${n}`);
  it("matches every prefix the CLI reads (IPv4, IPv6, compressed)", () => {
    fc.assert(
      fc.property(fc.oneof(v4, v6), (text) => {
        const p = tryParsePrefix(text);
        expect(p.ok).toBe(true);
        expect(pattern.test(text), text).toBe(true);
        if (p.ok) expect(pattern.test(p.value.toString()), p.value.toString()).toBe(true);
      }),
    );
  });
  it("refuses only text the CLI refuses too", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 24 }), fc.stringMatching(/^[0-9a-f.:/]{1,24}$/)), (text) => {
        if (!pattern.test(text)) expect(tryParsePrefix(text).ok, text).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
