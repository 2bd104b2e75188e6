/**
 * Virtual nodes (the ACI connector add-on): pods run in Azure Container Instances
 * in a subnet delegated to ACI, in the cluster's VNet.
 */
import { aksDoc, repoFile, sourced } from "../source.js";
import { defineSubnetKind } from "./kind.js";

const C = { checked: "2026-12-06" } as const;
const CLI = (note: string) => aksDoc("virtual-nodes-cli", note);
const VN = (note: string) => aksDoc("virtual-nodes", note);

export const VIRTUAL_NODES_SUBNET = defineSubnetKind({
  id: "virtualNodes",
  title: "Virtual nodes (ACI) subnet",
  requiredName: sourced(null, CLI("any name, given to --subnet-name"), C),
  delegation: sourced(
    "Microsoft.ContainerInstance/containerGroups",
    [
      CLI("a virtual network subnet is created and delegated permissions are assigned"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster.html.markdown",
        "AKS adds a delegation to Microsoft.ContainerInstance/containerGroups to the subnet named in " +
          "aci_connector_linux",
      ),
    ],
    C,
  ),
  dedicated: sourced(true, CLI("an extra subnet for the virtual nodes"), {
    ...C,
    derived: "a delegated subnet holds only the service it is delegated to",
  }),
  maxPrefixLength: sourced(29, CLI("no smallest size documented"), {
    ...C,
    derived:
      "no size rule is documented; each ACI container group takes one address, so size it for the pods you burst",
  }),
  minPrefixLength: sourced(null, CLI("no largest size"), C),
  recommendedPrefixLength: sourced(24, CLI("the example uses 10.241.0.0/16"), {
    ...C,
    derived: "aksnet's default when no pod count is given (251 ACI pods); the example's /16 holds 65,531",
  }),
  unitUse: sourced({ unit: "ACI pod", addresses: 1 }, VN("pods run in Azure Container Instances in the subnet"), {
    ...C,
    derived: "a VNet-injected container group takes one private address",
  }),
  /** The subnet lives in the cluster's VNet (the add-on takes a subnet name, not an ID). */
  sameVnetAsCluster: sourced(
    true,
    CLI("az aks enable-addons --addons virtual-node --subnet-name: a subnet of the cluster's VNet"),
    {
      ...C,
      alternatives: [
        {
          value: false,
          source: [
            CLI(
              "Virtual node requires a custom virtual network and associated subnet. It can't be associated with the " +
                "same virtual network as the AKS cluster",
            ),
          ],
          note:
            "the page's warning says another VNet, while its own example (and the subnet-name parameter) use the " +
            "cluster's VNet",
        },
      ],
    },
  ),
  /** IPv6 is not supported. */
  ipv6: sourced(false, VN("Using IPv6 isn't supported"), C),
  /** Linux pods only. */
  linuxOnly: sourced(true, VN("Virtual nodes are only supported with Linux pods and nodes"), C),
});
