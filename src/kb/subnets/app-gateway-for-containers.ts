/**
 * Application Gateway for Containers (AGC): its association needs a subnet
 * delegated to Microsoft.ServiceNetworking/trafficControllers. With Azure CNI
 * Overlay the subnet must be exactly a /24.
 */
import { aksRelease, page, sourced } from "../source.js";
import { defineSubnetKind } from "./kind.js";

const C = { checked: "2026-12-06" } as const;
const AGC = "https://learn.microsoft.com/azure/application-gateway/for-containers/";
const QUICKSTART = (note: string) =>
  page(`${AGC}quickstart-create-application-gateway-for-containers-managed-by-alb-controller`, note);
const BYO = (note: string) => page(`${AGC}quickstart-create-application-gateway-for-containers-byo-deployment`, note);
const NETWORKING = (note: string) => page(`${AGC}container-networking`, note);

export const AGC_SUBNET = defineSubnetKind({
  id: "applicationGatewayForContainers",
  title: "Application Gateway for Containers subnet",
  requiredName: sourced(null, QUICKSTART("any non-reserved name; the sample uses subnet-alb"), C),
  delegation: sourced(
    "Microsoft.ServiceNetworking/trafficControllers",
    [QUICKSTART("delegated to the Application Gateway for Containers resource")],
    C,
  ),
  dedicated: sourced(true, BYO("reuse an existing subnet and enable subnet delegation on it"), {
    ...C,
    derived: "a delegated subnet holds only the service it is delegated to",
  }),
  maxPrefixLength: sourced(
    24,
    [
      QUICKSTART("at least 250 available IP addresses"),
      BYO("at least a class C or larger (/24 or smaller CIDR prefix)"),
    ],
    C,
  ),
  minPrefixLength: sourced(null, QUICKSTART("no largest size documented for Azure CNI node or pod subnet clusters"), C),
  recommendedPrefixLength: sourced(24, [QUICKSTART("/24 or larger"), NETWORKING("with Overlay exactly /24")], C),
  unitUse: sourced(
    { unit: "association", addresses: 250 },
    QUICKSTART("a subnet with at least 250 available IP addresses"),
    C,
  ),
  /** Available addresses the association needs (a /24 has 256 − 5 = 251). */
  minFreeAddresses: sourced(250, QUICKSTART("at least 250 available IP addresses"), C),
  /** With Azure CNI Overlay: the only prefix length supported, one deployment per subnet. */
  overlayPrefixLength: sourced(
    24,
    [
      NETWORKING(
        "must be a /24 prefix; only one deployment is supported per subnet. A larger or smaller prefix isn't supported",
      ),
      page(
        "https://github.com/Azure/AKS/issues/5123",
        "ALB controller 1.6.7: extensionIPRange prefix length too short (/22). Must be 24 or higher",
      ),
    ],
    C,
  ),
  /** Deployments per subnet with Overlay. */
  overlayDeploymentsPerSubnet: sourced(1, NETWORKING("only one deployment is supported per subnet"), C),
  /** The ALB controller version Overlay needs. */
  overlayAlbControllerMin: sourced("1.5.0", NETWORKING("ALB Controller 1.5.0 or greater for CNI Overlay"), C),
  /** Since January 2026 AKS rejects create/upgrade when an add-on subnet misses these constraints. */
  enforcedByAks: sourced(
    true,
    aksRelease(
      "2026-01-04",
      "AKS now enforces required subnet configuration for networking add-ons such as Application Gateway for " +
        "Containers",
    ),
    C,
  ),
});
