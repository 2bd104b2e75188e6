// Preloaded with `node -r` into a measured child: at exit, writes the process's CPU time (user + system,
// microseconds, every thread) to file descriptor 3. The same preload runs in the baseline (`node -e 0`),
// so its own small cost cancels out of the differences.
"use strict";
process.on("exit", () => {
  const u = process.cpuUsage();
  try {
    process.getBuiltinModule("node:fs").writeSync(3, `${u.user + u.system}\n`);
  } catch {
    // fd 3 not open: not run by the start-up benchmark
  }
});
