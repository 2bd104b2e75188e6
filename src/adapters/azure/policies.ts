/**
 * Pipeline policies the scan adds to the Azure SDK clients, so every request is
 * bounded and counted:
 * - `retryPolicy` (replaces the SDK's own retries): 429 and 503 wait for
 *   `Retry-After` / `retry-after-ms` / `x-ms-retry-after-ms`, other 5xx and
 *   network errors back off exponentially; a bounded number of times, and never
 *   past the run's deadline (a Retry-After beyond it ends the retries at once).
 *   For Resource Graph it also keeps to the per-user quota: when
 *   `x-ms-user-quota-remaining` reaches 0 the next query waits
 *   `x-ms-user-quota-resets-after`.
 * - `guardPolicy` (per attempt, before the token is attached): refuses any URL
 *   outside the ARM endpoint (a hostile `nextLink` never gets the token) and any
 *   method but GET and Resource Graph's query POST, sets the per-request timeout,
 *   and reads the body itself up to a byte limit.
 * Sources: https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling,
 * https://learn.microsoft.com/azure/governance/resource-graph/concepts/guidance-for-throttled-requests
 * (checked 2026-12-06).
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { PipelinePolicy, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";

/** The run's clock: a deadline for everything, and a signal that fires at it. */
export interface Budget {
  readonly deadline: number;
  readonly signal: AbortSignal;
  now(): number;
}

export function budgetOf(timeoutMs: number, now: () => number = Date.now): Budget & { cancel(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("the scan's time limit was reached")), timeoutMs);
  timer.unref?.();
  return {
    deadline: now() + timeoutMs,
    signal: controller.signal,
    now,
    cancel: () => clearTimeout(timer),
  };
}

/** What the run did on the wire. */
export interface RequestStats {
  /** Every request sent, retries included. */
  requests: number;
  resourceGraph: number;
  usage: number;
  retries: number;
  /** Responses 429 or 503. */
  throttled: number;
  /** Time spent waiting for Retry-After or Resource Graph's quota, ms. */
  waitedMs: number;
  /** Method and path of every request, in order (the test server compares it with its own log). */
  log: { method: string; path: string; status: number | null }[];
}

export function newStats(): RequestStats {
  return { requests: 0, resourceGraph: 0, usage: 0, retries: 0, throttled: 0, waitedMs: 0, log: [] };
}

const header = (r: PipelineResponse | undefined, name: string) => r?.headers.get(name) ?? undefined;

