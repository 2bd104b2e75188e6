/**
 * Timing for benchmarks: warm-up runs (the first one's output is kept and, with
 * `check`, verified before anything is timed; more follow until there are `warmups`
 * of them or `warmMs` is spent), then timed runs until there are `runs` of them or
 * `budgetMs` is spent; the figures are medians of wall-clock time (`ms`) and of
 * the process's CPU time, user + system (`cpuMs`). CPU time is what the reports
 * compare: on a shared, loaded machine wall time mostly measures the neighbours.
 * Garbage is collected (untimed) between runs when node runs with --expose-gc, and
 * the timer starts once the collector's background work is done (`settle`).
 *
 * Why several warm-up runs: V8 optimises a function that is called once per run
 * but loops a million times by on-stack replacement, and settles on its final code
 * only after a few calls (seen with --trace-opt: compiles in each of the first
 * 5–10 calls, fewer each time). The compiler runs on a background thread, so one
 * warm-up run left 5–20 ms of compiling inside each of the next timed runs' CPU time.
 *
 * Why `settle()` after each collection: a full collection returns before its
 * sweeping is done, and V8 sweeps on background threads, so the CPU time of whatever
 * is timed next includes it. With the IP benchmark's million lines in memory, a
 * 20 ms busy loop timed right after `gc()` measured 40–64 ms of CPU; after
 * `settle()`, 20.0 ms. That fixed charge fell on every implementation alike, so it
 * shrank the ratios of the fast ones.
 */
import { performance } from "node:perf_hooks";

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Collects garbage, then waits (up to 0.5 s) until the process's background threads are idle: under 1 ms of CPU in a 10
 * ms pause.
 */
export async function settle() {
  if (!globalThis.gc) return;
  globalThis.gc();
  for (let i = 0; i < 50; i++) {
    const c = process.cpuUsage();
    await sleep(10);
    const u = process.cpuUsage(c);
    if (u.user + u.system < 1000) return;
  }
}

export async function measure(fn, { runs = 5, budgetMs = 6000, warmups = 5, warmMs = 2000, check } = {}) {
  globalThis.gc?.();
  const t0 = performance.now();
  const output = await fn();
  // A wrong answer is not timed: `check(output)` returns false to stop here.
  if (check && !check(output)) return { output, ms: NaN, cpuMs: NaN, runs: 0 };
  for (let w = 1; w < warmups && performance.now() - t0 < warmMs; w++) {
    globalThis.gc?.();
    await fn();
  }
  const times = [];
  const cpu = [];
  let spent = 0;
  while (times.length < runs && (times.length === 0 || spent < budgetMs)) {
    await settle();
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    times.push(ms);
    cpu.push((used.user + used.system) / 1000);
    spent += ms;
  }
  return { output, ms: median(times), cpuMs: median(cpu), runs: times.length };
}

/** A duration for people: 57 ms, 1.1 s, 4.2 min. */
export function formatMs(ms) {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
