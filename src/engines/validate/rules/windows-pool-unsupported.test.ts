import { ruleTester } from "../testing/rule-tester.js";
import { mk, type Draft } from "../testing/plans.js";
import rule from "./windows-pool-unsupported.js";

const win = (os: "Windows2019" | "Windows2022" | "Windows2025") => (d: Draft) => {
  d.nodePools[1]!.os = os;
  d.nodePools[1]!.name = "win";
};

ruleTester(rule, {
  valid: [
    { name: "Linux only", plan: mk() },
    { name: "Windows 2022 user pool on overlay", plan: mk(win("Windows2022")) },
    {
      name: "Windows 2025 on node subnet",
      plan: mk((d) => {
        win("Windows2025")(d);
        delete d.network.pluginMode;
        delete d.network.podCidrs;
      }),
    },
  ],
  invalid: [
    {
      name: "Windows on kubenet",
      plan: mk((d) => {
        win("Windows2022")(d);
        d.network.plugin = "kubenet";
        delete d.network.pluginMode;
      }),
      findings: [
        {
          messageId: "kubenet",
          path: "nodePools[1].os",
          message: 'Pool "win" runs Windows2022, but kubenet has no Windows node pools.',
        },
      ],
    },
    {
      name: "Windows with Cilium",
      plan: mk((d) => {
        win("Windows2022")(d);
        d.network.dataplane = "cilium";
      }),
      findings: [
        {
          messageId: "cilium",
          path: "nodePools[1].os",
          message: 'Pool "win" runs Windows2022, but the Cilium dataplane is Linux-only.',
        },
      ],
    },
    {
      name: "Windows with BYO CNI",
      plan: mk((d) => {
        win("Windows2022")(d);
        d.network.plugin = "none";
        delete d.network.pluginMode;
      }),
      findings: [
        {
          messageId: "byo",
          path: "nodePools[1].os",
          message: 'Pool "win" runs Windows2022 with BYO CNI; AKS supports Windows pools only with Azure CNI.',
        },
      ],
    },
    {
      name: "Windows Server 2019",
      plan: mk(win("Windows2019")),
      findings: [
        {
          messageId: "ws2019",
          path: "nodePools[1].os",
          message: 'Pool "win" runs Windows Server 2019, which AKS retired on 2026-03-01.',
        },
      ],
    },
    {
      name: "Windows system pool",
      plan: mk((d) => {
        d.nodePools[0]!.os = "Windows2022";
      }),
      findings: [
        {
          messageId: "system",
          path: "nodePools[0].os",
          message: 'System pool "system" runs Windows2022; system node pools must run Linux.',
        },
      ],
    },
  ],
});
