/** The output-format registry: the same names and defaults for every command. */
import { describe, expect, it } from "vitest";
import { commands } from "../commands.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
import { chooseFormat, defineOutput, render, versioned } from "./formats.js";
import { UsageError } from "../errors.js";

const table = () => Promise.resolve({ default: () => "T" });
const text = () => Promise.resolve({ default: () => "X" });

describe("defineOutput and chooseFormat", () => {
  const tabular = defineOutput<number>({
    formatters: { table, markdown: text },
    kind: "TestReport",
    data: (n) => ({ n }),
  });
  const textual = defineOutput<number>({ formatters: { text }, kind: "TestReport", data: (n) => ({ n }) });
  const streamed = defineOutput<number>({ formatters: { table, json: text } });

  it.each([
    { name: "a table command defaults to table", output: tabular, asked: undefined, want: "table" },
    { name: "a text command defaults to text", output: textual, asked: undefined, want: "text" },
    { name: "a text command takes table as text", output: textual, asked: "table", want: "text" },
    { name: "a table command takes text as table", output: tabular, asked: "text", want: "table" },
    { name: "a JSON contract gives json", output: tabular, asked: "json", want: "json" },
    { name: "a JSON contract gives yaml", output: tabular, asked: "yaml", want: "yaml" },
  ])("$name", ({ output, asked, want }) => {
    expect(chooseFormat(output, asked)).toBe(want);
  });

  it.each([
    { name: "an unknown name", output: tabular, asked: "xml", says: "use table, json, yaml or markdown" },
    { name: "no yaml without a JSON contract", output: streamed, asked: "yaml", says: "use table or json" },
    { name: "no sarif unless declared", output: textual, asked: "sarif", says: "use text, json or yaml" },
  ])("$name is a usage error", ({ output, asked, says }) => {
    expect(() => chooseFormat(output, asked)).toThrow(UsageError);
    expect(() => chooseFormat(output, asked)).toThrow(
      `--output "${asked}" is not a format this command writes; ${says}`,
    );
  });

  it("lists formats in one order for every command", () => {
    expect(tabular.names).toEqual(["table", "json", "yaml", "markdown"]);
    expect(textual.names).toEqual(["text", "json", "yaml"]);
  });

  it("renders json and yaml from the JSON contract", async () => {
    expect(await render(tabular, "json", 2n as unknown as number, { color: false })).toBe(
      '{\n  "apiVersion": "aksnet/v1",\n  "kind": "TestReport",\n  "n": "2"\n}\n',
    );
    expect(await render(tabular, "yaml", 3, { color: false })).toBe("apiVersion: aksnet/v1\nkind: TestReport\nn: 3\n");
  });

  it.each([
    {
      name: "without a human format",
      spec: { formatters: {}, kind: "T", data: (n: number) => n },
      says: /human format/,
    },
    { name: "a JSON contract without a kind", spec: { formatters: { table }, data: (n: number) => n }, says: /kind/ },
  ])("refuses an output $name", ({ spec, says }) => {
    expect(() => defineOutput<number>(spec)).toThrow(says);
  });

  it.each([
    { name: "a contract that is not an object", data: [1], says: /not an object/ },
    { name: "a contract naming another kind", data: { kind: "OtherReport" }, says: /says it is OtherReport/ },
  ])("refuses to version $name", ({ data, says }) => {
    expect(() => versioned("TestReport", data)).toThrow(says);
  });
});

describe("every command's -o", () => {
  // serve serves a page, completion prints a shell script, mcp speaks the protocol: no -o.
  const withOutput = commands.filter((c) => !["serve", "completion", "mcp"].includes(c.name));
  it.each(withOutput.map((c) => c.name))("%s writes table or text, json and markdown", async (name) => {
    const argv = name === "cidr" ? ["cidr", "info", "--help"] : [name, "--help"];
    const io = memoryIo();
    expect(await run(argv, io)).toBe(0);
    const option = /-o, --output <format>\s+output format: ([^\n]*(?:\n\s{20,}[^\n-][^\n]*)*)/.exec(io.stdout)?.[1];
    const names = (option ?? "").replace(/\s+/g, " ").replace(" (default)", "").split(", ");
    expect(names[0], `${name}: the default comes first`).toMatch(/^(table|text)$/);
    expect(names).toContain("json");
    expect(names).toContain("markdown");
    expect(io.stdout).toMatch(name === "check" || name === "generate" ? /text \(default\)/ : /table \(default\)/);
  });
});
