/**
 * The fleet file names things that are not there, names two things alike,
 * holds text that is not a CIDR, or references a cluster plan that cannot be read.
 */
import { CHECKED, defineFleetRule } from "./inputs.js";

export default defineFleetRule({
  meta: {
    id: "fleet-input-invalid",
    family: "fleet",
    severity: "error",
    description:
      "Every name the fleet file references must be a network or cluster it defines, names must be unique, CIDRs " +
      "must parse and referenced cluster plans must be readable.",
    messages: {
      "name-unknown": {
        message: "{name} is not the hub, a network or a cluster of this fleet.",
        fix: "Use the name of the hub, an entry of networks or of clusters, or add the network it means.",
      },
      "name-duplicate": {
        message: "The name {name} is used twice (first at {first}).",
        fix: "Give every hub, network and cluster its own name: peerings and meshes refer to them by name.",
      },
      "cidr-invalid": {
        message: "{cidr} is not a CIDR: {reason}.",
        fix: "Write a CIDR such as 10.64.0.0/16.",
      },
      "plan-unreadable": {
        message: "The cluster plan {file} could not be read: {reason}.",
        fix: "Fix the path (relative to the fleet file) or the plan file; aksnet check {file} shows its own problems.",
      },
      "overlaps-too-many": {
        message: "The overlaps were not searched: {reason}.",
        fix:
          "Check the fleet in parts: a range that thousands of networks share overlaps in n²/2 pairs; write each " +
          "network once (used space of a scan: each VNet once).",
      },
      "plan-invalid": {
        message: "The cluster plan could not be resolved: {reason}.",
        fix: "Run aksnet check on the plan and fix what it reports.",
      },
    },
    sources: ["https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview"],
    checked: CHECKED,
    file: "src/engines/fleet/rules/fleet-input-invalid.ts",
  },
  check({ model, report }) {
    for (const p of model.problems) report({ messageId: p.code, path: p.path, data: p.data });
  },
});
