/** Finds and runs the `$ aksnet …` examples of a Markdown page (see docs.test.ts). */
import { run } from "../src/adapters/cli/main.js";
import { memoryIo } from "../src/adapters/cli/io.js";

export interface DocExample {
  readonly command: string;
  readonly argv: string[];
  readonly expected: string;
  readonly exit: number;
  /** `stderr` on the opening fence: the block shows standard error (an error sentence), standard output stays empty. */
  readonly stream: "stdout" | "stderr";
  /** Offset of the expected output in the page, for rewriting. */
  readonly start: number;
  readonly end: number;
}

/** Splits a command line like a POSIX shell would for simple cases: spaces, single and double quotes. */
export function shellSplit(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote: string | undefined;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
    } else if (ch === " ") {
      if (has || cur) out.push(cur);
      cur = "";
      has = false;
    } else cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
}

export function docExamples(markdown: string): DocExample[] {
  const out: DocExample[] = [];
  const re = /^```console([^\n]*)\n\$ (aksnet [^\n]*)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(re)) {
    const info = m[1] ?? "";
    const command = m[2] ?? "";
    const exit = Number(/exit=(\d+)/.exec(info)?.[1] ?? 0);
    const stream = /\bstderr\b/.test(info) ? "stderr" : "stdout";
    const start = (m.index ?? 0) + m[0].indexOf("\n", m[0].indexOf("\n") + 1) + 1;
    out.push({
      command,
      argv: shellSplit(command).slice(1),
      expected: m[3] ?? "",
      exit,
      stream,
      start,
      end: start + (m[3] ?? "").length,
    });
  }
  return out;
}

export async function runExample(
  ex: DocExample,
  cwd: string,
): Promise<{ stdout: string; stderr: string; code: number }> {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd, isTTY: false });
  const code = await run(ex.argv, io);
  return { stdout: io.stdout, stderr: io.stderr, code };
}

/**
 * The `--out-dir` examples: a plain fenced block (no info string) whose first line is `$ aksnet … --out-dir DIR`
 * and whose rest is what the command prints on standard error (the files it wrote).
 */
export function outDirExamples(markdown: string): { command: string; argv: string[]; expected: string }[] {
  const re = /^```\n\$ (aksnet [^\n]* --out-dir [^\n]*)\n([\s\S]*?)^```$/gm;
  return [...markdown.matchAll(re)].map((m) => ({
    command: m[1] ?? "",
    argv: shellSplit(m[1] ?? "").slice(1),
    expected: m[2] ?? "",
  }));
}
