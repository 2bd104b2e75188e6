/**
 * `parseDocument` in slices: the same lexer, parser and composer the yaml package's `parseDocument` runs, with
 * the lexing and parsing (most of the work: 23 of 27 ms CPU for the 48 KiB benchmark plan in Node) paused every
 * few hundred tokens when a slice's time is up, so a page building the form's document when idle never holds the
 * main thread for long. Composing the document from the parsed tokens is the last slice (6 ms for that plan).
 * The document is the one `parseDocument(text)` returns: same nodes, ranges and comments; for text with errors or
 * warnings it is parseDocument's own.
 */
import { Composer, Lexer, parseDocument, Parser, YAMLParseError, type Document } from "yaml";

type Token = Parameters<Composer["next"]>[0];

export interface ResumableParse {
  readonly text: string;
  /**
   * Works until the document is built or `until` (a `performance.now()` time) has passed; the document, or
   * undefined when there is more to do (call again).
   */
  step(until: number): Document.Parsed | undefined;
}

/** `checkEvery`: tokens lexed and parsed between two looks at the clock. */
export function resumableParse(text: string, checkEvery = 256): ResumableParse {
  const parser = new Parser();
  const lexemes = new Lexer().lex(text, false);
  const tokens: Token[] = [];
  let lexed = false;
  let doc: Document.Parsed | undefined;
  const compose = (): Document.Parsed => {
    const composer = new Composer();
    let first: Document.Parsed | undefined;
    const take = (d: Document.Parsed): boolean => {
      if (!first) first = d;
      else if (first.options.logLevel !== "silent") {
        first.errors.push(
          new YAMLParseError(
            [d.range[0], d.range[1]],
            "MULTIPLE_DOCS",
            "Source contains multiple documents; please use YAML.parseAllDocuments()",
          ),
        );
        return false;
      }
      return true;
    };
    // As the package's parseDocument: compose(tokens, forceDoc = true, endOffset = text.length).
    const all = function* () {
      for (const t of tokens) yield* composer.next(t);
      yield* composer.end(true, text.length);
    };
    for (const d of all()) if (!take(d)) break;
    const built = first as Document.Parsed;
    // parseDocument words its errors and warnings with the line and column: for such text (which the form does not
    // edit) it is asked again rather than copied.
    return built.errors.length > 0 || built.warnings.length > 0 ? parseDocument(text) : built;
  };
  return {
    text,
    step(until) {
      if (doc) return doc;
      while (!lexed) {
        for (let i = 0; i < checkEvery; i++) {
          const next = lexemes.next();
          if (next.done) {
            for (const t of parser.end()) tokens.push(t);
            lexed = true;
            break;
          }
          for (const t of parser.next(next.value)) tokens.push(t);
        }
        // Composing is a slice of its own unless this one has time left.
        if (performance.now() >= until) return undefined;
      }
      doc = compose();
      return doc;
    },
  };
}
