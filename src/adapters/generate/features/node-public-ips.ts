/**
 * Node public IPs (`nodePools[].nodePublicIp`): each node of the pool gets its own public IP, from the public IP
 * prefix `nodePublicIpPrefixId` names when the plan gives it (with authorized IP ranges AKS asks for a prefix that is
 * one of the ranges: kb AUTHORIZED_IP_RANGES.nodePublicIpPrefixesAuthorized, checked by `check`). Written as az
 * `--enable-node-public-ip --node-public-ip-prefix-id`, ARM `enableNodePublicIP` / `nodePublicIPPrefixID` and
 * azurerm 4.x `node_public_ip_enabled` / `node_public_ip_prefix_id` (kb AUTHORIZED_IP_RANGES.nodePublicIpPrefixId).
 * The prefix is the user's: the output does not create it.
 */
import type { Arg } from "../az-words.js";
import type { BicepValue } from "../bicep-writer.js";
import type { HclItem } from "../hcl.js";
import { shellQuote } from "../quote.js";
import type { GenPlan, GenPool } from "../model.js";
import type { GenFeature } from "./feature.js";

const hasPublicIps = (plan: GenPlan) => plan.pools.some((p) => p.nodePublicIp === true);

function az(plan: GenPlan) {
  if (!hasPublicIps(plan)) return {};
  return {
    poolArgs: (p: GenPool): readonly Arg[] =>
      p.nodePublicIp !== true
        ? []
        : [
            ["--enable-node-public-ip"],
            ...(p.nodePublicIpPrefixId !== undefined
              ? [["--node-public-ip-prefix-id", shellQuote(p.nodePublicIpPrefixId)] as const]
              : []),
          ],
  };
}

function bicep(plan: GenPlan) {
  if (!hasPublicIps(plan)) return {};
  return {
    poolProperties: (p: GenPool): Readonly<Record<string, BicepValue>> =>
      p.nodePublicIp !== true
        ? {}
        : {
            enableNodePublicIP: true,
            ...(p.nodePublicIpPrefixId !== undefined ? { nodePublicIPPrefixID: p.nodePublicIpPrefixId } : {}),
          },
  };
}

function terraform(plan: GenPlan) {
  if (!hasPublicIps(plan)) return {};
  return {
    poolItems: (p: GenPool): readonly HclItem[] =>
      p.nodePublicIp !== true
        ? []
        : [
            { attr: "node_public_ip_enabled", value: true },
            ...(p.nodePublicIpPrefixId !== undefined
              ? [{ attr: "node_public_ip_prefix_id", value: p.nodePublicIpPrefixId }]
              : []),
          ],
  };
}

export const NODE_PUBLIC_IPS: GenFeature = { az, bicep, terraform };
