/**
 * Where the time goes: runs a function under V8's sampling profiler (through
 * node:inspector, in this process) and returns the functions with the most self
 * time, so a missed target is reported with its hot spots, not just its figure.
 */
import { Session } from "node:inspector/promises";

/** The top `n` functions by self time over `runs` calls of `fn`: [{ name, where, share }]. */
export async function hotSpots(fn, { runs = 3, n = 6 } = {}) {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    for (let i = 0; i < runs; i++) await fn();
    const { profile } = await session.post("Profiler.stop");
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map();
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      const f = node.callFrame;
      // The inspector's own plumbing (its message dispatch shows up as a native frame named `dispatch`).
      if (f.url.startsWith("node:") || (f.url === "" && f.functionName === "dispatch")) return;
      const file = f.url ? f.url.replace(/^.*\/(dist|bench|node_modules)\//, "$1/") : "";
      const key = `${f.functionName || "(anonymous)"}\u0000${file ? `${file}:${f.lineNumber + 1}` : ""}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    self.delete("(idle)\u0000");
    self.delete("(program)\u0000");
    const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
    return [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, t]) => {
        const [name, where] = key.split("\u0000");
        return { name, where, share: t / total };
      });
  } finally {
    await session.post("Profiler.disable").catch(() => {});
    session.disconnect();
  }
}

/** "GC 41 %, parsePrefix (dist/ip/prefix.js:214) 16 %, …" */
export function formatHotSpots(spots) {
  return spots
    .map(
      (s) =>
        `${s.name === "(garbage collector)" ? "GC" : `\`${s.name}\``}${s.where ? ` (${s.where})` : ""} ` +
        `${Math.round(s.share * 100)} %`,
    )
    .join(", ");
}
