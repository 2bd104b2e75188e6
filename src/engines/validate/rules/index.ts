/**
 * The rule catalog, in id order. Every file in this folder (but tests and this
 * index) is one rule and must be listed here; the catalog test checks it.
 */
import type { Rule } from "../rule.js";
import cidrInvalid from "./cidr-invalid.js";
import dnsAndServiceCidrSetSeparately from "./dns-and-service-cidr-set-separately.js";
import dnsServiceIpOutsideServiceCidr from "./dns-service-ip-outside-service-cidr.js";
import dnsServiceIpReservedAddress from "./dns-service-ip-reserved-address.js";
import pluginCombinationUnsupported from "./plugin-combination-unsupported.js";
import podCidrNeedsOverlay from "./pod-cidr-needs-overlay.js";
import policyUnsupportedForNetwork from "./policy-unsupported-for-network.js";
import rangeOverlapsReserved from "./range-overlaps-reserved.js";
import serviceCidrInsideVnet from "./service-cidr-inside-vnet.js";
import serviceCidrOverlapsNetwork from "./service-cidr-overlaps-network.js";
import serviceCidrOverlapsSubnet from "./service-cidr-overlaps-subnet.js";
import serviceCidrTooLarge from "./service-cidr-too-large.js";
import windowsPoolUnsupported from "./windows-pool-unsupported.js";

export const RULES: readonly Rule[] = [
  cidrInvalid,
  dnsAndServiceCidrSetSeparately,
  dnsServiceIpOutsideServiceCidr,
  dnsServiceIpReservedAddress,
  pluginCombinationUnsupported,
  podCidrNeedsOverlay,
  policyUnsupportedForNetwork,
  rangeOverlapsReserved,
  serviceCidrInsideVnet,
  serviceCidrOverlapsNetwork,
  serviceCidrOverlapsSubnet,
  serviceCidrTooLarge,
  windowsPoolUnsupported,
];
