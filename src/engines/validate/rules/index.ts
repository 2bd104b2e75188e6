/**
 * The rule catalog, in id order. Every file in this folder (but tests and this
 * index) is one rule and must be listed here; the catalog test checks it.
 */
import type { Rule } from "../rule.js";
import agcSubnetInvalid from "./agc-subnet-invalid.js";
import apiServerSubnetInvalid from "./api-server-subnet-invalid.js";
import applicationGatewaySubnetInvalid from "./application-gateway-subnet-invalid.js";
import automaticNetworkInvalid from "./automatic-network-invalid.js";
import authorizedIpRangeInvalid from "./authorized-ip-range-invalid.js";
import authorizedIpRangesUnsupported from "./authorized-ip-ranges-unsupported.js";
import autoscalerBoundsInvalid from "./autoscaler-bounds-invalid.js";
import cidrInvalid from "./cidr-invalid.js";
import clusterExceedsNodeLimit from "./cluster-exceeds-node-limit.js";
import connectedNetworkOverlapsVnet from "./connected-network-overlaps-vnet.js";
import gatewayPoolInvalid from "./gateway-pool-invalid.js";
import dnsAndServiceCidrSetSeparately from "./dns-and-service-cidr-set-separately.js";
import dnsServiceIpOutsideServiceCidr from "./dns-service-ip-outside-service-cidr.js";
import dnsServiceIpReservedAddress from "./dns-service-ip-reserved-address.js";
import dualStackUnsupported from "./dual-stack-unsupported.js";
import ipFamiliesMismatch from "./ip-families-mismatch.js";
import kubernetesVersionUnsupported from "./kubernetes-version-unsupported.js";
import maxPodsNotRecommended from "./max-pods-not-recommended.js";
import maxPodsOutOfRange from "./max-pods-out-of-range.js";
import nameInvalid from "./name-invalid.js";
import natGatewayInvalid from "./nat-gateway-invalid.js";
import napSubnetTooSmall from "./nap-subnet-too-small.js";
import nodeAutoProvisioningUnsupported from "./node-auto-provisioning-unsupported.js";
import noSystemPool from "./no-system-pool.js";
import nodeCountOutOfRange from "./node-count-out-of-range.js";
import outboundTypeNeedsVnet from "./outbound-type-needs-vnet.js";
import pluginCombinationUnsupported from "./plugin-combination-unsupported.js";
import podCidrMissing from "./pod-cidr-missing.js";
import podCidrNeedsOverlay from "./pod-cidr-needs-overlay.js";
import podCidrNotPrivate from "./pod-cidr-not-private.js";
import podCidrOverlapsNetwork from "./pod-cidr-overlaps-network.js";
import podCidrTooSmallForNodes from "./pod-cidr-too-small-for-nodes.js";
import podSubnetTooSmall from "./pod-subnet-too-small.js";
import policyUnsupportedForNetwork from "./policy-unsupported-for-network.js";
import poolBelow30Pods from "./pool-below-30-pods.js";
import rangeOverlapsReserved from "./range-overlaps-reserved.js";
import reservedSubnetInvalid from "./reserved-subnet-invalid.js";
import retirementAhead from "./retirement-ahead.js";
import routeTableInvalid from "./route-table-invalid.js";
import serviceCidrInsideVnet from "./service-cidr-inside-vnet.js";
import serviceCidrNotPrivate from "./service-cidr-not-private.js";
import serviceCidrOverlapsNetwork from "./service-cidr-overlaps-network.js";
import serviceCidrOverlapsSubnet from "./service-cidr-overlaps-subnet.js";
import serviceCidrTooLarge from "./service-cidr-too-large.js";
import subnetReferenceInvalid from "./subnet-reference-invalid.js";
import subnetTooSmallForNodes from "./subnet-too-small-for-nodes.js";
import upgradeSettingsInvalid from "./upgrade-settings-invalid.js";
import valueNotUnderstood from "./value-not-understood.js";
import vnetLayoutInvalid from "./vnet-layout-invalid.js";
import virtualNodesUnsupported from "./virtual-nodes-unsupported.js";
import windowsPoolUnsupported from "./windows-pool-unsupported.js";

export const RULES: readonly Rule[] = [
  agcSubnetInvalid,
  apiServerSubnetInvalid,
  applicationGatewaySubnetInvalid,
  authorizedIpRangeInvalid,
  authorizedIpRangesUnsupported,
  automaticNetworkInvalid,
  autoscalerBoundsInvalid,
  cidrInvalid,
  clusterExceedsNodeLimit,
  connectedNetworkOverlapsVnet,
  dnsAndServiceCidrSetSeparately,
  dnsServiceIpOutsideServiceCidr,
  dnsServiceIpReservedAddress,
  dualStackUnsupported,
  gatewayPoolInvalid,
  ipFamiliesMismatch,
  kubernetesVersionUnsupported,
  maxPodsNotRecommended,
  maxPodsOutOfRange,
  nameInvalid,
  napSubnetTooSmall,
  natGatewayInvalid,
  noSystemPool,
  nodeAutoProvisioningUnsupported,
  nodeCountOutOfRange,
  outboundTypeNeedsVnet,
  pluginCombinationUnsupported,
  podCidrMissing,
  podCidrNeedsOverlay,
  podCidrNotPrivate,
  podCidrOverlapsNetwork,
  podCidrTooSmallForNodes,
  podSubnetTooSmall,
  policyUnsupportedForNetwork,
  poolBelow30Pods,
  rangeOverlapsReserved,
  reservedSubnetInvalid,
  retirementAhead,
  routeTableInvalid,
  serviceCidrInsideVnet,
  serviceCidrNotPrivate,
  serviceCidrOverlapsNetwork,
  serviceCidrOverlapsSubnet,
  serviceCidrTooLarge,
  subnetReferenceInvalid,
  subnetTooSmallForNodes,
  upgradeSettingsInvalid,
  valueNotUnderstood,
  virtualNodesUnsupported,
  vnetLayoutInvalid,
  windowsPoolUnsupported,
];
