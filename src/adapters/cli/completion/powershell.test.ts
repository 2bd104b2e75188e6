/**
 * `aksnet completion powershell` without PowerShell: neither Debian nor npm ships `pwsh` (npm's `pwsh` package
 * downloads it from GitHub at install time, which this project's machines cannot), so the script is parsed with
 * the tree-sitter PowerShell grammar (tree-sitter-powershell, run by web-tree-sitter: WebAssembly, no native
 * build) and its structure checked: no syntax error, no duplicate key in a hash literal (PowerShell refuses
 * those when the script runs), every variable assigned before use, only built-in cmdlets, and tables that match
 * the command registry. What this cannot show is a TAB press completing in a real shell, as the bash, zsh and
 * fish tests do.
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { Language, Parser, type Node } from "web-tree-sitter";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
import { completionSpec } from "./spec.js";

let parser: Parser;
let text: string;

beforeAll(async () => {
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve("tree-sitter-powershell/tree-sitter-powershell.wasm");
  parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
  const io = memoryIo();
  expect(await run(["completion", "powershell"], io)).toBe(0);
  text = io.stdout;
});

const parse = (source: string): Node => parser.parse(source)!.rootNode;
const all = (n: Node, type: string): Node[] => n.descendantsOfType(type).filter((x): x is Node => x !== null);

/** A hash literal's keys, as text without quotes. */
function keysOf(hash: Node): string[] {
  return all(hash, "hash_entry")
    .filter((e) => e.parent?.parent?.id === hash.id)
    .map((e) => e.namedChildren[0]!.text.replace(/^'(.*)'$/, "$1"));
}

/** The hash literal assigned to `$name`. */
function table(root: Node, name: string): Node {
  const assignment = all(root, "assignment_expression").find((a) => a.namedChildren[0]?.text === `$${name}`);
  const hash = assignment && all(assignment, "hash_literal_expression")[0];
  if (!hash) throw new Error(`no $${name} = @{ … } in the script`);
  return hash;
}

describe("aksnet completion powershell, parsed with the PowerShell grammar", () => {
  it("parses without a syntax error; the same script cut short does not (the check can fail)", () => {
    expect(parse(text).hasError).toBe(false);
    expect(parse(text.replace(/\}\s*$/, "")).hasError).toBe(true);
    expect(parse(text.replace("$values = @{", "$values = @{ 'x' = @(")).hasError).toBe(true);
  });

  it("has no duplicate key in a hash literal (PowerShell refuses one when the script runs)", () => {
    const hashes = all(parse(text), "hash_literal_expression");
    expect(hashes.length).toBe(2);
    for (const h of hashes) {
      const keys = keysOf(h);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    }
  });

  it("reads only variables it was given or assigned, and calls only built-in cmdlets", () => {
    const root = parse(text);
    const given = ["$_", "$wordToComplete", "$commandAst", "$cursorPosition"];
    const assigned = all(root, "assignment_expression").map((a) => a.namedChildren[0]!.text);
    const read = new Set(all(root, "variable").map((v) => v.text));
    expect(read).toContain("$wordToComplete");
    expect([...read].filter((v) => !given.includes(v) && !assigned.includes(v))).toEqual([]);
    const cmdlets = new Set(all(root, "command_name").map((c) => c.text));
    expect([...cmdlets].sort()).toEqual([
      "ForEach-Object",
      "Register-ArgumentCompleter",
      "Select-Object",
      "Where-Object",
    ]);
  });

  it("its tables match the command registry: words per command and subcommand, values per option", async () => {
    const root = parse(text);
    const specs = await completionSpec();
    const words = keysOf(table(root, "words"));
    expect(words).toEqual(specs.flatMap((s) => [s.name, ...s.subcommands.map((c) => `${s.name} ${c.name}`)]));
    const values = keysOf(table(root, "values"));
    const expected = specs.flatMap((s) =>
      [s, ...s.subcommands].flatMap((c) =>
        c.options.filter((o) => o.values.length > 0).flatMap((o) => o.names.map((n) => `${s.name}|${n}`)),
      ),
    );
    expect(new Set(values)).toEqual(new Set(expected));
  });
});
