/**
 * The views below the verdict, drawn as a chain of small steps, one task each. Drawn in one task (50-80 ms of
 * main-thread work for a model switch of a 1,000-subnet plan), they held back any input that arrived meanwhile — the
 * key's release after a model switch, the next keystroke — until all of them were drawn and painted: that input's
 * paint came 80 ms or more after it. Between two steps the browser handles waiting input first, so an input waits
 * for one step at most. Each step draws its views whole; a view not yet redrawn shows the plan before the edit for
 * the few frames the chain takes, as the views did for one frame before, and `data-settled` says when all are drawn.
 *
 * `start` replaces the steps still queued (a new edit: the views follow the newest plan); `flush` runs them now (a
 * click on the verdict's link needs its finding drawn). Tasks are posted through a MessageChannel: setTimeout chains
 * are clamped to 4 ms after five nested timers.
 */
export interface RestSteps {
  /**
   * Queues `steps` (dropping any queued before), the first one in a task of its own; `done` runs after the last one
   * with the milliseconds the steps ran, in total (the waits between them left out).
   */
  start(steps: readonly (() => void)[], done: (spent: number) => void): void;
  /** Runs the queued steps now. */
  flush(): void;
  /** Drops the queued steps. */
  cancel(): void;
}

export function restSteps(): RestSteps {
  let queue: (() => void)[] = [];
  let posted = false;
  let spent = 0;
  let done: ((spent: number) => void) | undefined;
  const channel = new MessageChannel();
  const post = () => {
    if (posted || queue.length === 0) return;
    posted = true;
    channel.port2.postMessage(undefined);
  };
  const runOne = () => {
    const step = queue.shift();
    if (!step) return;
    const started = performance.now();
    try {
      step();
    } finally {
      spent += performance.now() - started;
    }
    if (queue.length === 0) done?.(spent);
  };
  channel.port1.onmessage = () => {
    posted = false;
    try {
      runOne();
    } finally {
      post();
    }
  };
  return {
    start(steps, then) {
      queue = [...steps];
      spent = 0;
      done = then;
      post();
    },
    flush() {
      while (queue.length > 0) runOne();
    },
    cancel() {
      queue = [];
    },
  };
}
