/**
 * The knowledge base: AKS network models, limits, defaults, reserved ranges and
 * retirement dates, every value with its source and the date it was checked.
 *
 * - `Source`, `Sourced<T>` (`value`, `source[]`, `alternatives[]` where Microsoft's
 *   sources disagree, `derived` where the value is aksnet's reading of them).
 * - `MODELS[id]`: one `ModelFacts` per IPAM model (`podAddressing` is the unit a
 *   node takes; `maxNodes`, `defaultMaxPods`, features, retirement …).
 * - `DATAPLANES[id]`, `supportsDataplane(model, dataplane)`, `modelOf({ plugin, pluginMode, podSubnet, podIpAllocation
 *   })`.
 * - `FLEET`: what may be reused across clusters (Overlay pod and service CIDRs) and what must be distinct (meshed or
 *   routed pod CIDRs, peered spaces).
 * - `PLATFORM_LIMITS`, `RESERVED_RANGES`, `LOCALDNS_RANGE`, `DEFAULT_CIDRS`, `RETIREMENTS`.
 * - `DEPLOY_FEATURES`, `DEPLOY_TARGETS`: what the az CLI, the stable ARM API (Bicep) and the azurerm provider accept.
 * - `MIGRATION`: what AKS documents about moving a cluster to Overlay or Cilium (`MIGRATION_PAGES`: the pages cited).
 * - `defaultModel(k8s?)` (alias `defaultPlugin`), `defaultMaxSurge(k8s?)`, `defaultMaxPods(model)`; versions via
 *   `tryParseKubernetesVersion`.
 * - `AZURE_SUBNET` and `azureUsable`/`azureSubnetProblem`/`smallestAzureSubnetBits`: Azure's subnet rules.
 * - `NAME_RULES`, `nameProblem(kind, name)`, `suggestName`: Azure resource naming, used by check and generate.
 * - `TIER_NODE_LIMITS`, `DEFAULT_TIER`: nodes per pricing tier. `UPGRADE`: surge / maxUnavailable facts.
 * - `KUBERNETES_SUPPORT`, `kubernetesSupportOn`: the AKS Kubernetes calendar (community and long-term support).
 * - `PLAN_DEFAULTS`: dataplane, policy, outbound type, IP families, pool OS and mode AKS fills in.
 * - `POLICY_ENGINE_LIMITS`: Azure NPM's scale limit.
 * - `facts()`: every fact as a flat list; `renderFactsMarkdown()` renders `docs/kb.md`.
 * @module
 */
