import { sourceUrls } from "../../../kb/index.js";
import { retired } from "../retired.js";

const WS2019 = retired("windows-server-2019");
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "windows-pool-unsupported",
    family: "combinations",
    severity: "error",
    description: "Windows node pools need Azure CNI on the Azure dataplane, and Windows Server 2019 is retired.",
    messages: {
      kubenet: {
        message: 'Pool "{pool}" runs {os}, but kubenet has no Windows node pools.',
        fix: "Move to Azure CNI Overlay (plugin: azure, pluginMode: overlay) to run Windows pools.",
      },
      cilium: {
        message: 'Pool "{pool}" runs {os}, but the Cilium dataplane is Linux-only.',
        fix: "Use dataplane: azure, or run the Windows workloads in another cluster.",
      },
      byo: {
        message: 'Pool "{pool}" runs {os} with BYO CNI; AKS supports Windows pools only with Azure CNI.',
        fix: "Use plugin: azure with pluginMode: overlay for clusters with Windows pools.",
      },
      ws2019: {
        message: 'Pool "{pool}" runs Windows Server 2019, which AKS retired on {date}.',
        fix: "Use os: Windows2022 or Windows2025.",
      },
      system: {
        message: 'System pool "{pool}" runs {os}; system node pools must run Linux.',
        fix: "Set os: Linux for the system pool and put Windows in a user pool.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-powered-by-cilium.md",
      ...sourceUrls(WS2019.source),
      "MicrosoftDocs/azure-aks-docs:articles/aks/use-system-pools.md",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    for (const p of plan.pools) {
      if (p.os === "Linux") continue;
      const at = ["nodePools", p.index, "os"];
      const data = { pool: p.name, os: p.os };
      if (p.mode === "System") report({ messageId: "system", path: at, data });
      if (plan.plugin === "kubenet") report({ messageId: "kubenet", path: at, data });
      else if (plan.plugin === "none") report({ messageId: "byo", path: at, data });
      else if (plan.dataplane === "cilium") report({ messageId: "cilium", path: at, data });
      if (p.os === "Windows2019") report({ messageId: "ws2019", path: at, data: { pool: p.name, date: WS2019.date } });
    }
  },
});
