/**
 * What AKS and Azure networking allow between clusters of a fleet: which ranges
 * may be reused across clusters and which must be distinct, and how networks
 * reach each other (peering is not transitive). `engines/fleet` reads these.
 */
import { aksDoc, page, repoFile, sourced, type Sourced } from "./source.js";

const CHECKED = "2026-12-06";

const OVERLAY = aksDoc(
  "concepts-network-azure-cni-overlay",
  "the same pod CIDR space can be used on multiple independent AKS clusters in the same virtual network; it must not " +
    "overlap the cluster subnet range or directly connected networks (peering, ExpressRoute, VPN)",
);
const CROSS_CLUSTER = repoFile(
  "MicrosoftDocs/azure-aks-docs:articles/kubernetes-fleet/concepts-cross-cluster-networking.md",
  "Prerequisites and limitations: ACNS with Cilium; a single flat network (a VNet or peered VNets); overlay " +
    "networking with tunnels not supported; one cross-cluster network per member; up to 255 member clusters",
);
const CLUSTER_MESH = repoFile(
  "cilium/cilium:Documentation/network/clustermesh/clustermesh.rst",
  "Prerequisites: PodCIDR ranges in all clusters and all nodes must be non-conflicting and unique IP addresses",
);
const FLEET_NETWORKING = repoFile(
  "Azure/fleet-networking:README.md",
  "Constraints: member clusters on the same or peered virtual networks, non-overlapping pod CIDRs",
);
const PEERING_MANAGE = repoFile(
  "MicrosoftDocs/azure-docs:articles/virtual-network/virtual-network-manage-peering.md",
  "Requirements and constraints: the virtual networks you peer must have nonoverlapping IP address spaces",
);
const PEERING_OVERVIEW = page(
  "https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview",
  "peering is between two virtual networks with no transitive relationship; with gateway transit a peered network " +
    "uses the remote gateway to reach on-premises and other connected networks",
);
const VNM_CONNECTIVITY = page(
  "https://learn.microsoft.com/azure/virtual-network-manager/concept-connectivity-configuration",
  "mesh: members of a connected group reach each other; hub and spoke: spokes peer with the hub, optionally use the " +
    "hub as gateway and reach each other directly (a connected group)",
);
const VNM_TEMPLATE = page(
  "https://learn.microsoft.com/azure/templates/microsoft.network/networkmanagers/connectivityconfigurations",
  "connectivityCapabilities.connectedGroupAddressOverlap: Allowed | Disallowed",
);
const VNM_OVERLAP_VALUES = page(
  "https://learn.microsoft.com/javascript/api/@azure/arm-network/knownconnectedgroupaddressoverlap",
  "Allowed: default, connected group members may have overlapping IP address space; Disallowed: strictly disallows " +
    "it — prevents adding a VNet with overlapping addresses to the connected group, blocks peering between a VNet " +
    "and a member if any member overlaps, restricts address space changes that would overlap",
);
const CLUSTER_MESH_SCALE = repoFile(
  "cilium/cilium:Documentation/network/clustermesh/clustermesh.rst",
  "Scaling Limitations: by default the maximum number of clusters connected with Cluster Mesh is 255; " +
    "maxConnectedClusters can set it to 511 (fewer cluster-local identities), only at installation, the same on " +
    "every cluster of the mesh",
);

export interface FleetFacts {
  /** Azure CNI Overlay pod CIDRs may be the same in independent clusters. */
  readonly overlayPodCidrReusable: Sourced<boolean>;
  /** Service CIDRs may be the same in every cluster (they never leave the cluster). */
  readonly serviceCidrReusable: Sourced<boolean>;
  /** Pod CIDRs of clusters meshed by Cilium cluster mesh or Fleet cross-cluster networking must be distinct. */
  readonly meshedPodCidrsDistinct: Sourced<boolean>;
  /**
   * A pod CIDR routed beyond its cluster (on-premises, BGP) is routed space: it must be distinct from all it reaches.
   */
  readonly routedPodCidrsDistinct: Sourced<boolean>;
  /**
   * kubenet pod CIDRs sit in the VNet's route table: aksnet keeps them distinct among networks that reach each other.
   */
  readonly kubenetPodCidrsRouted: Sourced<boolean>;
  /** Fleet cross-cluster networking: members per cross-cluster network. */
  readonly crossClusterMaxMembers: Sourced<number>;
  /** Fleet cross-cluster networking needs a flat network (pods on VNet addresses): not Overlay. */
  readonly crossClusterNeedsFlatNetwork: Sourced<boolean>;
  /** Peered VNets must have non-overlapping address spaces. */
  readonly peeredSpacesDistinct: Sourced<boolean>;
  /** Peering is not transitive: A–B and B–C do not connect A and C. */
  readonly peeringTransitive: Sourced<boolean>;
  /** A network that sees two overlapping ranges (a hub peered with both) cannot route to both. */
  readonly commonViewerConflict: Sourced<boolean>;
  /** Virtual Network Manager connected groups may be configured to allow overlapping address spaces. */
  readonly connectedGroupOverlapSetting: Sourced<readonly string[]>;
  /** `connectedGroupAddressOverlap` when a connectivity configuration does not set it. */
  readonly connectedGroupOverlapDefault: Sourced<"Allowed" | "Disallowed">;
  /** Clusters one Cilium cluster mesh connects (cluster IDs 1–255; 511 with maxConnectedClusters set at install). */
  readonly ciliumClusterMeshMaxClusters: Sourced<number>;
}

