/**
 * Test helper: reads a generated az script back into commands and their flags,
 * the way bash would split them (single quotes literal, "$VAR" expanded from the
 * script's own assignments, `\` line continuations joined), and the way az's
 * argument parser reads them (`--flag=value` is one flag with its value, even a
 * value starting with `-`; `--flag a b` is a flag with a list).
 */
export interface AzCommand {
  readonly words: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

function splitWords(line: string, vars: Map<string, string>): string[] {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? "";
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      cur += line.slice(i + 1, end).replace(/\$([A-Z_][A-Z0-9_]*)/g, (_m, v: string) => vars.get(v) ?? `<${v}>`);
      i = end;
      inWord = true;
    } else if (c === " ") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else if (c === "\\" && line[i + 1] === "'") {
      cur += "'";
      i++;
      inWord = true;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** One `az …` command line read into its command words and flags. */
function readCommand(text: string, vars: Map<string, string>): AzCommand {
  const words = splitWords(text, vars);
  const flags = new Map<string, string | true>();
  const head: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    const eq = w.indexOf("=");
    if (w.startsWith("--") && eq > 0) {
      flags.set(w.slice(0, eq), w.slice(eq + 1));
      continue;
    }
    if (w.startsWith("--")) {
      const next = words[i + 1];
      if (next === undefined || next.startsWith("--")) flags.set(w, true);
      else {
        const values = [next];
        while (words[i + 2] !== undefined && !(words[i + 2] ?? "").startsWith("--")) values.push(words[++i + 1] ?? "");
        flags.set(w, values.join(" "));
        i++;
      }
    } else if (flags.size === 0) head.push(w);
  }
  return { words: head, flags };
}

/**
 * The `az …` commands inside the line's command substitutions (`"$(az group exists …)"`, `X="$(az … show …)"`):
 * from `$(az ` to its closing parenthesis, parentheses inside single quotes (a --query) not counted.
 */
export function substitutedCommands(line: string): string[] {
  const out: string[] = [];
  for (let at = line.indexOf("$(az "); at >= 0; at = line.indexOf("$(az ", at + 2)) {
    let depth = 0;
    let quoted = false;
    for (let i = at + 1; i < line.length; i++) {
      const c = line[i];
      if (c === "'") quoted = !quoted;
      else if (!quoted && c === "(") depth++;
      else if (!quoted && c === ")" && --depth === 0) {
        out.push(line.slice(at + 2, i));
        break;
      }
    }
  }
  return out;
}

/** The `az …` commands of a script, in order: whole lines, then those in a line's command substitutions. */
export function azCommands(script: string): AzCommand[] {
  const vars = new Map<string, string>();
  const joined = script.replace(/ \\\n\s*/g, " ");
  const out: AzCommand[] = [];
  for (const line of joined.split("\n")) {
    for (const sub of substitutedCommands(line)) out.push(readCommand(sub, vars));
    const assign = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (assign) {
      const [, name = "", rhs = ""] = assign;
      vars.set(name, rhs.startsWith('"$(') || rhs.startsWith('"${') ? `<${name}>` : (splitWords(rhs, vars)[0] ?? ""));
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith("az ")) out.push(readCommand(trimmed, vars));
  }
  return out;
}
