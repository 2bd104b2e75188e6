/**
 * Application Gateway (v2) for the Application Gateway Ingress Controller (AGIC):
 * a dedicated subnet holding one address per instance, one per private frontend
 * and Azure's five.
 */
import { aksRelease, page, sourced } from "../source.js";
import { defineSubnetKind } from "./kind.js";

const C = { checked: "2026-12-06" } as const;
/** Re-read against the infrastructure page on 2026-12-07 (docs/kb-audit.md). */
const READ = { checked: "2026-12-07" } as const;
const INFRA = (note: string) =>
  page("https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure", note);

export const APPLICATION_GATEWAY_SUBNET = defineSubnetKind({
  id: "applicationGateway",
  title: "Application Gateway subnet (AGIC)",
  requiredName: sourced(null, INFRA("any name"), READ),
  delegation: sourced(null, INFRA("a dedicated subnet, no delegation"), READ),
  dedicated: sourced(
    true,
    INFRA(
      "you can deploy other application gateways in the subnet, but no other resource; v1 and v2 can't share a subnet",
    ),
    READ,
  ),
  maxPrefixLength: sourced(29, INFRA("instances + 1 private frontend + 5 reserved addresses"), {
    ...READ,
    derived: "no smallest size is stated; Azure's smallest subnet, /29, holds one instance and a private frontend",
  }),
  minPrefixLength: sourced(null, INFRA("no largest size documented"), READ),
  recommendedPrefixLength: sourced(
    24,
    INFRA("Standard_v2 or WAF_v2 support up to 125 instances; a minimum subnet size of /24 is recommended"),
    READ,
  ),
  unitUse: sourced(
    { unit: "instance", addresses: 1 },
    INFRA("one private IP address per instance, plus one if a private frontend IP is configured"),
    READ,
  ),
  /** Instances a v2 gateway scales to at most. */
  maxInstancesV2: sourced(125, INFRA("Standard_v2 or WAF_v2 SKU can support up to 125 instances"), READ),
  /** Addresses a private frontend IP configuration takes. */
  privateFrontendAddresses: sourced(
    1,
    INFRA("another private IP address if a private front-end IP is configured"),
    READ,
  ),
  /**
   * With Azure CNI Overlay: AGIC (1.8.0 or later) registers the gateway subnet with the cluster's overlay
   * (an OverlayExtensionConfig), which accepts /24 or longer prefixes only.
   */
  overlayMaxSubnet: sourced(
    24,
    [
      page(
        "https://github.com/Azure/application-gateway-kubernetes-ingress/pull/1650",
        "Overlay support: AGIC creates an Overlay Extension Config with the gateway subnet CIDR",
      ),
      page(
        "https://github.com/Azure/AKS/issues/5123",
        "the overlay extension config rejects prefixes shorter than /24: 'Must be 24 or higher'",
      ),
      aksRelease("2025-08-29", "Azure CNI Overlay is GA and compatible with AGIC"),
    ],
    {
      ...C,
      derived:
        "AGIC's Overlay mode hands the gateway subnet to the same overlay extension config as AGC, whose /24 limit " +
        "the " +
        "ALB controller reports; no AGIC page states the limit itself",
    },
  ),
  /** The AGIC version that supports Overlay. */
  overlayAgicMin: sourced(
    "1.8.0",
    aksRelease("2025-03-16", "AGIC add-on updated to v1.8.0, adding support for CNI Overlay"),
    C,
  ),
});
