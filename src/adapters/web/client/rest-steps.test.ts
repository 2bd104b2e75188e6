import { describe, expect, it } from "vitest";
import { restSteps } from "./rest-steps.js";

/** Resolves after `n` macrotasks (each step runs in a task of its own). */
const tasks = (n: number) => new Promise<void>((r) => setTimeout(r, n));

describe("restSteps", () => {
  it("runs the steps in order, one task each, then done with their time", async () => {
    const rest = restSteps();
    const ran: string[] = [];
    let spent = -1;
    rest.start([() => ran.push("a"), () => ran.push("b"), () => ran.push("c")], (ms) => (spent = ms));
    expect(ran).toEqual([]);
    await tasks(20);
    expect(ran).toEqual(["a", "b", "c"]);
    expect(spent).toBeGreaterThanOrEqual(0);
  });

  it("a new start drops the steps still queued; flush runs the rest now", async () => {
    const rest = restSteps();
    const ran: string[] = [];
    const done: string[] = [];
    rest.start([() => ran.push("old1"), () => ran.push("old2")], () => done.push("old"));
    rest.start([() => ran.push("new1"), () => ran.push("new2")], () => done.push("new"));
    rest.flush();
    expect(ran).toEqual(["new1", "new2"]);
    expect(done).toEqual(["new"]);
    await tasks(20);
    expect(ran).toEqual(["new1", "new2"]);
  });

  it("cancel drops the queued steps: done never runs", async () => {
    const rest = restSteps();
    const ran: string[] = [];
    rest.start([() => ran.push("a")], () => ran.push("done"));
    rest.cancel();
    await tasks(20);
    expect(ran).toEqual([]);
  });

  it("a step that throws does not stop the steps after it", async () => {
    const rest = restSteps();
    const ran: string[] = [];
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on("uncaughtException", onError);
    try {
      rest.start(
        [
          () => {
            throw new Error("boom");
          },
          () => ran.push("after"),
        ],
        () => ran.push("done"),
      );
      await tasks(30);
    } finally {
      process.off("uncaughtException", onError);
    }
    expect(ran).toEqual(["after", "done"]);
  });
});
