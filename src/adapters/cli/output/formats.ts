/**
 * The output formats of every command, in one place. A command states which
 * formats it writes with `defineOutput`: its own formatter modules (one module
 * per format and result kind, loaded only when chosen) and, for the data
 * formats, the function that gives its documented JSON contract. The `-o`
 * option, its choices, its default and its help text all come from here, so
 * every command uses the same names and the same defaults:
 *
 * - `table` is the default; a command whose human output is not tabular (check's
 *   findings, generate's code) names it `text` and takes `table` as `text`;
 * - `json` and `yaml` are the same document, the command's public contract;
 * - `markdown` for pasting into a design document or a pull request;
 * - `sarif` where findings point at lines of input files.
 *
 * Every JSON document a command writes starts with `apiVersion` (OUTPUT_API_VERSION)
 * and `kind` (`<Command>Report`): new fields may be added within a version; a field
 * removed, renamed or given another meaning makes a new version. The JSON Schema of
 * each kind is schema/output/<kind>.schema.json.
 *
 * Adding a data format (one every command gets from its JSON contract) is one
 * entry in `DATA_FORMATS` below; adding a human format to one command is one
 * formatter module and one line in that command's `defineOutput`.
 */
import { Option } from "commander";
import { UsageError } from "../errors.js";
import { renderJson } from "./json.js";

/** Every format name a command may write, with what it is (shown in `--help`). */
export const FORMATS = {
  table: "aligned columns for a terminal",
  text: "plain text",
  json: "the documented JSON contract",
  yaml: "the JSON contract as YAML",
  markdown: "GitHub-flavoured Markdown",
  sarif: "SARIF 2.1.0 for code-scanning tools",
} as const;

export type FormatName = keyof typeof FORMATS;

/** What a formatter gets besides the result. */
export interface RenderContext {
  /** Colour may be used (a terminal, NO_COLOR unset): paint with `output/style.ts`, never raw escape codes. */
  readonly color: boolean;
}

/**
 * Renders a result as one text, or as pieces written one after another (for
 * outputs of a million lines, which never become one string).
 */
export type Formatter<R> = (
  result: R,
  context: RenderContext,
) => string | Iterable<string> | AsyncIterable<string> | Promise<string>;

/** A formatter module: its default export is the formatter. */
export type FormatterLoader<R> = () => Promise<{ readonly default: Formatter<R> }>;

/** The version of every command's JSON output (`apiVersion`), as of the plan file. */
export const OUTPUT_API_VERSION = "aksnet/v1";

/**
 * A JSON document with its version and kind first. A contract that names its own
 * kind (scan's, read back as used space) must name the same one.
 */
export function versioned(kind: string, data: unknown): unknown {
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new Error(`the JSON contract of ${kind} is not an object`);
  const own = (data as Record<string, unknown>)["kind"];
  if (own !== undefined && own !== kind) throw new Error(`the JSON contract of ${kind} says it is ${String(own)}`);
  return { apiVersion: OUTPUT_API_VERSION, kind, ...data };
}

/** The data formats: every command with a JSON contract writes each of them from that contract. */
const DATA_FORMATS: Readonly<Partial<Record<FormatName, (data: unknown) => Promise<string>>>> = {
  json: (data) => Promise.resolve(renderJson(data)),
  // A static import of a package inside a lazily loaded module: the bundle keeps a CommonJS package's named
  // exports for static imports only.
  yaml: async (data) => (await import("./yaml.js")).renderYaml(data),
};

export interface OutputSpec<R> {
  /** The formatter module of each format the command writes itself. */
  readonly formatters: Readonly<Partial<Record<FormatName, FormatterLoader<R>>>>;
  /**
   * The command's JSON contract (documented field by field in docs/). Given,
   * the command also writes every data format (json, yaml) from it.
   * A command that writes its own JSON (streamed) lists `json` in `formatters`.
   */
  readonly data?: (result: R) => unknown | Promise<unknown>;
  /**
   * The `kind` of its JSON documents (`CompareReport`): required with `data`;
   * a command that streams its own JSON writes `apiVersion` and `kind` itself.
   */
  readonly kind?: string;
}

export interface Output<R> extends OutputSpec<R> {
  /** The formats this command writes, in help order. */
  readonly names: readonly FormatName[];
  /** `table`, or `text` for a command without a table. */
  readonly default: FormatName;
}

const ORDER = Object.keys(FORMATS) as FormatName[];

/** Declares the formats a command writes. */
export function defineOutput<R>(spec: OutputSpec<R>): Output<R> {
  if (spec.data !== undefined && spec.kind === undefined)
    throw new Error("an output with a JSON contract needs a kind");
  const own = new Set(Object.keys(spec.formatters) as FormatName[]);
  const names = ORDER.filter((f) => own.has(f) || (spec.data !== undefined && DATA_FORMATS[f] !== undefined));
  if (!names.includes("table") && !names.includes("text"))
    throw new Error("an output needs a human format: a table or a text formatter");
  return { ...spec, names, default: names.includes("table") ? "table" : "text" };
}

/**
 * The format a user asked for, by the shared rules: absent is the default;
 * `table` and `text` stand for each other when a command has only one of them.
 */
export function chooseFormat<R>(output: Output<R>, asked: unknown): FormatName {
  if (asked === undefined) return output.default;
  const name = String(asked);
  if ((output.names as readonly string[]).includes(name)) return name as FormatName;
  if (name === "table" && output.names.includes("text")) return "text";
  if (name === "text" && output.names.includes("table")) return "table";
  throw new UsageError(`--output "${name}" is not a format this command writes; use ${listFormats(output)}`);
}

function listFormats(output: { readonly names: readonly FormatName[] }): string {
  const names = [...output.names];
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]!}`;
}

/** The `-o, --output` option of a command: its formats, its default, checked as it is parsed. */
export function outputOption<R>(output: Output<R>): Option {
  const choices = output.names.map((n) => (n === output.default ? `${n} (default)` : n)).join(", ");
  return new Option("-o, --output <format>", `output format: ${choices}`).argParser((v) => chooseFormat(output, v));
}

/** The text of `result` in `format`: the command's formatter, or the data format of its JSON contract. */
export async function render<R>(
  output: Output<R>,
  format: FormatName,
  result: R,
  context: RenderContext,
): Promise<string | Iterable<string> | AsyncIterable<string>> {
  const own = output.formatters[format];
  if (own) return (await own()).default(result, context);
  const data = DATA_FORMATS[format];
  if (data && output.data) return data(versioned(output.kind!, await output.data(result)));
  throw new Error(`output format ${format} is not declared for this command`);
}
