#!/usr/bin/env node
// The `aksnet` and `kubectl-aksnet` executables.
import { run } from "./main.js";
import { processIo } from "./io.js";

const code = await run(process.argv.slice(2), processIo());
process.exitCode = code;
