/** NAT gateway outbound: the managed gateway (managed VNet only) and a gateway you attach to the node subnet. */
import { aksDoc, page, sourced } from "./source.js";

const C = { checked: "2026-12-06" } as const;
const NAT = (note: string) => aksDoc("nat-gateway", note);

export const NAT_GATEWAY = {
  /** `managedNATGateway` works only with the AKS-managed VNet. */
  managedNeedsManagedVnet: sourced(true, NAT("Managed NAT gateway isn't compatible with custom virtual networks"), C),
  /** `userAssignedNATGateway` needs your own VNet with the NAT gateway already on the node subnet. */
  userAssignedNeedsSubnetAssociation: sourced(
    true,
    NAT(
      "This configuration requires bring-your-own networking and that the NAT gateway is preconfigured on the subnet",
    ),
    C,
  ),
  /** Public IP addresses one NAT gateway may use, and flows per address. */
  maxPublicIps: sourced(16, NAT("a maximum of 16 IP addresses"), C),
  flowsPerIp: sourced(64_512, NAT("up to 64,512 outbound UDP and TCP traffic flows per IP address"), C),
  /** The TCP idle timeout a NAT gateway accepts, in minutes (default 4). */
  idleTimeoutMinutes: sourced(
    { min: 4, max: 120, default: 4 },
    page(
      "https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource",
      "TCP idle timeout: 4 minutes by default, adjustable up to 120 minutes",
    ),
    C,
  ),
} as const;
