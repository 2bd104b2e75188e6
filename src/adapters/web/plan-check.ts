/**
 * The plan part (read, resolve, check, verdict: ./compute.ts `planPart`) computed in the page's worker
 * (client/plan-worker.ts) and sent to the page by `postMessage`, whose structured clone keeps plain data and drops
 * classes: the resolved plan holds `Prefix` values, so it is not sent but resolved again on the page from the plan
 * (`resolvePlan`, well under a millisecond for 1,000 subnets), and everything else is plain data. A fleet file, a scan
 * or an inspect report is not sent: the page reads those itself (`main`).
 *
 * Requests and replies carry a sequence number: the page draws only the reply to its newest request.
 */
import { resolvePlan, type Plan } from "../../engines/plan/index.js";
import type { Finding } from "../../engines/validate/index.js";
import type { PlanVerdict } from "../../engines/views/index.js";
import { planPart, type PlanInputView, type PlanPart } from "./compute.js";

/** What crosses to the page: the plan part without the resolved plan (and its assumptions, which come from it). */
export interface WirePart {
  readonly input: PlanInputView;
  readonly plan?: Plan;
  readonly findings?: readonly Finding[];
  readonly summary?: PlanPart["summary"];
  readonly verdict?: PlanVerdict;
}

export interface CheckRequest {
  readonly seq: number;
  readonly text: string;
  /** The value the form wrote `text` from (ParsedHint), so the worker need not parse it again. */
  readonly value?: unknown;
}

export type CheckReply =
  | { readonly seq: number; readonly text: string; readonly part: WirePart }
  | { readonly seq: number; readonly text: string; readonly main: true };

/** The part to send, or undefined when the page must read the text itself (a fleet file, a scan, an inspect report). */
export function toWire(part: PlanPart): WirePart | undefined {
  if ((part.fleet ?? part.scan ?? part.inspect) !== undefined) return undefined;
  const { input, plan, findings, summary, verdict } = part;
  return {
    input,
    ...(plan ? { plan } : {}),
    ...(findings ? { findings } : {}),
    ...(summary ? { summary } : {}),
    ...(verdict ? { verdict } : {}),
  };
}

/** The plan part again from what was sent: equal to the one the worker computed (plan-check.test.ts). */
export function fromWire(wire: WirePart): PlanPart {
  if (!wire.plan) return { input: wire.input, assumptions: [] };
  const resolved = resolvePlan(wire.plan);
  return {
    input: wire.input,
    plan: wire.plan,
    resolved,
    assumptions: resolved.assumptions,
    ...(wire.findings ? { findings: wire.findings } : {}),
    ...(wire.summary ? { summary: wire.summary } : {}),
    ...(wire.verdict ? { verdict: wire.verdict } : {}),
  };
}

/**
 * Whether the text may be a fleet file, a scan or an inspect report (the tests ./compute.ts's readers start with):
 * the page reads those itself, so the worker does not read them first.
 */
const mayBeReport = (text: string) =>
  /\bFleetPlan\b/.test(text) ||
  (text.trimStart().startsWith("{") && /"(ScanReport|clusters|InspectReport)"/.test(text));

/** The worker's answer to one request. */
export function answer(req: CheckRequest): CheckReply {
  if (mayBeReport(req.text)) return { seq: req.seq, text: req.text, main: true };
  const hint = "value" in req ? { planText: req.text, value: req.value } : undefined;
  const wire = toWire(planPart(req.text, hint));
  return wire ? { seq: req.seq, text: req.text, part: wire } : { seq: req.seq, text: req.text, main: true };
}
