/**
 * `--baseline FILE`: a saved `aksnet check -o json` (or `-o sarif`) output (or
 * `aksnet fleet check`'s); a
 * finding also in it is reported as suppressed, so only new findings fail the
 * run. Findings are matched by rule, message id, file and field path (not by
 * line, so edits above a finding do not make it new), counted: two equal
 * findings against one in the baseline leave one new.
 */
import { posix, resolve } from "node:path";
import { formatPath } from "../../../engines/plan/index.js";
import { UsageError } from "../errors.js";
import { readFailure, readInputFile } from "../read-input.js";

/** The identity of a finding across runs. Also SARIF's partialFingerprints["aksnet/v1"]. */
export function fingerprint(f: { ruleId: string; messageId: string; file: string; path: string }): string {
  return [f.ruleId, f.messageId, posix.normalize(f.file.replace(/\\/g, "/")), f.path].join("|");
}

export interface Baseline {
  /** The file as given. */
  readonly file: string;
  /** Fingerprint → how many findings it still covers (the run takes them away as it matches). */
  readonly counts: Map<string, number>;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** The fingerprints of a check JSON or SARIF document; undefined when it is neither. */
export function baselineFingerprints(doc: unknown): string[] | undefined {
  const d = asRecord(doc);
  if (!d) return undefined;
  if (Array.isArray(d["findings"])) {
    const out: string[] = [];
    for (const f of d["findings"] as unknown[]) {
      const r = asRecord(f);
      if (!r) continue;
      out.push(
        fingerprint({
          ruleId: str(r["ruleId"]),
          messageId: str(r["messageId"]),
          file: str(asRecord(r["location"])?.["file"]),
          // check's JSON writes the path as text; fleet check's as its keys.
          path: Array.isArray(r["path"]) ? formatPath(r["path"] as (string | number)[]) : str(r["path"]),
        }),
      );
    }
    return out;
  }
  if (Array.isArray(d["runs"])) {
    const out: string[] = [];
    for (const run of d["runs"] as unknown[])
      for (const res of (asRecord(run)?.["results"] as unknown[] | undefined) ?? []) {
        const fp = asRecord(asRecord(res)?.["partialFingerprints"])?.["aksnet/v1"];
        if (typeof fp === "string") out.push(fp);
      }
    return out;
  }
  return undefined;
}

export interface BaselineKind {
  /** The command whose output the baseline is, for the messages: `aksnet check`. */
  readonly command: string;
  /** The fingerprints of its `-o json` or `-o sarif` document; undefined when it is neither. */
  readonly fingerprints: (doc: unknown) => string[] | undefined;
}

const CHECK_BASELINE: BaselineKind = { command: "aksnet check", fingerprints: baselineFingerprints };

export async function readBaseline(file: string, cwd: string, kind: BaselineKind = CHECK_BASELINE): Promise<Baseline> {
  const write = `write one with ${kind.command} -o json … > ${file}`;
  let text: string;
  try {
    text = await readInputFile(resolve(cwd, file));
  } catch (e) {
    throw new UsageError(`cannot read the baseline ${file}: ${readFailure(e)}; ${write}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`the baseline ${file} is not JSON; ${write} (or -o sarif)`);
  }
  const fps = kind.fingerprints(doc);
  if (!fps) throw new UsageError(`the baseline ${file} is neither ${kind.command} -o json nor SARIF output; ${write}`);
  const counts = new Map<string, number>();
  for (const fp of fps) counts.set(fp, (counts.get(fp) ?? 0) + 1);
  return { file, counts };
}
