/**
 * The cluster's parts beyond its network profile and pools, checked for generation: API Server VNet
 * Integration (and a private API server), node auto-provisioning, the add-ons that take a subnet, gateway
 * pools' prefix sizes, and the delegations the subnets these use need. Facts come from the knowledge base
 * (`SUBNET_KINDS`, `GATEWAY_POOL`); what each tool accepts is in `DEPLOY_FEATURES` (see `support.ts`).
 */
import type { Plan } from "../../engines/plan/index.js";
import { subnetPurposes } from "../../engines/layout/index.js";
import { GATEWAY_POOL, SUBNET_KINDS, subnetKindByName, type SubnetKindId } from "../../kb/index.js";
import type { Checks } from "./checks.js";
import { checkSubnetRef } from "./check-vnet.js";
import type { GenAddons, GenApiServer, GenVnet } from "./model.js";

/**
 * The delegation each subnet of the plan needs and does not state, by subnet name: the delegation of its
 * kind (API server, Application Gateway for Containers, virtual nodes), read from its `purpose`, its
 * Azure-reserved name or the field that names it.
 */
export function neededDelegations(plan: Plan): Map<string, { delegation: string; kind: SubnetKindId; why: string }> {
  const out = new Map<string, { delegation: string; kind: SubnetKindId; why: string }>();
  if (!plan.vnet) return out;
  const purposes = subnetPurposes(plan);
  for (const s of plan.vnet.subnets) {
    if (s.delegation !== undefined || out.has(s.name)) continue;
    const p = purposes.get(s.name);
    const kind = p && p.kind in SUBNET_KINDS ? (p.kind as SubnetKindId) : subnetKindByName(s.name);
    const delegation = kind !== undefined ? SUBNET_KINDS[kind].delegation.value : null;
    if (kind !== undefined && delegation !== null) out.set(s.name, { delegation, kind, why: p?.why ?? s.name });
  }
  return out;
}

/** `apiServer`: written only when VNet integration or a private API server is asked for. */
export function checkApiServer(plan: Plan, vnet: GenVnet | undefined, c: Checks): GenApiServer | undefined {
  const a = plan.apiServer;
  const vnetIntegration = a?.vnetIntegration === true;
  const isPrivate = a?.private === true;
  if (a?.subnet !== undefined && !vnetIntegration) {
    c.assumptions.push(
      `apiServer.subnet names ${a.subnet} but apiServer.vnetIntegration is not on: the subnet is not given to the ` +
        `cluster`,
    );
  }
  if (!vnetIntegration && !isPrivate) return undefined;
  if (vnetIntegration) checkSubnetRef("apiServer.subnet", a?.subnet, vnet, c);
  return {
    vnetIntegration,
    ...(vnetIntegration && a?.subnet !== undefined ? { subnet: a.subnet } : {}),
    private: isPrivate,
  };
}

/** `nodeProvisioning.mode`: Auto only when the plan asks for it. */
export function checkNodeProvisioning(plan: Plan): "Auto" | "Manual" | undefined {
  return plan.nodeProvisioning?.mode;
}

/**
 * The add-ons that take a subnet. Application Gateway for Containers is not an AKS add-on: its subnet gets
 * its delegation (`neededDelegations`) and the ALB controller or the `az network alb` commands create it.
 */
export function checkAddons(plan: Plan, vnet: GenVnet | undefined, c: Checks): GenAddons {
  const a = plan.addons;
  const vn = a?.virtualNodes?.subnet;
  const agw = a?.applicationGateway?.subnet;
  checkSubnetRef("addons.virtualNodes.subnet", vn, vnet, c);
  checkSubnetRef("addons.applicationGateway.subnet", agw, vnet, c);
  return {
    ...(vn !== undefined ? { virtualNodes: { subnet: vn } } : {}),
    ...(agw !== undefined ? { applicationGateway: { subnet: agw } } : {}),
  };
}

/** A gateway pool's public IP prefix length: within the range `--gateway-prefix-size` accepts. */
export function checkGatewayPrefix(path: string, value: number | undefined, c: Checks): void {
  if (value === undefined) return;
  const { min, max } = GATEWAY_POOL.prefixLengths.value;
  if (!Number.isInteger(value) || value < min || value > max)
    c.problems.push({
      path,
      value: String(value),
      reason: `a gateway pool's public IP prefix length is ${min} to ${max} (/${min}: 16 nodes … /${max}: 2)`,
    });
}
