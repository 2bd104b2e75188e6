/** The subnet kinds beside a cluster's node and pod subnets, by id. */
import { API_SERVER_SUBNET } from "./api-server.js";
import { AGC_SUBNET } from "./app-gateway-for-containers.js";
import { APPLICATION_GATEWAY_SUBNET } from "./application-gateway.js";
import {
  AZURE_FIREWALL_MANAGEMENT_SUBNET,
  AZURE_FIREWALL_SUBNET,
  BASTION_SUBNET,
  VIRTUAL_NETWORK_GATEWAY_SUBNET,
} from "./hub.js";
import { INTERNAL_LOAD_BALANCER_SUBNET } from "./internal-load-balancers.js";
import type { SubnetKindFacts, SubnetKindId } from "./kind.js";
import { PRIVATE_ENDPOINT_SUBNET } from "./private-endpoints.js";
import { VIRTUAL_NODES_SUBNET } from "./virtual-nodes.js";

export const SUBNET_KINDS: { readonly [K in SubnetKindId]: SubnetKindFacts & { readonly id: K } } = {
  apiServer: API_SERVER_SUBNET,
  applicationGatewayForContainers: AGC_SUBNET,
  applicationGateway: APPLICATION_GATEWAY_SUBNET,
  azureFirewall: AZURE_FIREWALL_SUBNET,
  azureFirewallManagement: AZURE_FIREWALL_MANAGEMENT_SUBNET,
  bastion: BASTION_SUBNET,
  virtualNetworkGateway: VIRTUAL_NETWORK_GATEWAY_SUBNET,
  privateEndpoints: PRIVATE_ENDPOINT_SUBNET,
  internalLoadBalancers: INTERNAL_LOAD_BALANCER_SUBNET,
  virtualNodes: VIRTUAL_NODES_SUBNET,
};

const BY_NAME = new Map<string, SubnetKindId>();
const BY_DELEGATION = new Map<string, SubnetKindId>();
for (const k of Object.values(SUBNET_KINDS)) {
  if (k.requiredName.value !== null) BY_NAME.set(k.requiredName.value, k.id);
  if (k.delegation.value !== null) BY_DELEGATION.set(k.delegation.value.toLowerCase(), k.id);
}

/** The kind whose required name this is (Azure's reserved subnet names, exact case), if any. */
export function subnetKindByName(name: string): SubnetKindId | undefined {
  return BY_NAME.get(name);
}

/** The kind a delegation belongs to (any case), if one of ours. */
export function subnetKindByDelegation(delegation: string): SubnetKindId | undefined {
  return typeof delegation === "string" ? BY_DELEGATION.get(delegation.toLowerCase()) : undefined;
}

export { SUBNET_KIND_IDS, type SubnetKindId, type SubnetKindFacts, type UnitUse } from "./kind.js";
export { API_SERVER_SUBNET } from "./api-server.js";
export { AGC_SUBNET } from "./app-gateway-for-containers.js";
export { APPLICATION_GATEWAY_SUBNET } from "./application-gateway.js";
export {
  AZURE_FIREWALL_SUBNET,
  AZURE_FIREWALL_MANAGEMENT_SUBNET,
  BASTION_SUBNET,
  VIRTUAL_NETWORK_GATEWAY_SUBNET,
} from "./hub.js";
export { PRIVATE_ENDPOINT_SUBNET } from "./private-endpoints.js";
export { INTERNAL_LOAD_BALANCER_SUBNET } from "./internal-load-balancers.js";
export { VIRTUAL_NODES_SUBNET } from "./virtual-nodes.js";
export { SUBNET_GROWTH } from "./growth.js";
