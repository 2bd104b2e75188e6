/**
 * AKS defaults the plan resolver needs that the knowledge base (`src/kb/`) does
 * not publish, each with its source and the date it was checked.
 */

export interface Sourced<T> {
  readonly value: T;
  readonly source: string;
  readonly checked: string;
}

const CHECKED = "2026-11-22";

/** Default network policy for new clusters (API 2024-05-01 and later). */
export const DEFAULT_POLICY: Sourced<"none"> = {
  value: "none",
  source: "Azure/AKS:CHANGELOG.md (release 2024-05-13)",
  checked: CHECKED,
};

/** Default outbound type. */
export const DEFAULT_OUTBOUND: Sourced<"loadBalancer"> = {
  value: "loadBalancer",
  source: "MicrosoftDocs/azure-aks-docs:articles/aks/egress-outboundtype.md",
  checked: CHECKED,
};
