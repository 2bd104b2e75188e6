/**
 * Whether a subnet in use can be widened in place, which is what "room to grow"
 * in a layout is for.
 */
import { aksDoc, repoFile, sourced } from "../source.js";

const C = { checked: "2026-12-06" } as const;

export const SUBNET_GROWTH = {
  /** A subnet that runs short can be expanded (e.g. /24 to /22) when the addresses around it are free. */
  expandInPlace: sourced(
    true,
    [
      aksDoc(
        "upgrade-capacity-cost-planning",
        "IP exhaustion in subnet: Expand subnet size, for example from /24 to /22",
      ),
      aksDoc("upgrade-options", "reclaim unused IPs or expand the subnet (for example, from /24 to /22)"),
      aksDoc("concepts-network-azure-cni-overlay", "make sure your virtual network subnets have enough room to grow"),
    ],
    {
      ...C,
      alternatives: [
        {
          value: false,
          source: [
            repoFile(
              "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/connectivity/" +
                "insufficientsubnetsize-error-advanced-networking.md",
              "fix by adding a node pool on a bigger subnet: the subnet CIDR of an existing pool can't be changed",
            ),
          ],
          note: "the older troubleshooting article: move the pool to a new, larger subnet instead",
        },
      ],
    },
  ),
} as const;
