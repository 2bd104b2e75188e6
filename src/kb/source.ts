/**
 * Provenance for every fact in the knowledge base: where it was read and when.
 * A value Microsoft documents inconsistently keeps every documented value: the
 * default (the newer documented behaviour) in `value`, the others in
 * `alternatives`, each with its own sources and a note saying what it would mean.
 */

/** Where a fact was read: a URL, or `owner/repo:path` for a file in a public repository. */
export interface Source {
  readonly url: string;
  /** The date the fact was last checked against the source, YYYY-MM-DD. */
  readonly checked: string;
  /** What in the source says it (a section, a release date), or why the value is derived. */
  readonly note?: string;
}

/** A documented value other than the default, and what it would mean. */
export interface Alternative<T> {
  readonly value: T;
  readonly source: readonly Source[];
  readonly note: string;
}

/** A value with its sources; `derived` marks a value computed from documented facts rather than stated. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: readonly Source[];
  readonly alternatives?: readonly Alternative<T>[];
  /** Set when the value is aksnet's derivation or reading of the sources, not a statement in them. */
  readonly derived?: string;
}

/** The date the facts in this knowledge base were last checked against their sources. */
export const CHECKED = "2026-11-22";

/** A page of the AKS documentation (MicrosoftDocs/azure-aks-docs:articles/aks/<page>.md). */
export function aksDoc(page: string, note?: string): Source {
  return {
    url: `https://learn.microsoft.com/azure/aks/${page}`,
    checked: CHECKED,
    ...(note === undefined ? {} : { note }),
  };
}

/** A file in a public GitHub repository, `owner/repo:path`. */
export function repoFile(repoPath: string, note?: string): Source {
  return { url: repoPath, checked: CHECKED, ...(note === undefined ? {} : { note }) };
}

/** The AKS release notes (Azure/AKS:CHANGELOG.md), with the release named in the note. */
export function aksRelease(release: string): Source {
  return repoFile("Azure/AKS:CHANGELOG.md", `release ${release}`);
}

/** Any other web page. */
export function page(url: string, note?: string): Source {
  return { url, checked: CHECKED, ...(note === undefined ? {} : { note }) };
}

/** Builds a sourced value. */
export function sourced<T>(
  value: T,
  source: Source | readonly Source[],
  extra: Omit<Sourced<T>, "value" | "source"> = {},
): Sourced<T> {
  return { value, source: Array.isArray(source) ? (source as readonly Source[]) : [source as Source], ...extra };
}

/** Reports whether a value has the shape of a `Sourced` value. */
export function isSourced(v: unknown): v is Sourced<unknown> {
  return (
    typeof v === "object" &&
    v !== null &&
    "value" in v &&
    "source" in v &&
    Array.isArray((v as { source: unknown }).source)
  );
}
