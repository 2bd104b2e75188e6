/** Dates after which AKS stops supporting something a network plan may use. */
import { aksDoc, aksRelease, page, repoFile, type Source } from "./source.js";

export interface Retirement {
  readonly id: string;
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly source: readonly Source[];
  /** YYYY-MM-DD: when the date was last checked against its sources. */
  readonly checked: string;
  readonly note?: string;
  /** An earlier announced date, kept when the date moved. */
  readonly previousDate?: string;
}

export const RETIREMENTS: readonly Retirement[] = [
  {
    id: "kubenet",
    title: "kubenet network plugin",
    date: "2028-03-31",
    source: [
      repoFile("MicrosoftDocs/azure-aks-docs:articles/aks/includes/kubenet-retirement.md"),
      page("https://github.com/Azure/AKS/issues/4859"),
    ],
    checked: "2026-12-07",
    note: "migrate to Azure CNI Overlay",
  },
  {
    id: "npm-windows",
    title: "Azure Network Policy Manager on Windows",
    date: "2026-09-30",
    source: [
      repoFile("MicrosoftDocs/azure-aks-docs:articles/aks/includes/azure-network-policy-manager-windows-retirement.md"),
    ],
    checked: "2026-12-07",
    note: "no new onboarding",
  },
  {
    id: "npm-linux",
    title: "Azure Network Policy Manager on Linux",
    date: "2028-09-30",
    source: [
      repoFile("MicrosoftDocs/azure-aks-docs:articles/aks/includes/azure-network-policy-manager-linux-retirement.md"),
    ],
    checked: "2026-12-07",
    note: "migrate to Cilium network policy",
  },
  {
    id: "basic-load-balancer",
    title: "Basic Load Balancer",
    date: "2025-09-30",
    source: [aksDoc("quotas-skus-regions")],
    checked: "2026-12-07",
  },
  {
    id: "windows-server-2019",
    title: "Windows Server 2019 node pools",
    date: "2026-03-01",
    source: [aksRelease("2026-05-29")],
    checked: "2026-12-07",
  },
  {
    id: "windows-server-2022",
    title: "Windows Server 2022 node pools",
    date: "2028-06-30",
    previousDate: "2027-03-15",
    source: [aksRelease("2026-06-19")],
    checked: "2026-12-07",
    note: "earlier release notes said 15 March 2027",
  },
];

/** The retirement with this id. */
export function retirement(id: string): Retirement | undefined {
  return RETIREMENTS.find((r) => r.id === id);
}
