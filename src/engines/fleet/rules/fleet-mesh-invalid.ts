/**
 * Fleet Manager cross-cluster networking's limits: up to 255 members, each
 * cluster in one cross-cluster network, clusters on a flat network (Overlay
 * with tunnels is not supported). Cilium cluster mesh: at most 255 clusters
 * (cluster IDs), pod CIDRs distinct (checked by fleet-ranges-overlap).
 */
import { FLEET, sourceUrls } from "../../../kb/index.js";
import { CHECKED, defineFleetRule } from "./inputs.js";

export default defineFleetRule({
  meta: {
    id: "fleet-mesh-invalid",
    family: "fleet",
    severity: "error",
    description:
      "A Fleet Manager cross-cluster network has at most 255 members, each cluster joins one, and its clusters use a " +
      "flat network (not Overlay); a Cilium cluster mesh connects at most 255 clusters.",
    messages: {
      "too-many": {
        message: "Cross-cluster network {mesh} has {count} clusters; Fleet Manager allows {max}.",
        fix: "Split it into cross-cluster networks of at most {max} clusters.",
      },
      "cilium-too-many": {
        message: "Cilium cluster mesh {mesh} has {count} clusters; Cilium connects at most {max} by default.",
        fix:
          "Split it into meshes of at most {max} clusters (Cilium's maxConnectedClusters=511 raises the limit, " +
          "but only when Cilium is installed, on every cluster of the mesh).",
      },
      "two-networks": {
        message: "Cluster {cluster} is in cross-cluster networks {first} and {second}; a member joins one only.",
        fix: "Keep the cluster in one cross-cluster network.",
      },
      overlay: {
        message:
          "Cluster {cluster} uses {model}; cross-cluster networking needs a flat network (pods on VNet addresses).",
        fix:
          "Use Azure CNI with a pod subnet or node subnet for meshed clusters, or a Cilium cluster mesh (kind: " +
          "ciliumClusterMesh) instead.",
      },
    },
    sources: sourceUrls(
      FLEET.crossClusterMaxMembers,
      FLEET.crossClusterNeedsFlatNetwork,
      FLEET.ciliumClusterMeshMaxClusters,
    ),
    checked: CHECKED,
    file: "src/engines/fleet/rules/fleet-mesh-invalid.ts",
  },
  check({ model, report }) {
    const max = FLEET.crossClusterMaxMembers.value;
    const joined = new Map<string, string>();
    const ciliumMax = FLEET.ciliumClusterMeshMaxClusters.value;
    model.fleet.meshes.forEach((m, i) => {
      const distinct = new Set(m.clusters).size;
      if (m.kind === "ciliumClusterMesh" && distinct > ciliumMax)
        report({
          messageId: "cilium-too-many",
          path: ["meshes", i, "clusters"],
          data: { mesh: m.name, count: distinct, max: ciliumMax },
        });
      if (m.kind !== "fleetCrossCluster") return;
      if (m.clusters.length > max)
        report({
          messageId: "too-many",
          path: ["meshes", i, "clusters"],
          data: { mesh: m.name, count: m.clusters.length, max },
        });
      m.clusters.forEach((c, k) => {
        const prev = joined.get(c);
        if (prev !== undefined && prev !== m.name)
          report({
            messageId: "two-networks",
            path: ["meshes", i, "clusters", k],
            data: { cluster: c, first: prev, second: m.name },
          });
        else joined.set(c, m.name);
        const idx = model.byName.get(c);
        const node = idx === undefined ? undefined : model.clusters.find((x) => x.network === idx);
        const modelId = node?.resolved?.model;
        if (modelId === "azure-cni-overlay" || modelId === "kubenet")
          report({ messageId: "overlay", path: ["meshes", i, "clusters", k], data: { cluster: c, model: modelId } });
      });
    });
  },
});
