/**
 * Timing for benchmarks: one warm-up run (whose output is kept and, with
 * `check`, verified before anything is timed), then timed runs until there are `runs` of them or
 * `budgetMs` is spent; the figures are medians of wall-clock time (`ms`) and of
 * the process's CPU time, user + system (`cpuMs`). CPU time is what the reports
 * compare: on a shared, loaded machine wall time mostly measures the neighbours.
 * Garbage is collected (untimed) between runs when node runs with --expose-gc.
 */
import { performance } from "node:perf_hooks";

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function measure(fn, { runs = 5, budgetMs = 6000, check } = {}) {
  globalThis.gc?.();
  const t0 = performance.now();
  const output = await fn();
  const warm = performance.now() - t0;
  // A wrong answer is not timed: `check(output)` returns false to stop here.
  if (check && !check(output)) return { output, ms: NaN, cpuMs: NaN, runs: 0 };
  const times = [];
  const cpu = [];
  let spent = warm;
  while (times.length < runs && (times.length === 0 || spent < budgetMs)) {
    globalThis.gc?.();
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
