/**
 * Every command (`command-list.ts`: name, summary) with a lazy loader of its module.
 * Top-level help is built from the list without loading any command module.
 */
import type { CommandDef } from "./command.js";
import { COMMAND_LIST, type CommandInfo } from "./command-list.js";

export interface CommandEntry extends CommandInfo {
  load(): Promise<{ default: CommandDef }>;
}

const LOADERS: Readonly<Record<string, () => Promise<{ default: CommandDef }>>> = {
  compare: () => import("./compare/command.js"),
  size: () => import("./size/command.js"),
  check: () => import("./check/command.js"),
  recommend: () => import("./recommend/command.js"),
  generate: () => import("./generate/command.js"),
  migrate: () => import("./migrate/command.js"),
  inspect: () => import("./inspect/command.js"),
  cidr: () => import("./cidr/command.js"),
  fleet: () => import("./fleet/command.js"),
  layout: () => import("./layout/command.js"),
  scan: () => import("./scan/command.js"),
  serve: () => import("./serve/command.js"),
  mcp: () => import("./mcp/command.js"),
  completion: () => import("./completion/command.js"),
};

export const commands: readonly CommandEntry[] = COMMAND_LIST.map((c) => ({ ...c, load: LOADERS[c.name]! }));
