/**
 * A plan started from `aksnet inspect -o json` run with `--azure` (or `--azure-from`): the cluster's ARM record
 * as inspect's `azure.cluster` gives it — the same fields as a cluster of `aksnet scan -o json` — read by
 * ./scan-plan.ts, with the subnets its pools use (`azure.subnets[]`) and the other subnets of its VNet that have
 * a role (`azure.vnetSubnets[]`: firewall, Bastion, gateway, AGC, private endpoints …) as the plan's VNet. inspect
 * does not carry the VNet's address space: the subnets' own prefixes stand for it (the header says so). Pure.
 */
import { planFromScannedCluster } from "./scan-plan.js";

type Rec = Readonly<Record<string, unknown>>;
const rec = (v: unknown): Rec => (v && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const lower = (s: string | undefined) => s?.toLowerCase();

/** The plan text of the inspected cluster, or undefined when inspect did not read its ARM record. */
export function planFromInspect(report: unknown): string | undefined {
  const azure = rec(rec(report)["azure"]);
  const cluster = rec(azure["cluster"]);
  const name = str(cluster["name"]);
  if (!name) return undefined;
  const used = list(azure["subnets"]);
  const seen = new Set(used.map((s) => lower(str(s["id"]))));
  const other = list(azure["vnetSubnets"])
    .filter((s) => !seen.has(lower(str(s["id"]))))
    .map((s) => ({ ...s, vnetId: str(s["id"])?.replace(/\/subnets\/[^/]+$/i, "") }));
  const scan = { clusters: [cluster], subnets: [...used, ...other], vnets: [] };
  return planFromScannedCluster(scan, name, [], "aksnet inspect");
}