/** Milliseconds a 429/503 asks to wait, from its headers; undefined when it names none. */
export function retryAfterMs(r: PipelineResponse | undefined, now: number): number | undefined {
  const ms = header(r, "retry-after-ms") ?? header(r, "x-ms-retry-after-ms");
  if (ms !== undefined && /^\d+$/.test(ms.trim())) return Number(ms);
  const after = header(r, "retry-after");
  if (after === undefined) return undefined;
  if (/^\d+$/.test(after.trim())) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** `hh:mm:ss` (Resource Graph's `x-ms-user-quota-resets-after`) → ms. */
export function durationMs(text: string | undefined): number | undefined {
  const m = /^(\d+):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(text?.trim() ?? "");
  if (!m) return undefined;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(`0.${m[4] ?? 0}`) * 1000;
}

export interface RetryOptions {
  readonly maxRetries: number;
  readonly budget: Budget;
  readonly stats: RequestStats;
  /** Keep to Resource Graph's per-user quota headers. */
  readonly quota?: boolean;
}

/**
 * Why the retries stopped: a header set on the last response (the SDK's error
 * keeps the headers), for the caller's message.
 */
export const GAVE_UP = "x-aksnet-gave-up";

async function wait(ms: number, o: RetryOptions): Promise<void> {
  if (ms <= 0) return;
  o.stats.waitedMs += ms;
  await sleep(ms, undefined, { signal: o.budget.signal });
}

function backoffMs(attempt: number): number {
  return Math.min(8000, 500 * 2 ** attempt);
}

/** Whether a thrown error is worth another try (a network error, not an abort). */
function retryableError(e: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return false;
  const name = (e as { name?: string })?.name;
  if (name === "AbortError") return false;
  const code = (e as { code?: string })?.code;
  return code !== "AKSNET_REFUSED" && code !== "AKSNET_TOO_LARGE";
}

export function retryPolicy(o: RetryOptions): PipelinePolicy {
  let quotaGate = 0;
  return {
    name: "aksnetRetryPolicy",
    async sendRequest(request, next) {
      for (let attempt = 0; ; attempt++) {
        if (o.quota && quotaGate > o.budget.now())
          await wait(Math.min(quotaGate, o.budget.deadline) - o.budget.now(), o);
        let response: PipelineResponse | undefined;
        try {
          response = await next(request);
        } catch (e) {
          const delay = backoffMs(attempt);
          if (
            attempt >= o.maxRetries ||
            !retryableError(e, o.budget.signal) ||
            o.budget.now() + delay >= o.budget.deadline
          )
            throw e;
          o.stats.retries++;
          await wait(delay, o);
          continue;
        }
        if (o.quota) {
          const left = header(response, "x-ms-user-quota-remaining");
          const resets = durationMs(header(response, "x-ms-user-quota-resets-after"));
          if (left !== undefined && Number(left) <= 0 && resets !== undefined) quotaGate = o.budget.now() + resets;
        }
        const s = response.status;
        if (s !== 429 && s < 500) return response;
        if (s === 429 || s === 503) o.stats.throttled++;
        const asked = s === 429 || s === 503 ? retryAfterMs(response, o.budget.now()) : undefined;
        const delay = asked ?? backoffMs(attempt);
        const left = o.budget.deadline - o.budget.now();
        if (attempt >= o.maxRetries || delay >= left) {
          response.headers.set(
            GAVE_UP,
            attempt >= o.maxRetries
              ? `still ${s} after ${o.maxRetries} retries`
              : `Retry-After ${Math.ceil(delay / 1000)} s is past the ${Math.max(0, Math.floor(left / 1000))} s left`,
          );
          return response;
        }
        o.stats.retries++;
        await wait(delay, o);
      }
    },
  };
}

export interface GuardOptions {
  /** The ARM endpoint's origin (`https://management.azure.com`): no request leaves it. */
  readonly origin: string;
  readonly maxBodyBytes: number;
  readonly requestTimeoutMs: number;
  readonly stats: RequestStats;
}

/** An error the guard raises; never retried. */
export class GuardError extends Error {
  constructor(
    message: string,
    readonly code: "AKSNET_REFUSED" | "AKSNET_TOO_LARGE" | "AKSNET_NOT_JSON",
  ) {
    super(message);
    this.name = "GuardError";
  }
}

const READ_POST = /^\/providers\/Microsoft\.ResourceGraph\/resources$/i;

function refuse(request: PipelineRequest, origin: string): string | undefined {
  const url = new URL(request.url);
  if (url.origin !== origin) return `a request to ${url.origin}, outside the ARM endpoint ${origin}, was refused`;
  if (request.method === "GET") return undefined;
  if (request.method === "POST" && READ_POST.test(url.pathname)) return undefined;
  return `a ${request.method} to ${url.pathname} was refused: the scan only reads`;
}

/** Reads the body up to `max` bytes within `timeoutMs` (the SDK's own timeout stops at the headers). */
async function readCapped(response: PipelineResponse, max: number, timeoutMs: number): Promise<string> {
  const stream = response.readableStreamBody as
    (AsyncIterable<Buffer | string> & { destroy(e?: Error): void }) | undefined;
  if (!stream) return response.bodyAsText ?? "";
  let slow = false;
  const timer = setTimeout(() => {
    slow = true;
    stream.destroy(new Error("slow"));
  }, timeoutMs);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > max) {
        stream.destroy();
        const mib = Math.round((max / 1048576) * 10) / 10;
        throw new GuardError(`the response was larger than ${mib} MiB and was not read`, "AKSNET_TOO_LARGE");
      }
      chunks.push(b);
    }
  } catch (e) {
    if (slow)
      throw Object.assign(new Error(`the response did not arrive within ${timeoutMs / 1000} s`), {
        code: "AKSNET_SLOW",
      });
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A body that is not JSON (a proxy's or gateway's HTML page; found by the breaker: the SDK then failed with
 * "Cannot read properties of undefined"): refused with a sentence when the status says success, else made an
 * Azure error with code NotJson, so the status is reported (and a 5xx retried) as for any other error.
 */
function notJson(response: PipelineResponse): PipelineResponse {
  const text = response.bodyAsText ?? "";
  const first = /\S/.exec(text)?.[0];
  if (first === undefined || first === "{" || first === "[") return response;
  const type = (response.headers.get("content-type") ?? "no content type").split(";")[0];
  const title = /<title>([^<]{1,80})<\/title>/i.exec(text)?.[1]?.trim();
  const what = `a ${type} body${title ? ` ("${title}")` : ""}, not JSON`;
  if (response.status < 300)
    throw new GuardError(
      `the answer (HTTP ${response.status}) was ${what}; a proxy may stand in the way`,
      "AKSNET_NOT_JSON",
    );
  response.bodyAsText = JSON.stringify({ error: { code: "NotJson", message: what } });
  response.headers.set("content-type", "application/json");
  return response;
}

export function guardPolicy(o: GuardOptions): PipelinePolicy {
  return {
    name: "aksnetGuardPolicy",
    async sendRequest(request, next) {
      const refused = refuse(request, o.origin);
      const path = new URL(request.url).pathname;
      if (refused) {
        o.stats.log.push({ method: request.method, path, status: null });
        throw new GuardError(refused, "AKSNET_REFUSED");
      }
      o.stats.requests++;
      if (READ_POST.test(path)) o.stats.resourceGraph++;
      else if (/\/usages$/i.test(path)) o.stats.usage++;
      request.timeout = o.requestTimeoutMs;
      request.streamResponseStatusCodes = new Set([Number.POSITIVE_INFINITY]);
      const entry = { method: request.method, path, status: null as number | null };
      o.stats.log.push(entry);
      const response = await next(request);
      entry.status = response.status;
      response.bodyAsText = await readCapped(response, o.maxBodyBytes, o.requestTimeoutMs);
      delete response.readableStreamBody;
      return notJson(response);
    },
  };
}
