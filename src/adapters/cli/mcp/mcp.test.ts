/**
 * `aksnet mcp` as an MCP client uses it: the built CLI started over stdio by the official SDK's
 * own client (StdioClientTransport), tools listed with their JSON Schemas, each tool called.
 * Needs `npm run build` first (dist/cli/aksnet.js).
 */
import { join, resolve } from "node:path";
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../../..");

describe("aksnet mcp through the SDK's client", () => {
  const client = new Client({ name: "aksnet-test", version: "1.0.0" });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(ROOT, "dist/cli/aksnet.js"), "mcp"],
    stderr: "pipe",
  });
  const connected = client.connect(transport);
  afterAll(() => client.close());

  type Result = {
    isError?: boolean;
    content: { type: string; text: string }[];
    structuredContent?: Record<string, unknown>;
  };
  const call = async (name: string, args: Record<string, unknown>) => {
    await connected;
    return (await client.callTool({ name, arguments: args })) as Result;
  };

  it("lists the five read-only tools, each with a JSON Schema of its input", async () => {
    await connected;
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["compare", "size", "check", "recommend", "cidr"]);
    for (const t of tools) {
      expect(t.inputSchema.type).toBe("object");
      expect(t.annotations?.readOnlyHint).toBe(true);
    }
    const check = tools.find((t) => t.name === "check")!;
    expect(check.inputSchema.required).toEqual(["plan"]);
    expect(Object.keys(check.inputSchema.properties ?? {})).toContain("failOn");
    const cidr = tools.find((t) => t.name === "cidr")!;
    expect((cidr.inputSchema.properties?.["subcommand"] as { enum: string[] }).enum).toEqual(
      expect.arrayContaining(["info", "split", "merge", "exclude", "overlaps", "free"]),
    );
    const compare = tools.find((t) => t.name === "compare")!;
    expect(Object.keys(compare.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(["subnet", "maxPods"]));
    expect(Object.keys(compare.inputSchema.properties ?? {})).not.toContain("output");
  });

  it("compare: the /22 under each model, as aksnet compare -o json", async () => {
    const r = await call("compare", { subnet: "10.224.0.0/22", maxPods: "30" });
    expect(r.isError).toBeFalsy();
    expect(JSON.parse(r.content[0]!.text)).toMatchObject({});
    expect(r.structuredContent?.["exitCode"]).toBe(0);
  });

  it("check: a plan's findings, exit code 1 as data", async () => {
    const plan = readFileSync(join(ROOT, "examples/plans/subnet-too-small.yaml"), "utf8");
    const r = await call("check", { plan });
    expect(r.isError).toBeFalsy();
    const s = r.structuredContent as { exitCode: number; findings: { ruleId: string }[] };
    expect(s.exitCode).toBe(1);
    expect(s.findings.map((f) => f.ruleId)).toContain("subnet-too-small-for-nodes");
  });

  it("size, recommend and cidr answer", async () => {
    expect((await call("size", { nodes: "50", maxPods: "30" })).isError).toBeFalsy();
    expect((await call("recommend", { nodes: "20", windows: true })).isError).toBeFalsy();
    const info = await call("cidr", { subcommand: "info", cidrs: ["10.224.0.0/24"] });
    expect(info.isError, info.content[0]?.text).toBeFalsy();
    expect(info.content[0]!.text).toContain("10.224.0.0");
  });

  it("bad input is an error result with the CLI's one sentence, and the server goes on", async () => {
    const r = await call("compare", { subnet: "10.224.0.0/33" });
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toMatch(/^aksnet compare: --subnet "10\.224\.0\.0\/33" is not a CIDR prefix/);
    expect((await call("cidr", { subcommand: "info", cidrs: ["10.0.0.0/8"] })).isError).toBeFalsy();
  });
});
