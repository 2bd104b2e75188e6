import { describe, expect, it } from "vitest";
import { answer, type CheckReply, type CheckRequest } from "../plan-check.js";
import { EXAMPLE_PLAN } from "../state.js";
import { planChecker, REPLY_DEADLINE_MS, type Timers, type WorkerLike } from "./plan-checker.js";

/** Timers the test fires by hand: `due` lists the delays of those set and not cleared or fired. */
function fakeTimers() {
  const pending = new Map<number, { expire: () => void; ms: number }>();
  let next = 0;
  const t: Timers & { due(): number[]; fire(): void } = {
    set: (expire, ms) => (pending.set(++next, { expire, ms }), next),
    clear: (handle) => void pending.delete(handle as number),
    due: () => [...pending.values()].map((p) => p.ms),
    fire: () => {
      const all = [...pending.values()];
      pending.clear();
      for (const p of all) p.expire();
    },
  };
  return t;
}

/** A worker that holds each request until the test answers it (in any order), through a structured clone. */
function fakeWorker() {
  const requests: CheckRequest[] = [];
  const w: WorkerLike & { requests: CheckRequest[]; reply(req: CheckRequest): void; terminated: boolean } = {
    requests,
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (m) => void requests.push(structuredClone(m)),
    terminate: () => void (w.terminated = true),
    reply: (req) => w.onmessage?.({ data: structuredClone(answer(req)) as CheckReply }),
  };
  return w;
}

const edited = (n: number) => EXAMPLE_PLAN.replace(/^name: .*$/m, `name: aks-${n}`);

function setUp() {
  const w = fakeWorker();
  const clock = fakeTimers();
  const results: string[] = [];
  const failed: string[] = [];
  const ready: string[] = [];
  const checker = planChecker(
    () => w,
    EXAMPLE_PLAN,
    {
      ready: () => ready.push("ready"),
      result: (text, part) =>
        results.push(
          `${part.plan?.name ?? "none"} ${text.includes(`name: ${part.plan?.name}\n`) ? "ok" : "not its text"}`,
        ),
      failed: (text) => failed.push(text),
    },
    clock,
  );
  return { w, clock, results, failed, ready, checker };
}

