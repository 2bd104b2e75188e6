/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), shared by the
 * commands that write it: the tool with its version and informationUri, each rule with the web
 * address of its docs page (helpUri), file locations relative to the SRCROOT base (the directory
 * aksnet ran in, which code-scanning tools take as the repository root), a stable
 * partialFingerprints["aksnet/v1"] per result (the baseline's identity of a finding), and
 * suppressed findings as results with `suppressions` (inline comments: inSource, the baseline:
 * external), which code scanning shows as dismissed.
 */
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { docsWebUrl, REPOSITORY_URL } from "../../../engines/plan/index.js";
import { VERSION } from "../version.js";
import type { Suppression } from "../policy/apply.js";
import { renderJson } from "./json.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const SRCROOT = "SRCROOT";

export interface SarifRule {
  readonly id: string;
  readonly description: string;
  readonly level: "error" | "warning" | "note";
  /** The docs page, relative to the package root (docs/rules/<id>.md, docs/scan.md). */
  readonly docs: string;
}

/** A physical location: a relative path becomes a URI against SRCROOT, an absolute one a file: URI. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const f = file.replace(/\\/g, "/");
  if (isAbsolute(file) || /^[A-Za-z]:\//.test(f)) return { uri: pathToFileURL(file).href };
  return { uri: encodeURI(f.replace(/^\.\//, "")), uriBaseId: SRCROOT };
}

/** The ARM endpoint of the public cloud: an Azure resource's address when no other endpoint was read. */
export const ARM_ENDPOINT = "https://management.azure.com";

/**
 * The location of a result about an Azure resource that no file of the repository holds (a cluster read
 * from Azure): the resource's ARM address as the artifact (GitHub code scanning refuses a whole SARIF
 * file when a result's location has no artifact), the resource ID as the logical location, and the
 * field of the resource the result is about, when there is one, as a second logical location.
 */
export function resourceLocation(
  id: string,
  o: { readonly endpoint?: string; readonly member?: string } = {},
): Record<string, unknown> {
  const origin = o.endpoint ? new URL(o.endpoint).origin : ARM_ENDPOINT;
  return {
    physicalLocation: { artifactLocation: { uri: `${origin}${encodeURI(id)}` } },
    logicalLocations: [
      { name: id.split("/").pop() ?? id, fullyQualifiedName: id, kind: "resource" },
      ...(o.member ? [{ fullyQualifiedName: `${id}#${o.member}`, name: o.member, kind: "member" }] : []),
    ],
  };
}

export function sarifRule(r: SarifRule): Record<string, unknown> {
  const helpUri = docsWebUrl(r.docs);
  return {
    id: r.id,
    shortDescription: { text: r.description },
    helpUri,
    help: { text: `${r.description} See ${helpUri}`, markdown: `${r.description} [Documentation](${helpUri})` },
    defaultConfiguration: { level: r.level },
  };
}

/**
 * A result's `suppressions` entry: accepted, with the reason as its justification; an external one names the
 * baseline file, or the config file whose `suppressions` entry it is.
 */
export function sarifSuppression(s: Suppression): Record<string, unknown> {
  const by = s.kind === "inSource" ? {} : { properties: s.from === "config" ? { config: s.by } : { baseline: s.by } };
  return { kind: s.kind, status: "accepted", justification: s.reason, ...by };
}

/** The whole document: one run of aksnet with these rules and results. */
export function sarifLog(rules: readonly Record<string, unknown>[], results: readonly unknown[]): string {
  return renderJson({
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "aksnet",
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: REPOSITORY_URL,
            rules,
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: "The directory aksnet ran in (the repository root in CI)." } },
        },
        results,
      },
    ],
  });
}
