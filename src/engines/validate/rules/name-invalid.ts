import type { FieldPath } from "../../plan/index.js";
import { OVERLAY_NAME_MAX } from "../facts.js";
import { defineRule } from "../rule.js";

const POOL_NAME = /^[a-z][a-z0-9]*$/;
/** The managed cluster resource name (REST API `resourceName` pattern). */
const CLUSTER_NAME = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$/;

export default defineRule({
  meta: {
    id: "name-invalid",
    family: "names",
    severity: "error",
    description:
      "The cluster name is 1–63 letters, digits, - and _ (starting and ending with a letter or digit); pool names are lowercase letters and digits starting with a letter, at most 12 characters (6 for Windows); with overlay, the subnet, VNet and VNet resource-group names are at most 63 characters.",
    messages: {
      clusterName: {
        message:
          'Cluster name "{name}" is not a valid AKS cluster name: 1 to 63 letters, digits, - and _, starting and ending with a letter or digit.',
        fix: 'Rename the cluster, e.g. "{suggested}".',
      },
      poolChars: {
        message: 'Pool name "{pool}" must be lowercase letters and digits and start with a letter.',
        fix: 'Rename the pool, e.g. "{suggested}".',
      },
      poolLength: {
        message: 'Pool name "{pool}" has {length} characters; {os} pool names may have at most {max}.',
        fix: "Use a name of at most {max} characters.",
      },
      overlayName: {
        message:
          '{what} "{name}" has {length} characters; with Azure CNI Overlay it becomes a node label value and may have at most {max}.',
        fix: "Use a {what} name of at most {max} characters.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/use-system-pools.md (limitations)",
      OVERLAY_NAME_MAX.source,
      "https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update (resourceName: maxLength 63, pattern)",
    ],
    checked: "2026-11-22",
    assumes:
      "Another page (use-labels) says network-name and network-subnet label values are truncated above 64 characters; the overlay page's 63-character limit is used.",
  },
  check({ plan, report }) {
    const name = plan.plan.name;
    if (name !== undefined && !CLUSTER_NAME.test(name)) {
      const suggested =
        name
          .replace(/[^-_a-zA-Z0-9]/g, "-")
          .replace(/^[-_]+|[-_]+$/g, "")
          .slice(0, 63) || "aks-cluster";
      report({ messageId: "clusterName", path: ["name"], data: { name, suggested } });
    }
    for (const p of plan.pools) {
      const at = ["nodePools", p.index, "name"];
      if (!POOL_NAME.test(p.name)) {
        const suggested =
          p.name
            .toLowerCase()
            .replace(/[^a-z0-9]/g, "")
            .replace(/^[0-9]+/, "")
            .slice(0, 12) || "pool1";
        report({ messageId: "poolChars", path: at, data: { pool: p.name, suggested } });
      }
      const max = p.os === "Linux" ? 12 : 6;
      if (p.name.length > max)
        report({
          messageId: "poolLength",
          path: at,
          data: { pool: p.name, length: p.name.length, os: p.os === "Linux" ? "Linux" : "Windows", max },
        });
    }
    if (plan.model !== "azure-cni-overlay" || !plan.plan.vnet) return;
    const max = OVERLAY_NAME_MAX.value;
    const vnet = plan.plan.vnet;
    const check = (what: string, name: string | undefined, path: FieldPath) => {
      if (name !== undefined && name.length > max)
        report({ messageId: "overlayName", path, data: { what, name, length: name.length, max } });
    };
    check("VNet", vnet.name, ["vnet", "name"]);
    check("VNet resource group", vnet.resourceGroup, ["vnet", "resourceGroup"]);
    const used = new Set(plan.pools.map((p) => p.subnet));
    vnet.subnets.forEach((s, i) => used.has(s.name) && check("Subnet", s.name, ["vnet", "subnets", i, "name"]));
  },
});
