/**
 * The checks every generated value passes (`toGenPlan`): the Azure naming rules as patterns with the sentence
 * a refusal quotes, and a collector of problems and assumptions.
 *
 * Naming rules: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 * (Microsoft.ContainerService managedClusters 1-63, alphanumerics, underscores, hyphens;
 * Microsoft.Network virtualNetworks 2-64, subnets and routeTables 1-80, alphanumerics, underscores, periods,
 * hyphens; resource groups 1-90), checked 2026-11-22 (route tables 2026-12-06); the AKS REST API states the same
 * patterns for cluster names and agent pool names (`^[a-z][a-z0-9]{0,11}$`):
 * https://learn.microsoft.com/rest/api/aks/agent-pools/create-or-update (checked 2026-11-22). Windows pool names
 * at most 6 characters — hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster_node_pool.html.markdown,
 * checked 2026-11-22.
 */
import { tryParseAddr, tryParsePrefix } from "../../ip/index.js";
import type { GenProblem } from "./model.js";

export const CLUSTER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/;
export const RESOURCE_GROUP = /^[A-Za-z0-9_.()-]{0,89}[A-Za-z0-9_()-]$/;
export const VNET_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])$/;
export const SUBNET_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
export const LINUX_POOL = /^[a-z][a-z0-9]{0,11}$/;
export const WINDOWS_POOL = /^[a-z][a-z0-9]{0,5}$/;
export const LOCATION = /^[a-z][a-z0-9]{1,40}$/;
export const K8S_VERSION = /^[0-9]{1,2}\.[0-9]{1,3}(?:\.[0-9]{1,3})?$/;
export const SURGE = /^(?:[0-9]{1,4}|[0-9]{1,3}%)$/;
export const ROUTE_TABLE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
export const ROUTE_NAME = ROUTE_TABLE_NAME;
export const DELEGATION = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*\/[A-Za-z0-9]+(?:\/[A-Za-z0-9]+)*$/;

export const RULES = {
  name: "a cluster name is 1-63 letters, digits, underscores and hyphens, starting and ending with a letter or digit",
  resourceGroup:
    "a resource group name is 1-90 letters, digits, underscores, periods, parentheses and hyphens, not ending in a period",
  location: 'a location is an Azure region name in lower case without spaces, e.g. "westeurope"',
  kubernetesVersion: 'a Kubernetes version is "1.33" or "1.33.2"',
  vnetName:
    "a VNet name is 2-64 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore",
  subnetName:
    "a subnet name is 1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore",
  routeTableName:
    "a route table name is 1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore",
  routeName:
    "a route name is 1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore",
  delegation: 'a delegation is a service name such as "Microsoft.ContainerInstance/containerGroups"',
  windowsPool: "a Windows node pool name is 1-6 lower-case letters and digits, starting with a letter",
  linuxPool: "a Linux node pool name is 1-12 lower-case letters and digits, starting with a letter",
  maxSurge: 'a max surge is a whole number of nodes (3) or a percentage ("33%")',
} as const;

/** Collects the problems and assumptions of one `toGenPlan` run. */
export class Checks {
  readonly problems: GenProblem[] = [];
  readonly assumptions: string[] = [];

  /** Records a problem when `value` is set and does not match `pattern`; returns the value. */
  match<T extends string>(path: string, value: T | undefined, pattern: RegExp, rule: string): T | undefined {
    if (value !== undefined && !pattern.test(value)) this.problems.push({ path, value, reason: rule });
    return value;
  }

  /** A CIDR that parses and is a network address, in canonical text (the input when it does not parse). */
  cidr(path: string, value: string): string {
    const r = tryParsePrefix(value);
    if (!r.ok) this.problems.push({ path, value, reason: r.error.reason });
    else if (!r.value.isMasked())
      this.problems.push({
        path,
        value,
        reason: `it is not a network address (the network is ${r.value.masked().toString()})`,
      });
    return r.ok ? r.value.toString() : value;
  }

  /** An address that parses, in canonical text. */
  addr(path: string, value: string): string {
    const r = tryParseAddr(value);
    if (!r.ok) this.problems.push({ path, value, reason: r.error.reason });
    return r.ok ? r.value.toString() : value;
  }
}
