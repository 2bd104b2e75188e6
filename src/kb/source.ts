/**
 * Provenance for every fact in the knowledge base: where it was read and when.
 *
 * Each fact carries its own `checked` date (the day someone last compared the
 * value with its sources), so the data lint can flag the facts that have gone
 * unchecked too long. A value Microsoft documents inconsistently keeps every
 * documented value: the default (the newer documented behaviour) in `value`,
 * the others in `alternatives`, each with its own sources and a note saying
 * what it would mean.
 */

/** Where a fact was read: an https URL, or `owner/repo:path` for a file in a public repository. */
export interface Source {
  readonly url: string;
  /** What in the source says it (a section, a release date), or why the value is derived. */
  readonly note?: string;
}

/** A documented value other than the default, and what it would mean. */
export interface Alternative<T> {
  readonly value: T;
  readonly source: readonly Source[];
  readonly note: string;
}

/** A value with its sources and the date it was last checked against them. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: readonly Source[];
  /** YYYY-MM-DD: when this fact (value, alternatives, derivation) was last checked against its sources. */
  readonly checked: string;
  readonly alternatives?: readonly Alternative<T>[];
  /** Set when the value is aksnet's derivation or reading of the sources, not a statement in them. */
  readonly derived?: string;
}

/** What a fact needs besides its value and sources: always its check date. */
export interface FactExtra<T> {
  readonly checked: string;
  readonly alternatives?: readonly Alternative<T>[];
  readonly derived?: string;
}

/** A page of the AKS documentation (MicrosoftDocs/azure-aks-docs:articles/aks/<page>.md). */
export function aksDoc(page: string, note?: string): Source {
  return { url: `https://learn.microsoft.com/azure/aks/${page}`, ...(note === undefined ? {} : { note }) };
}

/** A file in a public GitHub repository, `owner/repo:path`. */
export function repoFile(repoPath: string, note?: string): Source {
  return { url: repoPath, ...(note === undefined ? {} : { note }) };
}

/** The AKS release notes (Azure/AKS:CHANGELOG.md), with the release named in the note. */
export function aksRelease(release: string, note?: string): Source {
  return repoFile("Azure/AKS:CHANGELOG.md", note === undefined ? `release ${release}` : `release ${release}: ${note}`);
}

/** Any other public web page. */
export function page(url: string, note?: string): Source {
  return { url, ...(note === undefined ? {} : { note }) };
}

/** Builds a sourced value; `extra.checked` is the date this fact was checked. */
export function sourced<T>(value: T, source: Source | readonly Source[], extra: FactExtra<T>): Sourced<T> {
  const list: readonly Source[] = Array.isArray(source) ? (source as readonly Source[]) : [source as Source];
  return { value, source: list, ...extra };
}

/** Reports whether a value has the shape of a `Sourced` value. */
export function isSourced(v: unknown): v is Sourced<unknown> {
  return (
    typeof v === "object" &&
    v !== null &&
    "value" in v &&
    "source" in v &&
    "checked" in v &&
    Array.isArray((v as { source: unknown }).source)
  );
}

/**
 * The distinct source URLs / `owner/repo:path`s of some facts, in order: for citing facts in rules and outputs.
 * A value from JavaScript that is neither a fact nor a list of sources cites nothing.
 */
export function sourceUrls(...facts: readonly (Sourced<unknown> | readonly Source[])[]): string[] {
  const out = new Set<string>();
  for (const f of facts) {
    const list: unknown = Array.isArray(f) ? f : (f as Partial<Sourced<unknown>> | null | undefined)?.source;
    if (!Array.isArray(list)) continue;
    for (const s of list as unknown[]) {
      const url = (s as Partial<Source> | null | undefined)?.url;
      if (typeof url === "string") out.add(url);
    }
  }
  return [...out];
}
