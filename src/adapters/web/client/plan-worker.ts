/**
 * The page's worker: reads, resolves and checks the plan text off the main thread (../plan-check.ts `answer`), so a
 * paste of a large plan does not hold back the page's input and paint. Built beside the page's bundle
 * (scripts/build-web.mjs) and started by ./plan-checker.ts.
 */
// First: zod must be jitless before any schema is built (no eval, as on the page).
import "./jitless.js";
import { answer, type CheckRequest } from "../plan-check.js";

const scope = globalThis as unknown as {
  onmessage: ((event: { readonly data: CheckRequest }) => void) | null;
  postMessage(message: unknown): void;
};
scope.onmessage = ({ data }) => scope.postMessage(answer(data));
