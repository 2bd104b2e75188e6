import { sourceUrls } from "../../../kb/index.js";
import { retired } from "../retired.js";
import { defineRule } from "../rule.js";

const KUBENET = retired("kubenet");
const NPM_LINUX = retired("npm-linux");
const NPM_WINDOWS = retired("npm-windows");
const WS2022 = retired("windows-server-2022");

export default defineRule({
  meta: {
    id: "retirement-ahead",
    family: "retirement",
    severity: "warning",
    description:
      "Parts of the plan that AKS retires: kubenet (31 March 2028), Azure Network Policy Manager on Linux (30 " +
      "September 2028) and on Windows (30 September 2026), Windows Server 2022 node pools (30 June 2028).",
    messages: {
      kubenet: {
        message: "kubenet retires on {date}; AKS will stop supporting kubenet clusters then.",
        fix: "Plan Azure CNI Overlay (plugin: azure, pluginMode: overlay); aksnet migrate shows the steps.",
      },
      npmLinux: {
        message: "Azure Network Policy Manager on Linux retires on {date}.",
        fix: "Use Cilium network policy (dataplane: cilium, policy: cilium).",
      },
      npmWindows: {
        message: "Azure Network Policy Manager on Windows retired on {date} (no new onboarding).",
        fix: "Windows pools cannot use Azure NPM any more; use policy none or move policy enforcement elsewhere.",
        severity: "error",
      },
      ws2022: {
        message:
          'Pool "{pool}" runs Windows Server 2022, which AKS retires on {date} (earlier release notes said ' +
          "{previous}).",
        fix: "Plan os: Windows2025 for new Windows pools.",
      },
    },
    sources: sourceUrls(KUBENET.source, NPM_LINUX.source, NPM_WINDOWS.source, WS2022.source),
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    if (plan.model === "kubenet")
      report({ messageId: "kubenet", path: ["network", "plugin"], data: { date: KUBENET.date } });
    if (plan.policy === "azure") {
      report({ messageId: "npmLinux", path: ["network", "policy"], data: { date: NPM_LINUX.date } });
      if (plan.pools.some((p) => p.os !== "Linux"))
        report({ messageId: "npmWindows", path: ["network", "policy"], data: { date: NPM_WINDOWS.date } });
    }
    for (const p of plan.pools) {
      if (p.os === "Windows2022")
        report({
          messageId: "ws2022",
          path: ["nodePools", p.index, "os"],
          data: { pool: p.name, date: WS2022.date, previous: WS2022.previousDate ?? "another date" },
        });
    }
  },
});
