/**
 * Private endpoints: each is a network interface with a private address from a
 * subnet of the VNet. They may share the node subnet (the API server endpoint of
 * a private cluster sits in the first pool's subnet) or have their own subnet.
 */
import { aksDoc, page, sourced } from "../source.js";
import { defineSubnetKind } from "./kind.js";

const C = { checked: "2026-12-06" } as const;
const PE = (note: string) => page("https://learn.microsoft.com/azure/private-link/private-endpoint-overview", note);

export const PRIVATE_ENDPOINT_SUBNET = defineSubnetKind({
  id: "privateEndpoints",
  title: "Private endpoint subnet",
  requiredName: sourced(null, PE("any subnet of the VNet"), C),
  delegation: sourced(null, PE("private endpoints need no delegation"), C),
  dedicated: sourced(
    false,
    PE("a private endpoint is a network interface in a subnet; other resources may share it"),
    C,
  ),
  maxPrefixLength: sourced(29, PE("one address per endpoint"), {
    ...C,
    derived: "no size rule of its own: Azure's smallest subnet, /29, holds 3 endpoints",
  }),
  minPrefixLength: sourced(null, PE("no largest size"), C),
  recommendedPrefixLength: sourced(27, PE("one address per endpoint"), {
    ...C,
    derived: "aksnet's default when no endpoint count is given (27 endpoints); the count decides the size otherwise",
  }),
  unitUse: sourced(
    { unit: "endpoint", addresses: 1 },
    [
      PE("a private endpoint is a network interface that uses a private IP address from your virtual network"),
      aksDoc("concepts-network-ip-address-planning", "private endpoints take addresses from the subnet they are in"),
    ],
    C,
  ),
});
