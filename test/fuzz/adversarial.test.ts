/**
 * The adversarial fuzz suite (issue #11, "Done when"): test/fuzz/adversarial-worker.ts runs hostile documents of
 * every format through every importer, every rule, size, layout, generate, migrate and the web page's
 * computation, in a child process whose heap is capped, so heap exhaustion fails the test instead of the
 * machine. The limit on the child's run is a bound for a hang, far from what the run takes, not a measurement.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const HEAP_MB = 256;

describe("adversarial documents under a 256 MB heap", () => {
  it.each([{ seed: 20261206 }, { seed: 7 }])(
    "seed $seed: no throw, no runaway output, no heap exhaustion",
    ({ seed }) => {
      const r = spawnSync(
        process.execPath,
        [`--max-old-space-size=${HEAP_MB}`, "--import", "tsx", "test/fuzz/adversarial-worker.ts", String(seed), "6"],
        { cwd: ROOT, encoding: "utf8", timeout: 20 * 60_000, maxBuffer: 16 * 1024 * 1024 },
      );
      expect({ status: r.status, signal: r.signal, stderr: r.stderr.slice(-2_000) }).toMatchObject({
        status: 0,
        signal: null,
      });
      const out = JSON.parse(r.stdout) as { cases: number; loaded: number; failed: number; failures: unknown[] };
      expect(out.failures).toEqual([]);
      expect(out.failed).toBe(0);
      expect(out.loaded).toBeGreaterThan(10);
    },
    25 * 60_000,
  );
});
