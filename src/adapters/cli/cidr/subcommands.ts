/** The `aksnet cidr` subcommands, in help order. */
import { exclude } from "./exclude.js";
import { free } from "./free.js";
import { info } from "./info.js";
import { merge } from "./merge.js";
import { overlaps } from "./overlaps.js";
import { split } from "./split.js";
import type { CidrSubcommand } from "./subcommand.js";

export const subcommands: readonly CidrSubcommand[] = [info, split, merge, exclude, overlaps, free];
