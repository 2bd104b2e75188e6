/**
 * The MCP tools' argument building, in memory (mcp.test.ts drives the built server through the SDK). A tool's
 * values come from a model, not a person: none of them may turn into an option of the command (found by the
 * breaker: cidrs ["--help"] printed help, and the tool threw on it as not JSON).
 */
import { describe, expect, it } from "vitest";
import { callTool, toolSpecs, type ToolSpec } from "./tools.js";

const specs = await toolSpecs();
const spec = (name: string): ToolSpec => specs.find((s) => s.name === name)!;

describe("mcp tools: values stay values", () => {
  it.each([
    {
      name: "a CIDR that is an option name",
      tool: "cidr",
      input: { subcommand: "info", cidrs: ["--help"] },
      text: /^aksnet cidr: argument 1: "--help" is not a valid CIDR prefix/,
    },
    {
      name: "a CIDR that asks to read a file",
      tool: "cidr",
      input: { subcommand: "merge", cidrs: ["-f", "/etc/hostname"] },
      text: /^aksnet cidr: argument 1: "-f" is not a valid CIDR prefix/,
    },
    {
      name: "an item of a list option that is an option name",
      tool: "cidr",
      input: { subcommand: "exclude", cidrs: ["10.0.0.0/16"], remove: ["--help"] },
      text: /^aksnet cidr: --remove value 1: "--help" is not a valid CIDR prefix/,
    },
  ])("$name is refused as a value, in one sentence", async ({ tool, input, text }) => {
    const r = await callTool(spec(tool), input);
    expect(r).toMatchObject({ isError: true, exitCode: 2 });
    expect(r.text).toMatch(text);
  });

  it.each([
    {
      name: "CIDRs and a list option together",
      input: { subcommand: "exclude", cidrs: ["10.0.0.0/16"], remove: ["10.0.1.0/24", "10.0.2.0/24"] },
    },
  ])("$name still work", async ({ input }) => {
    const r = await callTool(spec("cidr"), input);
    expect(r.isError).toBe(false);
    expect(r.text).toContain("10.0.3.0/24");
    expect(r.text).not.toContain("10.0.1.0/24");
  });
});
