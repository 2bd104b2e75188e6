/**
 * The rule catalog, in id order. Every file in this folder (but tests and this
 * index) is one rule and must be listed here; the catalog test checks it.
 */
import type { Rule } from "../rule.js";
import autoscalerBoundsInvalid from "./autoscaler-bounds-invalid.js";
import cidrInvalid from "./cidr-invalid.js";
import clusterExceedsNodeLimit from "./cluster-exceeds-node-limit.js";
import dnsAndServiceCidrSetSeparately from "./dns-and-service-cidr-set-separately.js";
import dnsServiceIpOutsideServiceCidr from "./dns-service-ip-outside-service-cidr.js";
import dnsServiceIpReservedAddress from "./dns-service-ip-reserved-address.js";
import maxPodsNotRecommended from "./max-pods-not-recommended.js";
import maxPodsOutOfRange from "./max-pods-out-of-range.js";
import noSystemPool from "./no-system-pool.js";
import nodeCountOutOfRange from "./node-count-out-of-range.js";
import pluginCombinationUnsupported from "./plugin-combination-unsupported.js";
import podCidrMissing from "./pod-cidr-missing.js";
import podCidrNeedsOverlay from "./pod-cidr-needs-overlay.js";
import podCidrNotPrivate from "./pod-cidr-not-private.js";
import podCidrOverlapsNetwork from "./pod-cidr-overlaps-network.js";
import podCidrTooSmallForNodes from "./pod-cidr-too-small-for-nodes.js";
import policyUnsupportedForNetwork from "./policy-unsupported-for-network.js";
import poolBelow30Pods from "./pool-below-30-pods.js";
import rangeOverlapsReserved from "./range-overlaps-reserved.js";
import serviceCidrInsideVnet from "./service-cidr-inside-vnet.js";
import serviceCidrOverlapsNetwork from "./service-cidr-overlaps-network.js";
import serviceCidrOverlapsSubnet from "./service-cidr-overlaps-subnet.js";
import serviceCidrTooLarge from "./service-cidr-too-large.js";
import windowsPoolUnsupported from "./windows-pool-unsupported.js";

export const RULES: readonly Rule[] = [
  autoscalerBoundsInvalid,
  cidrInvalid,
  clusterExceedsNodeLimit,
  dnsAndServiceCidrSetSeparately,
  dnsServiceIpOutsideServiceCidr,
  dnsServiceIpReservedAddress,
  maxPodsNotRecommended,
  maxPodsOutOfRange,
  noSystemPool,
  nodeCountOutOfRange,
  pluginCombinationUnsupported,
  podCidrMissing,
  podCidrNeedsOverlay,
  podCidrNotPrivate,
  podCidrOverlapsNetwork,
  podCidrTooSmallForNodes,
  policyUnsupportedForNetwork,
  poolBelow30Pods,
  rangeOverlapsReserved,
  serviceCidrInsideVnet,
  serviceCidrOverlapsNetwork,
  serviceCidrOverlapsSubnet,
  serviceCidrTooLarge,
  windowsPoolUnsupported,
];
