/**
 * Address ranges AKS forbids for the pod CIDR, the service CIDR and the cluster
 * VNet, and the link-local range LocalDNS uses.
 */
import { aksDoc, aksRelease, sourced, type Sourced } from "./source.js";

/** Where a reserved range may not be used. */
export type RangeUse = "podCidr" | "serviceCidr" | "vnet";

export interface ReservedRange {
  readonly cidr: string;
  readonly reason: string;
  readonly forbiddenFor: readonly RangeUse[];
  readonly source: Sourced<string>["source"];
  /** YYYY-MM-DD: when the range was last checked against its sources. */
  readonly checked: string;
}

const CNI_OVERVIEW = aksDoc("concepts-network-cni-overview", "address ranges that can't be used");
const ALL: readonly RangeUse[] = ["podCidr", "serviceCidr", "vnet"];

/** Pairwise disjoint (checked by the data lint). */
export const RESERVED_RANGES: readonly ReservedRange[] = [
  {
    cidr: "169.254.0.0/16",
    reason: "link-local: Azure platform services (instance metadata, LocalDNS)",
    forbiddenFor: ALL,
    source: [CNI_OVERVIEW],
    checked: "2026-12-07",
  },
  {
    cidr: "172.30.0.0/16",
    reason: "reserved by AKS; pod CIDRs overlapping it are rejected on create and update since the 2026-05-29 release",
    forbiddenFor: ALL,
    source: [CNI_OVERVIEW, aksRelease("2026-05-29")],
    checked: "2026-12-07",
  },
  {
    cidr: "172.31.0.0/16",
    reason: "reserved by AKS; pod CIDRs overlapping it are rejected on create and update since the 2026-05-29 release",
    forbiddenFor: ALL,
    source: [CNI_OVERVIEW, aksRelease("2026-05-29")],
    checked: "2026-12-07",
  },
  {
    cidr: "192.0.2.0/24",
    reason: "reserved by AKS (RFC 5737 documentation range)",
    forbiddenFor: ALL,
    source: [CNI_OVERVIEW],
    checked: "2026-12-07",
  },
];

/** LocalDNS listens here; Cilium network policies must allow it. Inside 169.254.0.0/16. */
export const LOCALDNS_RANGE: Sourced<string> = sourced(
  "169.254.10.0/24",
  aksDoc("azure-cni-powered-by-cilium", "LocalDNS uses 169.254.10.0/24"),
  { checked: "2026-12-07" },
);

/**
 * Address space Microsoft supports for an Overlay pod CIDR: RFC 1918 and RFC 6598; public ranges are not blocked but
 * unsupported.
 */
export const OVERLAY_POD_CIDR_SUPPORTED_SPACE: Sourced<readonly string[]> = sourced(
  ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"],
  aksDoc("concepts-network-azure-cni-overlay"),
  { checked: "2026-11-22" },
);