export { MODEL_IDS, DATAPLANE_IDS, isModelId, type ModelId, type DataplaneId } from "./ids.js";
export { isSourced, sourceUrls, type Source, type Sourced, type Alternative } from "./source.js";
export { formatCount, formatDay } from "./count-text.js";
export {
  MODEL_FACT_KEYS,
  type ModelFacts,
  type ModelConfig,
  type ModelStatus,
  type NetworkPolicyId,
  type NodeLimit,
  type PodAddressing,
  type Routing,
} from "./model.js";
export { MODELS, modelFactsOf, STATIC_BLOCK_MIN_KUBERNETES } from "./models/index.js";
export { DATAPLANES, supportsDataplane, type DataplaneFacts } from "./dataplanes.js";
export { modelOf, MODEL_SELECTION, type ModelSelector, type ModelSelectionFacts } from "./model-of.js";
export { PLATFORM_LIMITS, type PlatformLimits } from "./platform-limits.js";
export { FLEET, type FleetFacts } from "./fleet.js";
export { AVNM_IPAM, type AvnmIpamFacts, type PoolAllocationShape } from "./avnm-ipam.js";
export { AVNM_CONNECTIVITY, type AvnmConnectivityFacts } from "./avnm-connectivity.js";
export {
  RESERVED_RANGES,
  LOCALDNS_RANGE,
  OVERLAY_POD_CIDR_SUPPORTED_SPACE,
  type ReservedRange,
  type RangeUse,
} from "./reserved-ranges.js";
export {
  DEFAULT_CIDRS,
  DEFAULT_POD_CIDR_BITS,
  DEFAULT_SERVICE_CIDR_BITS,
  EXAMPLE_NODE_SUBNET_BITS,
  type DefaultCidrs,
} from "./default-cidrs.js";
export { SERVICE_CIDR_PRIVATE_SPACE_V4, MULTICAST_RANGES } from "./service-cidr.js";
export { RETIREMENTS, retirement, type Retirement } from "./retirements.js";
export {
  defaultModel,
  defaultPlugin,
  defaultMaxSurge,
  defaultMaxPods,
  RECOMMENDED_MAX_SURGE,
  PLAN_DEFAULTS,
  type PlanDefaults,
  type MaxSurge,
} from "./defaults.js";
export {
  tryParseKubernetesVersion,
  isAtLeast,
  formatKubernetesVersion,
  type KubernetesVersion,
} from "./kubernetes-version.js";
export {
  KUBERNETES_SUPPORT,
  kubernetesSupportOn,
  type KubernetesRelease,
  type KubernetesSupport,
  type KubernetesSupportFacts,
} from "./kubernetes-support.js";
export { MIGRATION, MIGRATION_PAGES, type MigrationFacts } from "./migration.js";
export {
  SUBNET_KINDS,
  SUBNET_KIND_IDS,
  SUBNET_GROWTH,
  subnetKindByName,
  subnetKindByDelegation,
  API_SERVER_SUBNET,
  AGC_SUBNET,
  APPLICATION_GATEWAY_SUBNET,
  AZURE_FIREWALL_SUBNET,
  AZURE_FIREWALL_MANAGEMENT_SUBNET,
  BASTION_SUBNET,
  VIRTUAL_NETWORK_GATEWAY_SUBNET,
  PRIVATE_ENDPOINT_SUBNET,
  INTERNAL_LOAD_BALANCER_SUBNET,
  VIRTUAL_NODES_SUBNET,
  type SubnetKindId,
  type SubnetKindFacts,
  type UnitUse,
} from "./subnets/index.js";
export { GATEWAY_POOL, gatewayPoolMaxNodes } from "./pools/gateway.js";
export { NODE_AUTO_PROVISIONING, napReplacementNodes } from "./pools/node-auto-provisioning.js";
export { SPOT_POOL } from "./pools/spot.js";
export { AKS_AUTOMATIC } from "./automatic.js";
export { NAT_GATEWAY } from "./nat-gateway.js";
export {
  AUTHORIZED_IP_RANGES,
  type AuthorizedRangeLimits,
  type NonGlobalRanges,
} from "./api-server-authorized-ranges.js";
export {
  AZURE_SUBNET,
  azureUsable,
  azureSubnetProblem,
  isAzureSubnetSize,
  smallestAzureSubnetBits,
} from "./azure-subnets.js";
export { type AzureSubnetRules } from "./azure-subnets.js";
export {
  NAME_KINDS,
  NAME_RULES,
  OVERLAY_NETWORK_NAME_MAX,
  nameProblem,
  isValidName,
  poolNameKind,
  suggestName,
  type NameKind,
  type NameRule,
} from "./names.js";
export {
  SKU_TIERS,
  TIER_NODE_LIMITS,
  FREE_TIER_RECOMMENDED_NODES,
  DEFAULT_TIER,
  AUTOMATIC_TIER,
  isSkuTier,
  type SkuTier,
} from "./tiers.js";
export { UPGRADE, type UpgradeFacts } from "./upgrade.js";
export { POLICY_ENGINE_LIMITS, type PolicyEngineLimits } from "./network-policy.js";
export { CLUSTER_SIGNALS, type LabelSignal, type ComponentSignal } from "./cluster-signals.js";
export { ADDRESS_PLANNING, type AddressPlanning } from "./address-planning.js";
export { facts, renderFactsMarkdown, type Fact } from "./catalog.js";
export {
  DEPLOY_FEATURES,
  type AzRequirement,
  type ArmSupport,
  type AzurermSupport,
  type DeployFeature,
  type DeployFeatureId,
} from "./deploy-tools.js";
export { DEPLOY_TARGETS, type DeployTargets } from "./deploy-targets.js";
