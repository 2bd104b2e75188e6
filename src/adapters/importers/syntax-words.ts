/**
 * Syntax errors in plain words: what the `yaml` package and `JSON.parse` report,
 * turned into one clause a user can act on, never the libraries' own wording
 * ("please use YAML.parseAllDocuments()"). Also the encodings aksnet cannot
 * read: text that decodes with NUL characters is UTF-16 (what Windows
 * PowerShell 5.1 writes with `>`) or not text at all.
 */
import type { ErrorCode } from "yaml";

const YAML_WORDS: Partial<Record<ErrorCode, string>> = {
  MULTIPLE_DOCS: "it holds several YAML documents (separated by ---), and aksnet reads one plan a file",
  DUPLICATE_KEY: "a key appears twice in the same mapping",
  TAB_AS_INDENT: "a tab indents this line; YAML indents with spaces",
  BAD_INDENT: "the indentation does not line up with the lines around it",
  MISSING_CHAR: "something opened here is not closed (a quote, ] or })",
  UNEXPECTED_TOKEN: "unexpected text here",
  BLOCK_AS_IMPLICIT_KEY: "a value holds another key: value on the same line, or a line is indented too far",
  MULTILINE_IMPLICIT_KEY: "a key runs over several lines (is a colon missing after it?)",
  BAD_DQ_ESCAPE: "a backslash escape in a double-quoted string is not valid",
  KEY_OVER_1024_CHARS: "a key is longer than 1,024 characters",
  BAD_SCALAR_START: "a value starts with a character YAML reserves (put it in quotes)",
  BAD_ALIAS: "an alias (*name) refers to no anchor (&name)",
  RESOURCE_EXHAUSTION: "its aliases expand too far (more than 100)",
  BLOCK_IN_FLOW: "a block value sits inside [ ] or { }",
  MULTIPLE_ANCHORS: "a node has two anchors",
  MULTIPLE_TAGS: "a node has two tags",
  TAG_RESOLVE_FAILED: "a tag (!name) aksnet does not know",
  BAD_DIRECTIVE: "a % directive aksnet does not know",
};

/** What to do about a YAML error: split a multi-document file, fix anything else. */
export function yamlFix(code: ErrorCode): string {
  return code === "MULTIPLE_DOCS" ? "put each plan in its own file" : "fix it and run again";
}

/** The `yaml` package's error as one clause. */
export function yamlWords(code: ErrorCode, message: string): string {
  // "Flow map in block collection must be sufficiently indented and end with a }": mostly a missing } or ].
  const unclosed = /end with a ([}\]])/.exec(message);
  if (code === "BAD_INDENT" && unclosed)
    return `a ${unclosed[1] === "}" ? "{" : "["} is not closed with ${unclosed[1]}`;
  // The yaml package reports a stack overflow on deep nesting as RESOURCE_EXHAUSTION too: no alias is involved.
  if (code === "RESOURCE_EXHAUSTION" && /call stack/i.test(message)) return TOO_DEEP;
  return (
    YAML_WORDS[code] ??
    message
      .split("\n")[0]!
      .replace(/ at line \d+, column \d+.*$/, "")
      .replace(/[.:]\s*$/, "")
      .toLowerCase()
  );
}

const JSON_WORDS: readonly [RegExp, string][] = [
  [
    /Unexpected end of JSON input/,
    "the text ends before the document is complete (a } or ] is missing, or the file was cut short)",
  ],
  [/Expected ',' or '}' after property value/, "expected , or } after a value"],
  [/Expected ',' or ']' after array element/, "expected , or ] after a list item"],
  [/Expected (double-quoted )?property name/, "expected a field name in double quotes (a trailing comma?)"],
  [/Expected ':' after property name/, "expected : after a field name"],
  [/Bad control character in string literal/, "a control character (a tab or a line break) inside a string"],
  [/Bad (escaped character|Unicode escape)/, "a backslash escape in a string is not valid"],
  [/Unterminated string/, "a string is not closed"],
  [/Unexpected non-whitespace character after JSON/, "more text after the end of the document"],
  [/Unexpected token/, "unexpected text here"],
];

/** `JSON.parse`'s error as a clause and the offset it names (the end of the text when it names none). */
export function jsonWords(error: unknown, text: string): { reason: string; offset: number } {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : text.length;
  // V8 names what it expected next even when the text simply stops: say that it stops.
  const truncated = offset >= text.trimEnd().length;
  const reason = truncated
    ? JSON_WORDS[0]![1]
    : (JSON_WORDS.find(([re]) => re.test(message))?.[1] ?? "it does not parse");
  return { reason, offset };
}

/** Why a decoded text cannot be a plan file, or undefined when its characters are fine. */
export function encodingProblem(text: string): string | undefined {
  if (!text.includes("\u0000")) return undefined;
  const nuls = text.length - text.replaceAll("\u0000", "").length;
  return nuls * 3 >= text.length
    ? "is UTF-16 text (Windows PowerShell 5.1 writes it with >); save it as UTF-8, e.g. with | Out-File -Encoding " +
        "utf8, and run again"
    : "holds NUL bytes, so it is not a text file; give the YAML or JSON file";
}

/** Nesting deeper than this is refused before a YAML parser recurses into it (both recurse once a level). */
export const MAX_YAML_DEPTH = 256;

export const TOO_DEEP =
  `it nests lists or mappings more than ${MAX_YAML_DEPTH} levels deep ` + "(a plan needs fewer than ten)";

/**
 * The offset where YAML text nests deeper than {@link MAX_YAML_DEPTH}, or -1. The depth is over-estimated on purpose,
 * without parsing: a line's indentation plus its `- ` entries plus the open `[`/`{` outside quotes and comments. The
 * parsers recurse once a level, and V8 can abort the process (not throw) when a stack runs out inside a regular
 * expression, so deep text must not reach them.
 */
export function yamlTooDeep(text: string): number {
  let flow = 0;
  let indent = 0;
  let lineStart = true;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
      else if (c === "\n" && quote === "'") quote = "";
      continue;
    }
    if (c === "\n") {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && (c === " " || c === "\t" || (c === "-" && text[i + 1] === " "))) indent++;
    else {
      lineStart = false;
      if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) i = lineEnd(text, i) - 1;
      else if (c === '"' || c === "'") quote = c;
      else if (c === "[" || c === "{") flow++;
      else if ((c === "]" || c === "}") && flow > 0) flow--;
    }
    if (indent + flow > MAX_YAML_DEPTH) return i;
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf("\n", from);
  return n === -1 ? text.length : n;
}