export const FLEET: FleetFacts = {
  overlayPodCidrReusable: sourced(true, [OVERLAY], { checked: CHECKED }),
  serviceCidrReusable: sourced(
    true,
    [
      aksDoc(
        "concepts-network-ip-address-planning",
        "the service CIDR must not be within the cluster VNet, a peered VNet or on-premises ranges; it is used only " +
          "inside the cluster",
      ),
      aksDoc("concepts-network-legacy-cni", "the service address range can be reused across clusters"),
    ],
    { checked: CHECKED },
  ),
  meshedPodCidrsDistinct: sourced(true, [CLUSTER_MESH, FLEET_NETWORKING, CROSS_CLUSTER], { checked: CHECKED }),
  routedPodCidrsDistinct: sourced(true, [OVERLAY], {
    checked: CHECKED,
    derived:
      "A pod CIDR advertised beyond the cluster is routed space like a VNet's: the Overlay page's rule (no overlap " +
      "with peered or on-premises ranges) then applies between it and everything that routes to it, including " +
      "other clusters' routed pod CIDRs.",
  }),
  kubenetPodCidrsRouted: sourced(
    true,
    [
      aksDoc(
        "configure-kubenet",
        "pods reach other nodes through the route table AKS keeps in the node subnet; clusters can't share a route " +
          "table",
      ),
    ],
    {
      checked: CHECKED,
      derived:
        "kubenet's pod CIDRs are routes in the VNet, so aksnet treats them like Overlay pod CIDRs routed beyond the " +
        "cluster: distinct among clusters whose networks reach each other.",
    },
  ),
  crossClusterMaxMembers: sourced(255, [CROSS_CLUSTER], { checked: CHECKED }),
  crossClusterNeedsFlatNetwork: sourced(true, [CROSS_CLUSTER], { checked: CHECKED }),
  peeredSpacesDistinct: sourced(true, [PEERING_MANAGE], { checked: CHECKED }),
  peeringTransitive: sourced(false, [PEERING_OVERVIEW], { checked: CHECKED }),
  commonViewerConflict: sourced(true, [PEERING_MANAGE, PEERING_OVERVIEW], {
    checked: CHECKED,
    derived:
      "A VNet holds one route per address: when two networks it reaches (its peers, what its gateway connects) " +
      "overlap, traffic to the overlap goes to one of them only. aksnet reports it as a warning; a direct " +
      "overlap between peers is an error.",
  }),
  connectedGroupOverlapSetting: sourced(["Allowed", "Disallowed"], [VNM_CONNECTIVITY, VNM_TEMPLATE], {
    checked: CHECKED,
  }),
  connectedGroupOverlapDefault: sourced("Allowed", [VNM_OVERLAP_VALUES], {
    checked: "2026-12-07",
    derived:
      "With Allowed, Azure accepts members whose spaces overlap but a member cannot reach the overlapping addresses " +
      "of another (one route per address): aksnet reports such an overlap as a warning; with Disallowed Azure " +
      "refuses the member or the peering, an error.",
  }),
  ciliumClusterMeshMaxClusters: sourced(255, [CLUSTER_MESH_SCALE], {
    checked: "2026-12-07",
    alternatives: [
      {
        value: 511,
        source: [CLUSTER_MESH_SCALE],
        note:
          "with clustermesh.maxConnectedClusters=511 set when Cilium is installed, on every cluster of the mesh; " +
          "AKS's managed Cilium does not document setting it, so 255 is the limit aksnet applies",
      },
    ],
  }),
};
