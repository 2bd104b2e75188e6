/**
 * AKS pricing tiers (the managed cluster's `sku.tier`): the tier sets how many nodes a cluster may have.
 * Free supports up to 1,000 nodes (Microsoft recommends fewer than 10), Standard and Premium up to 5,000.
 * A cluster created without a tier is Free.
 */
import { aksDoc, page, sourced, type Sourced } from "./source.js";

export const SKU_TIERS = ["Free", "Standard", "Premium"] as const;

/** A pricing tier, as the AKS API writes it. */
export type SkuTier = (typeof SKU_TIERS)[number];

const TIERS_PAGE = aksDoc("free-standard-pricing-tiers", "AKS pricing tiers comparison");

/** The most nodes a cluster of each tier supports. */
export const TIER_NODE_LIMITS: Readonly<Record<SkuTier, Sourced<number>>> = {
  Free: sourced(1000, aksDoc("free-standard-pricing-tiers", "Free: supports up to 1,000 nodes"), {
    checked: "2026-12-06",
  }),
  Standard: sourced(
    5000,
    [TIERS_PAGE, aksDoc("best-practices-performance-scale-large", "5,000 nodes by default for Standard tier / LTS")],
    { checked: "2026-12-06" },
  ),
  Premium: sourced(5000, aksDoc("free-standard-pricing-tiers", "Premium: up to 5,000 nodes"), {
    checked: "2026-12-06",
  }),
};

/** The node count Microsoft recommends staying under on the Free tier. */
export const FREE_TIER_RECOMMENDED_NODES: Sourced<number> = sourced(
  10,
  aksDoc("free-standard-pricing-tiers", "Free: recommended for clusters with fewer than 10 nodes"),
  { checked: "2026-12-06" },
);

/** The tier AKS gives a cluster created without one. */
export const DEFAULT_TIER: Sourced<SkuTier> = sourced(
  "Free",
  [
    page(
      "https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update",
      "ManagedClusterSKU.tier: if not specified, the default is 'Free'",
    ),
    TIERS_PAGE,
  ],
  { checked: "2026-12-06" },
);

/** Reports whether the text is a tier name (exact case, as the API writes it). */
export function isSkuTier(s: string): s is SkuTier {
  return (SKU_TIERS as readonly string[]).includes(s);
}

/** The tier an AKS Automatic cluster gets: Automatic clusters are preconfigured with Standard. */
export const AUTOMATIC_TIER: Sourced<SkuTier> = sourced(
  "Standard",
  aksDoc("free-standard-pricing-tiers", "Automatic SKU clusters are preconfigured to use the Standard tier"),
  { checked: "2026-12-06" },
);
