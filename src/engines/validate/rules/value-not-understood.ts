import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "value-not-understood",
    family: "allowed-values",
    severity: "error",
    description:
      "Values the schema accepts as text but aksnet must understand: the Kubernetes version (1.N or 1.N.P), max " +
      "surge and max unavailable (a node count or a percentage).",
    messages: {
      version: {
        message:
          'kubernetesVersion {value} is not a version like "1.33"; defaults that depend on the version were taken ' +
          "for a current version.",
        fix: 'Write the version as a string, e.g. "1.33".',
      },
      versionNumber: {
        message: "kubernetesVersion is the number {value}; YAML reads 1.30 as 1.3, so write versions as strings.",
        fix: 'Quote it: kubernetesVersion: "{value}" (or "1.30" if that is what you meant).',
        severity: "warning",
      },
      surge: {
        message:
          'Pool "{pool}" sets maxSurge {value}, which is neither a node count nor a percentage; 1 node was assumed.',
        fix: 'Write a node count (e.g. 1) or a percentage (e.g. "33%").',
      },
      unavailable: {
        message:
          'Pool "{pool}" sets maxUnavailable {value}, which is neither a node count nor a percentage of 1% to 100%; ' +
          "0 nodes were assumed.",
        fix: 'Write a node count (e.g. 1) or a percentage (e.g. "10%").',
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/upgrade-aks-node-pools-rolling.md (max surge: an integer or a " +
        "percentage)",
      "https://yaml.org/spec/1.2.2/ (plain scalars 1.30 are floats)",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const v = plan.plan.kubernetesVersion;
    if (typeof v === "number")
      report({ messageId: "versionNumber", path: ["kubernetesVersion"], data: { value: String(v) } });
    else if (v !== undefined && plan.kubernetesVersion === undefined)
      report({ messageId: "version", path: ["kubernetesVersion"], data: { value: JSON.stringify(v) } });
    for (const p of plan.pools) {
      if (!p.maxSurge.valid)
        report({
          messageId: "surge",
          path: ["nodePools", p.index, "maxSurge"],
          data: { pool: p.name, value: JSON.stringify(p.maxSurge.text) },
        });
      if (!p.maxUnavailable.valid)
        report({
          messageId: "unavailable",
          path: ["nodePools", p.index, "maxUnavailable"],
          data: { pool: p.name, value: JSON.stringify(p.maxUnavailable.text) },
        });
    }
  },
});
