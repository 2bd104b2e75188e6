/** NAT gateway outbound: the managed gateway (managed VNet only) and a gateway you attach to the node subnet. */
import { aksDoc, sourced } from "./source.js";

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
} as const;
