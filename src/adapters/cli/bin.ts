#!/usr/bin/env node
// The `aksnet` and `kubectl-aksnet` executables.
import { basename } from "node:path";
import { run } from "./main.js";
import { processIo } from "./io.js";

// kubectl runs plugins as `kubectl-aksnet`; help then reads `kubectl aksnet …`.
const invokedAs = basename(process.argv[1] ?? "aksnet").startsWith("kubectl-aksnet") ? "kubectl aksnet" : "aksnet";
const code = await run(process.argv.slice(2), processIo(), invokedAs);
process.exitCode = code;
