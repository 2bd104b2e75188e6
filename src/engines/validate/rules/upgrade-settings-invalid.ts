import { sourceUrls, UPGRADE } from "../../../kb/index.js";
import { tryParseMaxSurge } from "../../capacity/index.js";
import { defineRule } from "../rule.js";

/** Whether a count-or-percentage text is zero nodes ("0"); a percentage is at least 1%. */
const isZero = (text: string) => {
  const v = tryParseMaxSurge(text);
  return v !== undefined && v.kind === "count" && v.count === 0;
};

export default defineRule({
  meta: {
    id: "upgrade-settings-invalid",
    family: "node-counts",
    severity: "error",
    description:
      "A pool upgrades either with surge nodes or in place: with maxUnavailable 0 (the default) maxSurge must be " +
      "above 0, and System pools cannot set maxUnavailable.",
    messages: {
      noSurgeNoUnavailable: {
        message:
          'Pool "{pool}" has maxSurge 0 and maxUnavailable {unavailable}; AKS requires maxSurge above 0 when ' +
          "maxUnavailable is 0, so the pool could not upgrade.",
        fix:
          "Set maxSurge to 1 or more (or a percentage such as 10%), or, on a User pool, set maxUnavailable above " +
          "0 to upgrade in place without extra addresses.",
      },
      unavailableOnSystemPool: {
        message:
          'System pool "{pool}" sets maxUnavailable {unavailable}; AKS does not allow maxUnavailable on System pools.',
        fix: "Remove maxUnavailable from the System pool and upgrade it with maxSurge, or make the pool a User pool.",
      },
    },
    sources: sourceUrls(
      UPGRADE.surgeRequiredWithoutUnavailable,
      UPGRADE.defaultMaxUnavailable,
      UPGRADE.maxUnavailableOnSystemPools,
    ),
    checked: "2026-12-06",
    assumes:
      "Spot pools upgrade without surge nodes, so maxSurge 0 is not reported for them. A System pool that sets " +
      "maxUnavailable to 0 (the default) is not reported.",
  },
  check({ plan, report }) {
    for (const p of plan.pools) {
      const unavailableZero = p.maxUnavailable.defaulted || isZero(p.maxUnavailable.text);
      if (p.priority !== "Spot" && !p.maxSurge.defaulted && isZero(p.maxSurge.text) && unavailableZero)
        report({
          messageId: "noSurgeNoUnavailable",
          path: ["nodePools", p.index, "maxSurge"],
          data: {
            pool: p.name,
            unavailable: p.maxUnavailable.defaulted ? `${p.maxUnavailable.text} (the default)` : p.maxUnavailable.text,
          },
        });
      if (p.mode === "System" && !p.maxUnavailable.defaulted && p.maxUnavailable.valid && !unavailableZero)
        report({
          messageId: "unavailableOnSystemPool",
          path: ["nodePools", p.index, "maxUnavailable"],
          data: { pool: p.name, unavailable: p.maxUnavailable.text },
        });
    }
  },
});
