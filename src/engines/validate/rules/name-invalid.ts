import {
  NAME_RULES,
  nameProblem,
  OVERLAY_NETWORK_NAME_MAX,
  poolNameKind,
  sourceUrls,
  suggestName,
  type NameKind,
} from "../../../kb/index.js";
import type { FieldPath } from "../../plan/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "name-invalid",
    family: "names",
    severity: "error",
    description:
      "Every name the plan gives an Azure resource follows Azure's rule for it (the cluster, resource groups, the " +
      "VNet, subnets, route tables, node pools per OS, the location), the same rules `generate` applies; with " +
      "Azure CNI Overlay the node subnet, VNet and VNet resource group names are at most 63 characters.",
    messages: {
      name: {
        message: '{What} "{name}" {problem}: {rule}.',
        fix: 'Rename it, e.g. "{suggested}".',
      },
      location: {
        message: 'Location "{name}" {problem}: {rule}.',
        fix: 'Use the region\'s name, e.g. "{suggested}".',
      },
      overlayName: {
        message:
          '{what} "{name}" has {length} characters; with Azure CNI Overlay it becomes a node label value and may ' +
          "have at most {max}.",
        fix: "Use a {what} name of at most {max} characters.",
      },
    },
    sources: sourceUrls(...Object.values(NAME_RULES), OVERLAY_NETWORK_NAME_MAX),
    checked: "2026-12-06",
    assumes:
      "Resource group names: ARM also accepts Unicode letters and digits, but the Terraform provider's pattern is " +
      "ASCII-only, so aksnet keeps to ASCII (every name it accepts deploys with every format it generates). " +
      "Overlay: another page (use-labels) says network-name and network-subnet label values are truncated above " +
      "64 characters; the Overlay page's 63-character limit is used.",
  },
  check({ plan, report }) {
    const p = plan.plan;
    const check = (kind: NameKind, name: string | undefined, path: FieldPath) => {
      if (name === undefined) return;
      const problem = nameProblem(kind, name);
      if (problem === undefined) return;
      const rule = NAME_RULES[kind].value;
      const data = { name, problem, rule: rule.rule, suggested: suggestName(kind, name) };
      if (kind === "location") report({ messageId: "location", path, data });
      else report({ messageId: "name", path, data: { ...data, What: capitalize(rule.what) } });
    };
    check("cluster", p.name, ["name"]);
    check("resourceGroup", p.resourceGroup, ["resourceGroup"]);
    check("location", p.location, ["location"]);
    for (const pool of plan.pools) check(poolNameKind(pool.os), pool.name, ["nodePools", pool.index, "name"]);
    const vnet = p.vnet;
    if (!vnet) return;
    check("vnet", vnet.name, ["vnet", "name"]);
    check("resourceGroup", vnet.resourceGroup, ["vnet", "resourceGroup"]);
    vnet.subnets.forEach((s, i) => check("subnet", s.name, ["vnet", "subnets", i, "name"]));
    (vnet.routeTables ?? []).forEach((t, i) => check("routeTable", t.name, ["vnet", "routeTables", i, "name"]));
    if (plan.model !== "azure-cni-overlay") return;
    const max = OVERLAY_NETWORK_NAME_MAX.value;
    const long = (what: string, name: string | undefined, path: FieldPath) => {
      const length = name === undefined ? 0 : [...name].length;
      if (name !== undefined && length > max)
        report({ messageId: "overlayName", path, data: { what, name, length, max } });
    };
    long("VNet", vnet.name, ["vnet", "name"]);
    long("VNet resource group", vnet.resourceGroup, ["vnet", "resourceGroup"]);
    const used = new Set(plan.pools.map((x) => x.subnet));
    vnet.subnets.forEach((s, i) => used.has(s.name) && long("Subnet", s.name, ["vnet", "subnets", i, "name"]));
  },
});

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