describe("planChecker", () => {
  it("the page reads the text itself until the worker has answered its warm-up", () => {
    const { w, results, ready, checker } = setUp();
    expect(w.requests.map((r) => r.seq)).toEqual([0]);
    expect(checker.request(edited(1))).toBe(false);
    expect(ready).toEqual([]);
    w.reply(w.requests[0]!);
    expect(ready).toEqual(["ready"]);
    expect(results).toEqual([]);
    expect(checker.request(edited(2))).toBe(true);
    expect(checker.pending()).toBe(true);
    w.reply(w.requests[1]!);
    expect(results).toEqual(["aks-2 ok"]);
    expect(checker.pending()).toBe(false);
  });

  it("only the newest request's reply is handed back; texts made while one is read wait, the newest only", () => {
    const { w, results, checker } = setUp();
    w.reply(w.requests[0]!);
    for (const n of [1, 2, 3]) expect(checker.request(edited(n))).toBe(true);
    // One text at a time: 2 was replaced by 3 before it was sent.
    expect(w.requests.map((r) => r.seq)).toEqual([0, 1]);
    w.reply(w.requests[1]!);
    expect(results).toEqual([]);
    expect(w.requests.map((r) => r.seq)).toEqual([0, 1, 3]);
    checker.request(edited(4));
    w.reply(w.requests[2]!);
    expect(results).toEqual([]);
    expect(checker.pending()).toBe(true);
    w.reply(w.requests[3]!);
    expect(results).toEqual(["aks-4 ok"]);
    expect(checker.pending()).toBe(false);
  });

  it("a reply that comes again, or late, is not handed back twice", () => {
    const { w, results, checker } = setUp();
    w.reply(w.requests[0]!);
    checker.request(edited(1));
    w.reply(w.requests[1]!);
    w.reply(w.requests[1]!);
    expect(results).toEqual(["aks-1 ok"]);
  });

  it("the form's value goes with its text", () => {
    const { w, checker } = setUp();
    w.reply(w.requests[0]!);
    checker.request(edited(1), { apiVersion: "aksnet/v1" });
    expect(w.requests[1]).toEqual({ seq: 1, text: edited(1), value: { apiVersion: "aksnet/v1" } });
  });

  it("a text the worker leaves to the page (a fleet file) is handed to failed", () => {
    const { w, failed, checker } = setUp();
    w.reply(w.requests[0]!);
    const fleet = "apiVersion: aksnet/v1\nkind: FleetPlan\nname: f\npools: []\nclusters: []\n";
    checker.request(fleet);
    w.reply(w.requests[1]!);
    expect(failed).toEqual([fleet]);
  });

  it("a worker that fails hands its pending text to the page, and is not used again", () => {
    const { w, failed, checker } = setUp();
    w.reply(w.requests[0]!);
    checker.request(edited(1));
    w.onerror?.(new Error("boom"));
    expect(failed).toEqual([edited(1)]);
    expect(w.terminated).toBe(true);
    expect(checker.request(edited(2))).toBe(false);
    expect(checker.pending()).toBe(false);
  });

  it("without a worker (new Worker throws) the page always reads the text itself", () => {
    const checker = planChecker(
      () => {
        throw new Error("SecurityError");
      },
      EXAMPLE_PLAN,
      { result: () => {}, failed: () => {} },
    );
    expect(checker.request(edited(1))).toBe(false);
    expect(checker.pending()).toBe(false);
  });

  it("a value that cannot be sent: the page reads that text itself", () => {
    const { w, checker } = setUp();
    w.reply(w.requests[0]!);
    expect(checker.request(edited(1), { f: () => 1 })).toBe(false);
    expect(checker.pending()).toBe(false);
    expect(checker.request(edited(2))).toBe(true);
  });

  it("a queued value that cannot be sent: the page reads that text itself", () => {
    const { w, failed, checker } = setUp();
    w.reply(w.requests[0]!);
    checker.request(edited(1));
    expect(checker.request(edited(2), { f: () => 1 })).toBe(true);
    w.reply(w.requests[1]!);
    expect(failed).toEqual([edited(2)]);
    expect(checker.pending()).toBe(false);
  });

  describe("a worker that does not answer within REPLY_DEADLINE_MS is not used again", () => {
    it("the warm-up has no deadline (until it is answered the page reads every text itself)", () => {
      const { clock, checker } = setUp();
      expect(clock.due()).toEqual([]);
      expect(checker.request(edited(1))).toBe(false);
      expect(clock.due()).toEqual([]);
    });

    it("each text sent to the worker has the deadline; its reply clears it, the next text sent gets its own", () => {
      const { w, clock, results, checker } = setUp();
      w.reply(w.requests[0]!);
      checker.request(edited(1));
      checker.request(edited(2));
      expect(clock.due()).toEqual([REPLY_DEADLINE_MS]);
      w.reply(w.requests[1]!);
      expect(clock.due()).toEqual([REPLY_DEADLINE_MS]);
      w.reply(w.requests[2]!);
      expect(clock.due()).toEqual([]);
      expect(results).toEqual(["aks-2 ok"]);
    });

    const expiries = {
      "the newest text is in flight": (s: ReturnType<typeof setUp>) => void s.checker.request(edited(1)),
      "the newest text waits behind one in flight": (s: ReturnType<typeof setUp>) => {
        s.checker.request(edited(0));
        s.checker.request(edited(1));
      },
    };
    it.each(Object.entries(expiries))("%s: on expiry the page reads it, and every later text", (_, make) => {
      const s = setUp();
      s.w.reply(s.w.requests[0]!);
      make(s);
      s.clock.fire();
      expect(s.failed).toEqual([edited(1)]);
      expect(s.w.terminated).toBe(true);
      expect(s.checker.pending()).toBe(false);
      expect(s.checker.request(edited(2))).toBe(false);
      expect(s.clock.due()).toEqual([]);
      // A reply or an error that comes after the switch changes nothing.
      for (const r of s.w.requests) s.w.reply(r);
      s.w.onerror?.(new Error("late"));
      expect(s.results).toEqual([]);
      expect(s.failed).toEqual([edited(1)]);
      expect(s.ready).toEqual(["ready"]);
      expect(s.checker.request(edited(3))).toBe(false);
    });

    it("a worker that fails clears its deadline", () => {
      const { w, clock, checker } = setUp();
      w.reply(w.requests[0]!);
      checker.request(edited(1));
      w.onerror?.(new Error("boom"));
      expect(clock.due()).toEqual([]);
    });
  });

  describe("a reply is checked at the boundary: never drawn unless it is the one expected, never thrown on", () => {
    const good = () => answer({ seq: 1, text: edited(1) }) as { seq: number; text: string; part: object };
    const malformed: Record<string, () => unknown> = {
      "not an object": () => "aks-1",
      null: () => null,
      "no sequence number": () => ({ ...good(), seq: undefined }),
      "a sequence number that is a string": () => ({ ...good(), seq: "1" }),
      "no text": () => ({ ...good(), text: undefined }),
      "another text than the one sent": () => ({ ...good(), text: edited(9) }),
      "neither a part nor main": () => ({ seq: 1, text: edited(1) }),
      "main that is not true": () => ({ seq: 1, text: edited(1), main: "yes" }),
      "a part without input": () => ({ ...good(), part: { plan: {} } }),
      "a part whose plan is a string": () => ({ ...good(), part: { ...good().part, plan: "aks-1" } }),
      "a part whose findings are not a list": () => ({ ...good(), part: { ...good().part, findings: {} } }),
      "a plan the page cannot resolve": () => ({ ...good(), part: { ...good().part, plan: { pools: 1 } } }),
    };
    it.each(Object.keys(malformed))("%s: the page reads the text itself and stops using the worker", (name) => {
      const { w, clock, results, failed, checker } = setUp();
      w.reply(w.requests[0]!);
      checker.request(edited(1));
      expect(() => w.onmessage?.({ data: malformed[name]!() })).not.toThrow();
      expect(results).toEqual([]);
      expect(failed).toEqual([edited(1)]);
      expect(w.terminated).toBe(true);
      expect(clock.due()).toEqual([]);
      expect(checker.request(edited(2))).toBe(false);
    });

    const stale: Record<string, (w: ReturnType<typeof fakeWorker>) => unknown> = {
      "a sequence number never sent": () => ({ ...good(), seq: 99 }),
      "the warm-up's, again": (w) => answer(w.requests[0]!),
      "a negative sequence number": () => ({ ...good(), seq: -1 }),
    };
    it.each(Object.keys(stale))("%s: dropped; the worker stays and its reply is drawn", (name) => {
      const { w, results, failed, checker } = setUp();
      w.reply(w.requests[0]!);
      checker.request(edited(1));
      w.onmessage?.({ data: stale[name]!(w) });
      expect(results).toEqual([]);
      expect(failed).toEqual([]);
      expect(checker.pending()).toBe(true);
      w.reply(w.requests[1]!);
      expect(results).toEqual(["aks-1 ok"]);
      expect(w.terminated).toBe(false);
    });

    it("a malformed warm-up reply: the worker is never used", () => {
      const { w, ready, failed, checker } = setUp();
      w.onmessage?.({ data: { seq: 0 } });
      expect(ready).toEqual([]);
      expect(failed).toEqual([]);
      expect(w.terminated).toBe(true);
      expect(checker.request(edited(1))).toBe(false);
    });
  });
});
