/**
 * Every command, its one-line summary and a lazy loader. Top-level help is built
 * from this list without loading any command module.
 */
import type { CommandDef } from "./command.js";
import type { NodeRequirement } from "./node-version.js";

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /**
   * The oldest Node.js major version the command runs on, when a dependency needs a
   * newer one than the package's (20), and why. Started on an older Node, the command
   * says so in one sentence (exit 2) without loading its module.
   */
  readonly node?: NodeRequirement;
  load(): Promise<{ default: CommandDef }>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: "compare",
    summary: "capacity of one subnet under each network model, side by side",
    load: () => import("./compare/command.js"),
  },
  {
    name: "size",
    summary: "the smallest node subnet, pod subnet and pod CIDR each model needs for a target",
    load: () => import("./size/command.js"),
  },
  {
    name: "check",
    summary: "validate a plan (or az aks show / ARM / Terraform plan JSON); findings with fixes",
    load: () => import("./check/command.js"),
  },
  {
    name: "recommend",
    summary: "rank the network models for stated requirements, with reasons",
    load: () => import("./recommend/command.js"),
  },
  { name: "generate", summary: "az CLI, Bicep or Terraform for a plan", load: () => import("./generate/command.js") },
  {
    name: "migrate",
    summary: "blockers, steps and commands to move a cluster to Overlay or Cilium",
    load: () => import("./migrate/command.js"),
  },
  {
    name: "inspect",
    summary: "a live cluster or offline dumps: model, pod ranges, per-node use, headroom",
    load: () => import("./inspect/command.js"),
  },
  {
    name: "cidr",
    summary: "the IP toolbox: info, split, merge, exclude, overlaps, free",
    load: () => import("./cidr/command.js"),
  },
  {
    name: "fleet",
    summary: "many clusters: check the estate, allocate VNets and subnets from address pools",
    load: () => import("./fleet/command.js"),
  },
  {
    name: "layout",
    summary: "place every subnet a cluster needs in its VNet's address space, with room to grow",
    load: () => import("./layout/command.js"),
  },
  {
    name: "scan",
    summary: "read-only Azure: every cluster's subnets' real free addresses against its next upgrade and scale-out",
    load: () => import("./scan/command.js"),
  },
  { name: "serve", summary: "the web planner on 127.0.0.1", load: () => import("./serve/command.js") },
  {
    name: "mcp",
    summary: "the engines as Model Context Protocol tools over stdio (compare, size, check, recommend, cidr)",
    load: () => import("./mcp/command.js"),
  },
  {
    name: "completion",
    summary: "shell completion: bash, zsh, fish or powershell",
    load: () => import("./completion/command.js"),
  },
];
