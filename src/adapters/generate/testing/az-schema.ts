/**
 * Test helper: checks the `az` commands of a generated script against the flags transcribed from azure-cli
 * (testing/schemas/az.json, which names its sources): unknown flags, a value after a store_true switch, values
 * outside a flag's choices, and values that only the aks-preview extension or a newer CLI accepts when the script's
 * header does not say it needs them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { azCommands } from "./az-args.js";

interface FlagSpec {
  readonly kind: "switch" | "bool" | "value";
  readonly values?: readonly string[];
  readonly preview?: Readonly<Record<string, string>>;
  readonly since?: Readonly<Record<string, string>>;
  /** The CLI version that added the flag, when newer than the stored source. */
  readonly flagSince?: string;
}

interface AzFile {
  readonly globalFlags: readonly string[];
  readonly notTranscribed: readonly string[];
  readonly commands: Readonly<Record<string, { readonly flags: Readonly<Record<string, FlagSpec>> }>>;
}

export const AZ_SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, "schemas", "az.json"), "utf8")) as AzFile;

/** What the script's header says it needs: the newest az CLI version named, and whether aks-preview is needed. */
export function scriptNeeds(script: string): { cli: string; aksPreview: boolean } {
  const versions = [...script.matchAll(/^# This script needs the az CLI (\d+\.\d+\.\d+) or later/gm)].map((m) => m[1]!);
  const cli = versions.sort(compareVersions).at(-1) ?? "0.0.0";
  return { cli, aksPreview: /^# This script needs the aks-preview extension/m.test(script) };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function valueProblems(spec: FlagSpec, value: string, needs: { cli: string; aksPreview: boolean }): string[] {
  if (!spec.values) return [];
  const lower = spec.values.map((v) => v.toLowerCase());
  if (lower.includes(value.toLowerCase())) return [];
  const preview = spec.preview?.[value];
  if (preview)
    return needs.aksPreview ? [] : [`${value} needs the ${preview} extension, which the script does not name`];
  const since = spec.since?.[value];
  if (since)
    return compareVersions(needs.cli, since) >= 0
      ? []
      : [`${value} needs az CLI ${since}, the script names ${needs.cli}`];
  return [`${value} is not one of ${spec.values.join(", ")}`];
}

function flagProblems(spec: FlagSpec, value: string | true, needs: { cli: string; aksPreview: boolean }): string[] {
  if (spec.flagSince && compareVersions(needs.cli, spec.flagSince) < 0)
    return [`needs az CLI ${spec.flagSince}, the script names ${needs.cli}`];
  if (spec.kind === "switch") return value === true ? [] : [`is a switch, but ${JSON.stringify(value)} follows it`];
  if (spec.kind === "bool")
    return value === true || /^(true|false)$/i.test(value) ? [] : [`takes true or false, not ${JSON.stringify(value)}`];
  if (value === true) return ["needs a value"];
  return valueProblems(spec, value, needs);
}

/** Every problem of the script's az commands; [] when all pass. */
export function checkAzScript(script: string): string[] {
  const needs = scriptNeeds(script);
  const out: string[] = [];
  for (const c of azCommands(script)) {
    const name = c.words.slice(1).join(" ");
    const cmd = AZ_SCHEMA.commands[name];
    if (!cmd) {
      if (!AZ_SCHEMA.notTranscribed.includes(name)) out.push(`az ${name}: not in az.json (add it, with its source)`);
      continue;
    }
    for (const [flag, value] of c.flags) {
      if (AZ_SCHEMA.globalFlags.includes(flag)) continue;
      const spec = cmd.flags[flag];
      if (!spec) out.push(`az ${name} ${flag}: not a flag of this command`);
      else for (const p of flagProblems(spec, value, needs)) out.push(`az ${name} ${flag}: ${p}`);
    }
  }
  return out;
}
