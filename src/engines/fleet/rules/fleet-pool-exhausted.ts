/**
 * A pool has no room left for one more VNet of the size the fleet's clusters
 * use most (or, for a pods pool, one more pod CIDR of that pool's size).
 */
import { CHECKED, defineFleetRule } from "./inputs.js";

export default defineFleetRule({
  meta: {
    id: "fleet-pool-exhausted",
    family: "fleet",
    severity: "warning",
    description: "Each address pool should have room for at least one more cluster VNet of the fleet's usual size.",
    messages: {
      full: {
        message:
          "Pool {pool} has no free /{bits} left (largest free block: {largest}; {used} of {size} addresses used).",
        fix:
          "Add a supernet to pools[].cidrs, lift an exclusion, or give new clusters a smaller VNet " +
          "(clusters[].vnetPrefixLength).",
      },
    },
    sources: ["https://learn.microsoft.com/azure/virtual-network-manager/concept-ip-address-management"],
    checked: CHECKED,
    file: "src/engines/fleet/rules/fleet-pool-exhausted.ts",
  },
  check({ forecasts, commonVnetBits, report }) {
    for (const f of forecasts) {
      if (f.for !== "vnets") continue;
      const fit = f.fits.find((x) => x.prefixLength === commonVnetBits);
      if (fit && fit.fits === 0)
        report({
          messageId: "full",
          path: f.path,
          data: { pool: f.name, bits: commonVnetBits, largest: f.largestFree ?? "none", used: f.used, size: f.size },
        });
    }
  },
});
