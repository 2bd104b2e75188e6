/**
 * More hostile answers than hostile-server.test.ts tries (found missing by the breaker): a 429 storm asking for an
 * hour, a list cut off mid-JSON, a proxy's HTML login page with 200, and an answer that drips a byte a second. Each
 * ends in bounded time with the resource named and what happened in one sentence; nothing of a bad answer is kept.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readLive } from "./live.js";
import { startFakeApiServer, type Behaviour, type FakeApiServer } from "./testing/fake-apiserver.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", `${name}.json`);
const servers: FakeApiServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe("inspect against hostile answers", () => {
  it.each<{ name: string; behaviour: Behaviour; detail: RegExp }>([
    {
      name: "429 with Retry-After: 3600, every time",
      behaviour: 429,
      detail: /^the API server answered 429 to list pods, so pod addresses and pods per node are unknown\.$/,
    },
    {
      name: "a list cut off in the middle of its JSON",
      behaviour: "malformed",
      detail:
        /^the answer to list PodList is not valid list JSON: the JSON ends in the middle of a value \(the answer was cut short\) \(at byte 75\), so pod/,
    },
    {
      name: "an HTML page with 200 (a proxy's sign-in page)",
      behaviour: "html",
      detail:
        /^the answer to list PodList is not valid list JSON: it is an HTML page, not JSON \(a proxy's or a sign-in page answered instead of the API server\?\), so pod/,
    },
    {
      name: "a byte a second, never ending: the run's time limit ends it",
      behaviour: "drip",
      detail: /^the list of pods did not finish within the run's time limit \(--timeout 8 s\)/,
    },
  ])(
    "$name: pods are a problem in one sentence, the rest is read",
    async ({ behaviour, detail }) => {
      const s = await startFakeApiServer({ lists: [fixture("overlay")], behaviour: { pods: behaviour } });
      servers.push(s);
      const t = performance.now();
      const r = await readLive({ kubeconfig: s.kubeconfig(), env: {}, timeoutMs: 8000 });
      const seconds = (performance.now() - t) / 1000;
      const problem = r.snapshot.problems.find((p) => p.resource === "pods");
      expect(problem?.detail).toMatch(detail);
      expect(r.snapshot.pods).toEqual([]);
      // A bound for a hang (the run's limit is 8 s), not a measurement.
      expect(seconds).toBeLessThan(20);
    },
    30_000,
  );
});
