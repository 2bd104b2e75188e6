#!/usr/bin/env node
// The `aksnet` and `kubectl-aksnet` executables.
import module from "node:module";
import { basename } from "node:path";

// Node 22.1+ keeps the compiled code of the CLI's modules on disk (in the OS temporary directory), so a
// start after the first skips parsing them; older Node has no such cache. Enabled before the CLI is loaded.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const [{ run }, { processIo }] = await Promise.all([import("./main.js"), import("./io.js")]);
// kubectl runs plugins as `kubectl-aksnet`; help then reads `kubectl aksnet …`.
const invokedAs = basename(process.argv[1] ?? "aksnet").startsWith("kubectl-aksnet") ? "kubectl aksnet" : "aksnet";
const code = await run(process.argv.slice(2), processIo(), invokedAs);
process.exitCode = code;
