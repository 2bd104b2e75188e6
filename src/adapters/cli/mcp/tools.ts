/**
 * The MCP tools: compare, size, check, recommend and cidr, each the CLI
 * command run with `-o json` in memory. A tool's input JSON Schema is made
 * from the command's own options (commander's registry), so the tool takes
 * exactly what the command takes; options that write files are left out
 * (the tools only read). The result is the command's documented JSON contract.
 */
import { Command, type Option } from "commander";
import { z } from "zod";
import { commands } from "../commands.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

/** The commands served as tools, and what each adds to the command's options. */
export const TOOL_COMMANDS = ["compare", "size", "check", "recommend", "cidr"] as const;

/** Options a tool does not take: output is always JSON, files are never written, help is for humans. */
const LEFT_OUT = new Set(["--output", "--help", "--emit-plan", "--write", "--pools", "--config", "--baseline"]);

const camel = (long: string) => long.replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function optionSchema(o: Option): z.ZodType {
  const described = (s: z.ZodType) => s.optional().describe(o.description);
  if (!(o.required || o.optional)) return described(z.boolean());
  if (o.argChoices) return described(z.enum(o.argChoices as [string, ...string[]]));
  if (o.variadic) return described(z.array(z.string()));
  return described(z.string());
}

export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  readonly shape: Record<string, z.ZodType>;
  /** The CLI arguments for a call's input (and the standard input text). */
  argv(input: Record<string, unknown>): { argv: string[]; stdin?: string };
}

function flagArgs(options: readonly Option[], input: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const o of options) {
    const v = input[camel(o.long!)];
    if (v === undefined || v === false) continue;
    if (v === true) out.push(o.long!);
    // --opt=value for each item: an item such as "--help" or "--write=x" stays a value, never an option.
    else if (Array.isArray(v)) for (const x of v) out.push(`${o.long!}=${String(x)}`);
    else out.push(`${o.long!}=${String(v)}`);
  }
  return out;
}

/** The tools, from the registry. */
export async function toolSpecs(): Promise<ToolSpec[]> {
  const specs: ToolSpec[] = [];
  for (const name of TOOL_COMMANDS) {
    const entry = commands.find((c) => c.name === name)!;
    const def = (await entry.load()).default;
    const cmd = new Command(name);
    def.configure(cmd);
    def.subcommands?.(cmd);
    specs.push(name === "cidr" ? cidrSpec(cmd, entry.summary) : commandSpec(name, cmd, entry.summary));
  }
  return specs;
}

/** `cidr`: one tool, its subcommand a parameter, taking the options of every subcommand. */
function cidrSpec(cmd: Command, summary: string): ToolSpec {
  const subs = cmd.commands.map((c) => ({
    name: c.name(),
    options: c.options.filter((o) => o.long && !LEFT_OUT.has(o.long)),
  }));
  const all = new Map<string, Option>();
  for (const s of subs) for (const o of s.options) all.set(o.long!, o);
  return {
    name: "cidr",
    description:
      `${summary}. Subcommands: ` + `${cmd.commands.map((c) => `${c.name()} (${c.description()})`).join("; ")}.`,
    shape: {
      subcommand: z.enum(subs.map((s) => s.name) as [string, ...string[]]).describe("which tool of the IP toolbox"),
      cidrs: z
        .array(z.string())
        .optional()
        .describe('the CIDRs or addresses the subcommand takes, e.g. ["10.224.0.0/16"]'),
      ...Object.fromEntries([...all.values()].map((o) => [camel(o.long!), optionSchema(o)])),
    },
    argv: (input) => {
      const sub = subs.find((s) => s.name === input["subcommand"])!;
      return {
        // The CIDRs after --: a "CIDR" such as "--help" or "-f /etc/x" is refused as a CIDR, not taken as an option.
        argv: [
          "cidr",
          sub.name,
          ...flagArgs(sub.options, input),
          "-o",
          "json",
          "--",
          ...((input["cidrs"] as string[] | undefined) ?? []),
        ],
      };
    },
  };
}

/** Any other command: its options as parameters (`check` takes the plan text too). */
function commandSpec(name: string, cmd: Command, summary: string): ToolSpec {
  const options = cmd.options.filter((o) => o.long && !LEFT_OUT.has(o.long));
  const shape: Record<string, z.ZodType> = Object.fromEntries(options.map((o) => [camel(o.long!), optionSchema(o)]));
  if (name === "check")
    shape["plan"] = z
      .string()
      .min(1)
      .describe(
        "the plan to check: an aksnet plan (YAML or JSON), az aks show -o json, ARM or terraform show -json text",
      );
  return {
    name,
    description: `${summary}. Returns the JSON contract of aksnet ${name} -o json (docs/${name}.md).`,
    shape,
    argv: (input) => ({
      argv: [name, ...(name === "check" ? ["-"] : []), ...flagArgs(options, input), "-o", "json"],
      ...(name === "check" ? { stdin: String(input["plan"]) } : {}),
    }),
  };
}

export interface ToolResult {
  readonly isError: boolean;
  readonly text: string;
  readonly json?: Record<string, unknown>;
  readonly exitCode: number;
}

/** Runs a tool call through the CLI in memory: exit 0 or 1 is a result (1: findings), 2 an error sentence. */
export async function callTool(spec: ToolSpec, input: Record<string, unknown>): Promise<ToolResult> {
  const { argv, stdin } = spec.argv(input);
  const io = memoryIo({ env: { NO_COLOR: "1" }, ...(stdin !== undefined ? { stdin } : {}) });
  const exitCode = await run(argv, io);
  if (exitCode === 2) return { isError: true, text: io.stderr.trim(), exitCode };
  let json: unknown;
  try {
    json = JSON.parse(io.stdout);
  } catch {
    return {
      isError: true,
      text: `aksnet ${spec.name}: the command did not answer with JSON (a bug in aksnet).`,
      exitCode,
    };
  }
  return {
    isError: false,
    text: io.stdout,
    exitCode,
    ...(json !== null && typeof json === "object" && !Array.isArray(json)
      ? { json: json as Record<string, unknown> }
      : {}),
  };
}
