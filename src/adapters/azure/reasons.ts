/**
 * One sentence for why a read failed: the HTTP status and Azure's error code,
 * the retry that gave up, the time limit, or the guard that refused. Azure's own
 * message is kept short and free of control characters.
 */
import { GAVE_UP } from "./policies.js";

interface RestLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { status?: number; bodyAsText?: string | null; headers?: { get(name: string): string | undefined } };
}

/** The HTTP status of a failed SDK call, when it has one. */
export function statusOf(e: unknown): number | undefined {
  const r = e as RestLike;
  return r?.statusCode ?? r?.response?.status;
}

const clean = (s: string, max = 200) => {
  const t = s
    // eslint-disable-next-line no-control-regex -- an Azure message must not carry controls into a sentence
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

function azureCode(r: RestLike): string | undefined {
  try {
    const body = JSON.parse(r.response?.bodyAsText ?? "") as { error?: { code?: unknown } };
    return typeof body?.error?.code === "string" ? clean(body.error.code, 80) : undefined;
  } catch {
    return undefined;
  }
}

export function errorReason(e: unknown): string {
  const r = e as RestLike & { name?: string };
  if (r?.name === "AbortError" || /time limit/.test(String(r?.message)))
    return "the scan's time limit was reached before it was read";
  const status = statusOf(e);
  if (status !== undefined) {
    const code =
      azureCode(r) ??
      (r.code === "PARSE_ERROR"
        ? "(a body that is not valid JSON)"
        : r.code && r.code !== "REQUEST_SEND_ERROR"
          ? clean(r.code, 80)
          : undefined);
    const gaveUp = r.response?.headers?.get(GAVE_UP);
    return `HTTP ${status}${code ? ` ${code}` : ""}${gaveUp ? ` (${gaveUp})` : ""}`;
  }
  return clean(r?.message ?? String(e));
}

/**
 * Why a read failed, knowing the run: once the run's time limit has passed, that is the reason,
 * whatever the error says.
 */
export function reasonWithin(e: unknown, signal: AbortSignal): string {
  return signal.aborted ? "the scan's time limit was reached before it was read" : errorReason(e);
}
