/**
 * The page's side of its worker (./plan-worker.ts): it sends the plan text there and hands back the plan part (read,
 * resolve, check, verdict; ../plan-check.ts), so the main thread stays free for input and paint while a large text is
 * read. Each request has a sequence number: only the reply to the newest one is handed back; an older reply never
 * overwrites a newer edit's. The worker reads one text at a time: texts typed while it reads are not queued up, only
 * the newest of them is sent when it is done (typing faster than it reads builds no backlog).
 *
 * The worker is used once it has answered its first (warm-up) request: until then, and for good if it cannot be made
 * (`new Worker` throws) or fails (an `error` event), `request` returns false and the page reads the
 * text itself, as it did before the worker. A request the worker could not answer is handed to `failed`, so the page
 * reads that text itself. A worker that does not answer a text within REPLY_DEADLINE_MS (hung: no reply, no error) is
 * treated as one that failed: it is terminated, and that text and every later one are read by the page.
 */
import { fromWire, type CheckReply, type CheckRequest } from "../plan-check.js";
import type { PlanPart } from "../compute.js";

/** What the checker needs of a Worker (a fake one in plan-checker.test.ts). */
export interface WorkerLike {
  postMessage(message: CheckRequest): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

/**
 * How long the worker may take over one text, from when it is sent to it, before the page stops using it (terminates
 * it and reads that text and every later one itself). The worker reads the 1,000-subnet bench plan in about 30 ms of
 * CPU, a 437 KiB plan of 10,000 subnets (near the page's 512 KiB limit) in about 80 ms (Node 20, 2026-12-08), so only
 * a hung worker takes this long, even on a busy machine. The warm-up has no deadline: until it is answered the page
 * reads every text itself, so a worker that never starts leaves nothing waiting.
 */
export const REPLY_DEADLINE_MS = 5_000;

/** The timers the deadline uses (fake ones in plan-checker.test.ts). */
export interface Timers {
  set(expire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (expire, ms) => setTimeout(expire, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CheckerEvents {
  /** The worker has answered its warm-up: texts go to it from now on. */
  ready?(): void;
  /** The plan part of `text`, the newest text sent. */
  result(text: string, part: PlanPart): void;
  /** The newest text sent is not answered (a fleet file or a report, or the worker failed): the page reads it. */
  failed(text: string): void;
}

export interface PlanChecker {
  /** Sends `text` (with the value the form wrote it from, if any); false when the page must read it itself. */
  request(text: string, value?: unknown): boolean;
  /** Whether the reply to the newest request is still to come. */
  pending(): boolean;
}

/** The checker's state: the worker, the newest request until its reply, the one the worker reads and the next. */
interface Channel {
  worker?: WorkerLike;
  timers: Timers;
  /** The deadline of the request in flight, and what its expiry does (the worker is treated as failed). */
  deadline?: unknown;
  expire(): void;
  ready: boolean;
  seq: number;
  waiting?: CheckRequest;
  inFlight?: CheckRequest;
  queued?: CheckRequest;
}

/** Sends `req`; false when it cannot be sent (a value that cannot be cloned). */
function send(c: Channel, req: CheckRequest): boolean {
  try {
    c.worker!.postMessage(req);
  } catch {
    return false;
  }
  c.inFlight = req;
  c.deadline = c.timers.set(c.expire, REPLY_DEADLINE_MS);
  return true;
}

function clearDeadline(c: Channel): void {
  if (c.deadline !== undefined) c.timers.clear(c.deadline);
  c.deadline = undefined;
}

/** The worker is free again: the newest text made meanwhile goes to it. */
function sendQueued(c: Channel, on: CheckerEvents): void {
  clearDeadline(c);
  c.inFlight = undefined;
  const next = c.queued;
  c.queued = undefined;
  if (next && !send(c, next) && c.waiting === next) {
    c.waiting = undefined;
    on.failed(next.text);
  }
}

/** Whether `data` has the shape of a reply (./plan-worker.ts): anything else from the worker counts as its failure. */
function isReply(data: unknown): data is CheckReply {
  if (typeof data !== "object" || data === null) return false;
  const r = data as Record<string, unknown>;
  if (!Number.isSafeInteger(r["seq"]) || typeof r["text"] !== "string") return false;
  if (r["main"] === true) return !("part" in r);
  const part = r["part"] as Record<string, unknown> | null | undefined;
  const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  return (
    isObject(part) &&
    isObject(part!["input"]) &&
    (part!["plan"] === undefined || isObject(part!["plan"])) &&
    (part!["findings"] === undefined || Array.isArray(part!["findings"])) &&
    (part!["verdict"] === undefined || isObject(part!["verdict"]))
  );
}

/**
 * A message from the worker. A reply to a request not in flight (an old, repeated or made-up sequence number) is
 * dropped; a message that is not a reply, a reply for another text, or a plan part the page cannot rebuild makes the
 * page stop using the worker (`fail`): nothing of it is drawn.
 */
function received(c: Channel, on: CheckerEvents, data: unknown): void {
  if (!isReply(data)) {
    fail(c, on);
    return;
  }
  if (!c.inFlight || data.seq !== c.inFlight.seq) return;
  if (data.text !== c.inFlight.text) {
    fail(c, on);
    return;
  }
  let part: PlanPart | undefined;
  if (c.waiting?.seq === data.seq && "part" in data) {
    try {
      part = fromWire(data.part);
    } catch {
      fail(c, on);
      return;
    }
  }
  if (!c.ready) {
    c.ready = true;
    on.ready?.();
  }
  sendQueued(c, on);
  if (!c.waiting || data.seq !== c.waiting.seq) return;
  c.waiting = undefined;
  if (part) on.result(data.text, part);
  else on.failed(data.text);
}

function fail(c: Channel, on: CheckerEvents): void {
  clearDeadline(c);
  c.worker?.terminate();
  c.worker = undefined;
  c.ready = false;
  c.inFlight = c.queued = undefined;
  const w = c.waiting;
  c.waiting = undefined;
  if (w) on.failed(w.text);
}

function request(c: Channel, text: string, value: unknown): boolean {
  if (!c.worker || !c.ready) return false;
  const req: CheckRequest = value === undefined ? { seq: ++c.seq, text } : { seq: ++c.seq, text, value };
  if (c.inFlight) {
    // The worker reads one text at a time: a text typed meanwhile waits, replaced by any newer one.
    c.queued = req;
  } else if (!send(c, req)) {
    // A value that cannot be cloned: the page reads this text itself, the worker stays for the next one.
    c.waiting = undefined;
    return false;
  }
  c.waiting = req;
  return true;
}

export function planChecker(
  make: () => WorkerLike,
  warmUpText: string,
  on: CheckerEvents,
  timers: Timers = realTimers,
): PlanChecker {
  const c: Channel = { ready: false, seq: 0, timers, expire: () => fail(c, on) };
  try {
    const worker = make();
    c.worker = worker;
    // A message or error from a worker the page has stopped using (after its deadline) changes nothing.
    worker.onmessage = ({ data }) => {
      if (c.worker === worker) received(c, on, data);
    };
    worker.onerror = () => {
      if (c.worker === worker) fail(c, on);
    };
    const warmUp = { seq: 0, text: warmUpText };
    worker.postMessage(warmUp);
    c.inFlight = warmUp;
  } catch {
    c.worker = undefined;
  }
  return { request: (text, value) => request(c, text, value), pending: () => c.waiting !== undefined };
}
