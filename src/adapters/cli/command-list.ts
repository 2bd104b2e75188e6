/**
 * Every command's name and one-line summary, without its module: what top-level help
 * lists, what `commands.ts` pairs with a loader, and what the bundled executable's
 * dispatcher (scripts/build-cli.mjs) reads to pick the one command bundle to load.
 */
import type { NodeRequirement } from "./node-version.js";

export interface CommandInfo {
  readonly name: string;
  readonly summary: string;
  /**
   * The oldest Node.js major version the command runs on, when a dependency needs a
   * newer one than the package's (20), and why. Started on an older Node, the command
   * says so in one sentence (exit 2) without loading its module.
   */
  readonly node?: NodeRequirement;
}

export const COMMAND_LIST: readonly CommandInfo[] = [
  { name: "compare", summary: "capacity of one subnet under each network model, side by side" },
  { name: "size", summary: "the smallest node subnet, pod subnet and pod CIDR each model needs for a target" },
  { name: "check", summary: "validate a plan (or az aks show / ARM / Terraform plan JSON); findings with fixes" },
  { name: "recommend", summary: "rank the network models for stated requirements, with reasons" },
  { name: "generate", summary: "az CLI, Bicep or Terraform for a plan" },
  { name: "migrate", summary: "blockers, steps and commands to move a cluster to Overlay or Cilium" },
  { name: "inspect", summary: "a live cluster or offline dumps: model, pod ranges, per-node use, headroom" },
  { name: "cidr", summary: "the IP toolbox: info, split, merge, exclude, overlaps, free" },
  { name: "fleet", summary: "many clusters: check the estate, allocate VNets and subnets from address pools" },
  { name: "layout", summary: "place every subnet a cluster needs in its VNet's address space, with room to grow" },
  {
    name: "scan",
    summary: "read-only Azure: every cluster's subnets' real free addresses against its next upgrade and scale-out",
  },
  { name: "serve", summary: "the web planner on 127.0.0.1" },
  {
    name: "mcp",
    summary: "the engines as Model Context Protocol tools over stdio (compare, size, check, recommend, cidr)",
  },
  { name: "completion", summary: "shell completion: bash, zsh, fish or powershell" },
];
