/**
 * Ranges of two networks of the fleet overlap where they must not: networks
 * that reach each other (peering, a connected group, gateway transit), networks
 * a third one reaches (a hub cannot route to both), meshed clusters, or a
 * cluster's own pod or service CIDR against a network it reaches. Overlay pod
 * and service CIDRs reused by clusters that do not route them are allowed.
 */
import { FLEET, sourceUrls } from "../../../kb/index.js";
import { ITEM_WORDS, labelOf, pathOf } from "../model.js";
import { CHECKED, defineFleetRule, type FleetInputs } from "./inputs.js";

export default defineFleetRule({
  meta: {
    id: "fleet-ranges-overlap",
    family: "fleet",
    severity: "error",
    description:
      "Networks of a fleet that reach each other must not overlap; nor may two networks a third one reaches, meshed " +
      "clusters' pods and nodes, or a cluster's pod and service CIDRs and what it reaches. Overlay pod and " +
      "service CIDRs may be reused where they are not routed.",
    messages: {
      direct: {
        message: "{a} and {b} reach each other ({how}) and overlap: {example} ({count} overlapping range pair(s)).",
        fix:
          "Renumber one of them from a free range of the pools (aksnet fleet allocate places new VNets around " +
          "everything used); peered networks must not overlap.",
      },
      common: {
        message: "{a} and {b} overlap, and {via} reaches both: it cannot route to both ({example}; {count} pair(s)).",
        fix:
          "Renumber one of them, or stop {via} reaching one of them (peering is not transitive: remove the " +
          "peering or gateway transit).",
        severity: "warning",
      },
      mesh: {
        message:
          "{a} and {b} are meshed ({mesh}): their pods reach each other directly, so their ranges must be distinct: " +
          "{example} ({count} pair(s)).",
        fix:
          "Give each meshed cluster its own pod CIDR and VNet range (a pods pool in the fleet file lets aksnet " +
          "fleet allocate pick distinct pod CIDRs).",
      },
      groupAllowed: {
        message:
          "{a} and {b} are members of connected group {group}, which allows overlapping members " +
          "(connectedGroupAddressOverlap: {setting}): neither reaches the other's overlapping addresses " +
          "({example}; {count} pair(s)).",
        fix:
          "Renumber one of them so the members can reach each other everywhere, or set " +
          "connectedGroupAddressOverlap: Disallowed to have Azure refuse overlapping members.",
        severity: "warning",
      },
      groupDisallowed: {
        message:
          "{a} and {b} overlap and are members of connected group {group}, which refuses overlapping members " +
          "(connectedGroupAddressOverlap: Disallowed): Azure will not add one of them ({example}; {count} " +
          "pair(s)).",
        fix:
          "Renumber one of them from a free range of the pools (aksnet fleet allocate places new VNets around " +
          "everything used).",
      },
      used: {
        message:
          "{a} overlaps used space outside every network of the fleet file: {example} ({count} pair(s)); if {a} " +
          "reaches whatever holds it, they conflict.",
        fix:
          "Renumber {a} from a free range of the pools (aksnet fleet allocate places VNets around used space), " +
          "or, if the range belongs to a network the cluster reaches, add that network to the fleet file (or give " +
          "the used prefix its network and state the peering) so aksnet judges it.",
        severity: "warning",
      },
      local: {
        message: "The {what} of cluster {a} overlaps {b}, which the cluster reaches: {example}.",
        fix:
          "Choose a {what} outside every network the cluster reaches; Overlay pod and service CIDRs may be reused " +
          "by other clusters but not overlap connected networks.",
      },
    },
    sources: sourceUrls(
      FLEET.connectedGroupOverlapDefault,
      FLEET.peeredSpacesDistinct,
      FLEET.peeringTransitive,
      FLEET.overlayPodCidrReusable,
      FLEET.serviceCidrReusable,
      FLEET.meshedPodCidrsDistinct,
    ),
    checked: CHECKED,
    assumes: FLEET.commonViewerConflict.derived ?? "",
    file: "src/engines/fleet/rules/fleet-ranges-overlap.ts",
  },
  check({ model, conflicts, report }) {
    const name = (x: number) => model.networks[x]?.name ?? String(x);
    const item = (i: number) => labelOf(model, i);
    for (const c of conflicts) {
      const [ia, ib] = c.examples[0] ?? [0, 0];
      const path = pathOf(model, ia);
      const example = `${item(ia)} overlaps ${item(ib)}`;
      const data = { a: name(c.a), b: name(c.b), example, count: c.count };
      if (c.cls === "direct") {
        const how = shareGroup(model.groupsOf[c.a], model.groupsOf[c.b])
          ? "a connected group"
          : "peered or gateway-connected";
        report({ messageId: "direct", path, data: { ...data, how } });
      } else if (c.cls === "used") report({ messageId: "used", path, data });
      else if (c.cls === "common") report({ messageId: "common", path, data: { ...data, via: name(c.via ?? 0) } });
      else if (c.cls === "groupAllowed" || c.cls === "groupDisallowed") {
        const g = (model.groupsOf[c.a] ?? []).find((x) => model.groupsOf[c.b]?.includes(x)) ?? 0;
        const cfg = groupConfig(model, g);
        const setting = cfg?.connectedGroupAddressOverlap ?? `${FLEET.connectedGroupOverlapDefault.value}, the default`;
        report({ messageId: c.cls, path, data: { ...data, group: cfg?.name ?? "", setting } });
      } else if (c.cls === "mesh") {
        const shared = (model.meshesOf[c.a] ?? []).find((x) => model.meshesOf[c.b]?.includes(x));
        report({ messageId: "mesh", path, data: { ...data, mesh: model.fleet.meshes[shared ?? 0]?.name ?? "" } });
      } else {
        const what = ITEM_WORDS[model.items.kind[ia] ?? 0];
        report({ messageId: "local", path, data: { ...data, what } });
      }
    }
  },
});

/** The connectivity configuration that made connected group g (groups are numbered in file order). */
function groupConfig(model: FleetInputs["model"], g: number) {
  return model.fleet.connectivity.filter((c) => c.topology === "mesh" || c.directConnectivity)[g];
}

function shareGroup(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return (a ?? []).some((g) => b?.includes(g));
}
