/**
 * Node auto-provisioning (`nodeProvisioningProfile.mode: Auto`): Karpenter creates the nodes from the NodePools
 * and AKSNodeClasses applied after the cluster, taking addresses from each class's `vnetSubnetID` (or the
 * cluster's node subnet). Those are Kubernetes objects, not ARM resources: the output says what to apply and
 * that ARM never checks their subnets up front (a subnet too small fails later, with SubnetIsFull). Terraform
 * writes the mode in the `node_provisioning_profile` block it always has (terraform.ts).
 *
 * Sources (checked 2026-12-06): MicrosoftDocs/azure-aks-docs:articles/aks/node-auto-provisioning.md
 * (`az aks create --node-provisioning-mode Auto`), node-auto-provisioning-networking.md (subnets, no ARM
 * validation); Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_params.py (`node_provisioning_mode`
 * of `aks create`); the 2026-04-01 API's ManagedClusterNodeProvisioningProfile.
 */
import { NODE_AUTO_PROVISIONING } from "../../../kb/index.js";
import type { GenPlan } from "../model.js";
import type { GenFeature } from "./feature.js";

/** What to do after the cluster, as comment lines (no prefix). */
export function napAfterwards(plan: GenPlan): string[] {
  if (plan.nodeProvisioning !== "Auto") return [];
  return [
    "Node auto-provisioning: apply your Karpenter NodePools and AKSNodeClasses (spec.vnetSubnetID) with kubectl;",
    "their nodes get addresses only when they are created, because node auto-provisioning skips ARM's up-front",
    "subnet check: a subnet too small for a NodePool's limits fails later with SubnetIsFull (aksnet check sizes them).",
    `Source: ${NODE_AUTO_PROVISIONING.skipsArmSubnetCheck.source[0]?.url ?? ""}`,
  ];
}

function az(plan: GenPlan) {
  if (plan.nodeProvisioning === undefined) return {};
  return {
    clusterArgs: [["--node-provisioning-mode", plan.nodeProvisioning]] as const,
    afterCluster: napAfterwards(plan).map((l) => `# ${l}`),
  };
}

function bicep(plan: GenPlan) {
  if (plan.nodeProvisioning === undefined) return {};
  return {
    clusterProperties: { nodeProvisioningProfile: { mode: plan.nodeProvisioning } },
    afterCluster: napAfterwards(plan).map((l) => `// ${l}`),
  };
}

function terraform(plan: GenPlan) {
  const lines = napAfterwards(plan);
  return lines.length > 0 ? { afterCluster: [{ comment: lines.join("\n") }] } : {};
}

export const NODE_PROVISIONING: GenFeature = { az, bicep, terraform };
