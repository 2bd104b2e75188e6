/**
 * What a subnet has free, from Azure's figures: the VNet usage API's
 * `currentValue` / `limit` when they were read, else the IP configurations
 * Resource Graph lists on the subnet (a lower bound on the addresses in use:
 * a /28 prefix on a NIC counts once, addresses a delegated service takes are not
 * listed). The subnet's size comes from its prefixes; Azure keeps 5 of each.
 */
import { tryParsePrefix } from "../../ip/index.js";
import { usableAddresses } from "../capacity/index.js";
import type { EstateSubnet } from "./snapshot.js";
import { guardArgs } from "../../ip/index.js";

export type UsedSource = "usage-api" | "ip-configurations";

export interface SubnetFigures {
  /** The IPv4 prefixes as written (a subnet may have several). */
  readonly prefixes: readonly string[];
  /** Addresses in the IPv4 prefixes. */
  readonly size: number | null;
  /** Addresses Azure lets you use: the usage API's limit, else size less 5 per prefix. */
  readonly usable: number | null;
  readonly used: number | null;
  readonly free: number | null;
  readonly usedSource: UsedSource | null;
  /** Why a figure is missing or approximate, when it is. */
  readonly note?: string;
}

/** The figures of one subnet. Never throws; a prefix that does not parse leaves the size unknown. */
export const subnetFigures = guardArgs(
  "subnetFigures",
  [{ name: "subnet", want: { prefixes: ["text"] }, words: "an estate subnet (scanEstate)" }],
  function subnetFigures(s: EstateSubnet): SubnetFigures {
    const v4 = s.prefixes.flatMap((p) => {
      const r = tryParsePrefix(p);
      return r.ok && r.value.family === 4 ? [r.value] : [];
    });
    const size = v4.length ? v4.reduce((a, p) => a + Number(p.size()), 0) : null;
    const fromPrefixes = v4.length ? v4.reduce((a, p) => a + usableAddresses(p), 0) : null;
    const prefixes = v4.map((p) => p.toString());
    if (s.usage && s.usage.limit >= 0 && s.usage.used >= 0) {
      const { used, limit } = s.usage;
      const disagree =
        fromPrefixes !== null && fromPrefixes !== limit
          ? `the usage API's limit (${limit}) differs from the prefixes' usable addresses (${fromPrefixes}); ` +
            "the API's figure is used"
          : undefined;
      return {
        prefixes,
        size,
        usable: limit,
        used,
        free: Math.max(0, limit - used),
        usedSource: "usage-api",
        ...(disagree ? { note: disagree } : {}),
      };
    }
    const noUsage = s.usage ? "the usage API gives no figure for this subnet (limit -1)" : "its usage was not read";
    if (s.ipConfigurations !== undefined && fromPrefixes !== null)
      return {
        prefixes,
        size,
        usable: fromPrefixes,
        used: s.ipConfigurations,
        free: Math.max(0, fromPrefixes - s.ipConfigurations),
        usedSource: "ip-configurations",
        note:
          `${noUsage}: used is the count of IP configurations on the subnet, a lower bound ` +
          "(a /28 block on a NIC counts once; addresses a delegated service takes are not listed)",
      };
    return {
      prefixes,
      size,
      usable: fromPrefixes,
      used: null,
      free: null,
      usedSource: null,
      note:
        fromPrefixes === null
          ? `${noUsage}, and the subnet has no IPv4 prefix that parses`
          : `${noUsage}, and no IP configurations were listed`,
    };
  },
);
