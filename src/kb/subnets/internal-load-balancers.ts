/**
 * Internal load balancer frontends: by default from the cluster's node subnet;
 * with the `azure-load-balancer-internal-subnet` annotation, from another subnet
 * of the same VNet.
 */
import { aksDoc, sourced } from "../source.js";
import { defineSubnetKind } from "./kind.js";

const C = { checked: "2026-12-06" } as const;
const ILB = (note: string) => aksDoc("internal-lb", note);

export const INTERNAL_LOAD_BALANCER_SUBNET = defineSubnetKind({
  id: "internalLoadBalancers",
  title: "Internal load balancer subnet",
  requiredName: sourced(null, ILB("the annotation names any subnet"), C),
  delegation: sourced(null, ILB("no delegation"), C),
  dedicated: sourced(false, ILB("the frontend takes an address of the subnet; others may share it"), C),
  maxPrefixLength: sourced(29, ILB("one address per frontend"), {
    ...C,
    derived: "no size rule of its own: Azure's smallest subnet, /29, holds 3 frontends",
  }),
  minPrefixLength: sourced(null, ILB("no largest size"), C),
  recommendedPrefixLength: sourced(28, ILB("one address per frontend"), {
    ...C,
    derived: "aksnet's default when no frontend count is given; the count decides the size otherwise",
  }),
  unitUse: sourced(
    { unit: "frontend", addresses: 1 },
    ILB("the IP address is assigned from the subnet the load balancer uses"),
    C,
  ),
  /** Where frontends come from without the annotation. */
  defaultSubnet: sourced(
    "node subnet",
    ILB("by default, the load balancer uses the same subnet as the AKS cluster"),
    C,
  ),
  /** The annotation that moves them, and where that subnet must be. */
  subnetAnnotation: sourced(
    { annotation: "service.beta.kubernetes.io/azure-load-balancer-internal-subnet", sameVnet: true },
    ILB("the subnet specified must be in the same virtual network as your AKS cluster"),
    C,
  ),
});
