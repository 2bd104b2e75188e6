/**
 * The HTTP library inspect plugs into `@kubernetes/client-node` for list calls
 * (the client's `HttpLibrary` interface, its `httpApi` configuration option).
 * The client still builds every request (path, query, `limit`/`continue`),
 * applies the kubeconfig's auth (token, exec plugin, client certificate) and
 * TLS (its own agent with the CA data), and turns non-2xx answers into its
 * `ApiException`. What this library changes is the body of a successful list:
 * instead of the client parsing a whole page into typed model objects (most of
 * the time of a large live read), the bytes are scanned as they arrive
 * (`ListScanner`) and each item goes straight to `onItem`; the client then
 * gets the page's `kind`, `apiVersion` and `metadata` (the `continue` token)
 * with an empty `items`.
 *
 * Hostile or broken servers: redirects are never followed (credentials must
 * not travel to another address); a body above `maxBytes` is cut off; a list
 * whose `kind` is not the one asked for is refused; a deadline signal aborts
 * the request wherever it is.
 */
import * as http from "node:http";
import * as https from "node:https";
import type * as K8s from "@kubernetes/client-node";
import type { HttpLibrary, RequestContext, ResponseContext } from "@kubernetes/client-node";
import { ListScanner } from "./json-items.js";
import { redactUrl } from "./kubeconfig.js";

/** Why a list answer was refused; `reason` names the class for the report. */
export class ListAnswerError extends Error {
  override readonly name = "ListAnswerError";
  constructor(
    readonly reason: "redirect" | "too-large" | "wrong-kind" | "malformed",
    message: string,
  ) {
    super(message);
  }
}

/** What one call asks for: a list (its items streamed to `onItem`) or a single object (returned whole). */
export type ListTarget =
  | {
      /** The list kind expected, e.g. `NodeList`. */
      readonly listKind: string;
      /** The item kind expected when items carry one (custom resources do), e.g. `Node`. */
      readonly itemKind: string;
      /**
       * Receives every item as its bytes complete. A page that then fails (wrong kind, cut off, aborted)
       * rejects: the caller drops what the list gave so far.
       */
      onItem(raw: unknown): void;
      /**
       * Called once, as soon as the page's top-level `metadata` has arrived (the API server writes it before
       * the items), with its continue token: the caller may ask for the next page while this one streams.
       */
      onContinue?(token: string | undefined): void;
    }
  | {
      /** The kind of the one object asked for, e.g. `ConfigMap`; its JSON goes to the client whole. */
      readonly objectKind: string;
    };

type ListCall = Extract<ListTarget, { listKind: string }>;

export interface TransportOptions {
  /** Aborts every request (the run's deadline, or a page the caller no longer wants). */
  readonly signal: AbortSignal;
  /** The most bytes one answer may have. */
  readonly maxBytes: number;
  /** Keeps one connection open across the pages of a run. */
  readonly agents: AgentCache;
}

/** The TLS options of the client's agent that decide whom a connection trusts and how it authenticates. */
const TLS_KEYS = ["ca", "cert", "key", "pfx", "passphrase", "rejectUnauthorized", "servername"] as const;

/**
 * The client makes a new `https.Agent` (and so a new TLS context and connection) for every request; over the
 * hundreds of pages of a large cluster that costs more than reading them. A run keeps one keep-alive agent
 * made from the same TLS options and uses it while the client's options stay the same (an exec plugin that
 * hands out a new client certificate gets a new agent). Proxy agents and plain HTTP are used as given.
 */
/** TLS option values compare by content: the client decodes the CA and certificates anew for every request. */
function sameOption(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameOption(x, b[i]));
  return a === b;
}

export class AgentCache {
  private agent: https.Agent | undefined;
  private from: Partial<Record<(typeof TLS_KEYS)[number], unknown>> | undefined;

  for(given: http.Agent | undefined): http.Agent | undefined {
    if (!(given instanceof https.Agent) || given.constructor !== https.Agent) return given;
    const opts = (given as https.Agent & { options: https.AgentOptions }).options;
    const same = this.from !== undefined && TLS_KEYS.every((k) => sameOption(this.from?.[k], opts[k]));
    if (!same || !this.agent) {
      this.agent?.destroy();
      this.from = Object.fromEntries(TLS_KEYS.map((k) => [k, opts[k]]));
      // Two: the next page is asked for while one streams (see `onContinue`).
      this.agent = new https.Agent({ ...opts, keepAlive: true, maxSockets: 2 });
    }
    given.destroy();
    return this.agent;
  }

  destroy(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }
}

/** The largest error body kept for the client's exception (a Status object is a few hundred bytes). */
const MAX_ERROR_BODY = 64 * 1024;

/** The client's module, for the classes a library has to build (`ResponseContext`, `wrapHttpLibrary`). */
type Client = typeof K8s;

/**
 * An `HttpLibrary` for list calls of one resource. `target` can be changed
 * between calls (one library per list loop is simplest).
 */
export function listTransport(k8s: Client, target: ListTarget, o: TransportOptions): HttpLibrary {
  return k8s.wrapHttpLibrary({ send: (request) => send(k8s, request, target, o) });
}

function headersOf(res: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function send(k8s: Client, request: RequestContext, target: ListTarget, o: TransportOptions): Promise<ResponseContext> {
  const url = new URL(request.getUrl());
  // Credentials written into the server URL are never sent (nor shown): the kubeconfig's user authenticates.
  url.username = "";
  url.password = "";
  const secure = url.protocol === "https:";
  const agent = o.agents.for(request.getAgent() as http.Agent | undefined);
  const options: https.RequestOptions = {
    method: request.getHttpMethod().toString(),
    headers: request.getHeaders(),
    signal: o.signal,
    ...(agent ? { agent } : {}),
  };
  return new Promise<ResponseContext>((resolve, reject) => {
    const req = (secure ? https : http).request(url, options, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        req.destroy();
        reject(redirectError(status, res.headers.location));
        return;
      }
      if (status !== 200) return collectBody(k8s, req, res, MAX_ERROR_BODY, resolve, reject);
      if ("objectKind" in target) return readObject(k8s, req, res, target.objectKind, o.maxBytes, resolve, reject);
      readList(k8s, req, res, target, o.maxBytes, resolve, reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A redirect is refused: the credentials never go to another address. */
function redirectError(status: number, to: string | undefined): ListAnswerError {
  return new ListAnswerError(
    "redirect",
    `the API server answered ${status} with a redirect${to ? ` to ${redactUrl(to)}` : ""}; aksnet does not ` +
      `follow redirects, so your credentials never go to another address (check the kubeconfig's server: ` +
      `field)`,
  );
}

/** A list answer, streamed: each item to the target as it is read, the list's own fields checked at the end. */
function readList(
  k8s: Client,
  req: http.ClientRequest,
  res: http.IncomingMessage,
  target: ListCall,
  max: number,
  resolve: (r: ResponseContext) => void,
  reject: (e: unknown) => void,
): void {
  const scanner = new ListScanner();
  let failed = false;
  let announced = false;
  /** Stops reading at the first problem: the answer is dropped and the call rejects with it. */
  const fail = (e: unknown) => {
    if (failed) return;
    failed = true;
    res.destroy();
    req.destroy();
    reject(asAnswerError(e, target));
  };
  res.on("data", (chunk: Buffer) => {
    if (failed) return;
    if (scanner.bytes + chunk.length > max)
      return fail(
        new ListAnswerError(
          "too-large",
          `the answer to list ${target.listKind} passed ${formatBytes(max)}; aksnet stops reading there ` +
            `(lower --page-size, or check what answers at the kubeconfig's server: address)`,
        ),
      );
    try {
      for (const item of scanner.write(chunk)) {
        checkItemKind(item, target);
        target.onItem(item);
      }
      if (!announced && scanner.fields["metadata"] !== undefined) {
        announced = true;
        target.onContinue?.(continueOf(scanner.fields["metadata"]));
      }
    } catch (e) {
      fail(e);
    }
  });
  res.on("error", (e) => fail(e));
  res.on("end", () => {
    if (failed) return;
    try {
      const body = listBody(scanner, target);
      resolve(new k8s.ResponseContext(200, headersOf(res), textBody(body)));
    } catch (e) {
      fail(e);
    }
  });
}

/** The list's own fields once the stream ends (its items went to the target), or why they cannot be used. */
function listBody(scanner: ListScanner, target: ListCall): string {
  scanner.end();
  const { kind, apiVersion, metadata } = scanner.fields;
  if (kind !== target.listKind)
    throw new ListAnswerError(
      "wrong-kind",
      `the API server answered ${typeof kind === "string" ? `a ${kind}` : "a list without a kind"} where a ` +
        `${target.listKind} was asked for, so its items were not used`,
    );
  return JSON.stringify({ kind, apiVersion, metadata, items: [] });
}

/** A list's continue token from its raw `metadata`, when it has one. */
function continueOf(metadata: unknown): string | undefined {
  const token = (metadata as { continue?: unknown } | null)?.continue;
  return typeof token === "string" && token !== "" ? token : undefined;
}

function checkItemKind(item: unknown, target: ListCall): void {
  const kind = (item as { kind?: unknown }).kind;
  if (kind !== undefined && kind !== target.itemKind)
    throw new ListAnswerError(
      "wrong-kind",
      `the API server answered ${typeof kind === "string" ? `a ${kind}` : "an item of an unknown kind"} in the ` +
        `${target.listKind} asked for, so the list was not used`,
    );
}

/** The dump parser's words for a network answer: no "file", and an HTML page named as such (a proxy's?). */
function answerWords(message: string): string {
  const words = message.replace("(is the file truncated?)", "(the answer was cut short)");
  return /^unexpected '<' outside any JSON object \(at byte 0\)$/.test(words)
    ? "it is an HTML page, not JSON (a proxy's or a sign-in page answered instead of the API server?)"
    : words;
}

function asAnswerError(e: unknown, target: ListCall): Error {
  if (e instanceof ListAnswerError) return e;
  if (e instanceof Error && e.name === "DumpSyntaxError")
    return new ListAnswerError(
      "malformed",
      `the answer to list ${target.listKind} is not valid list JSON: ${answerWords(e.message)}`,
    );
  return e as Error;
}

/** Reads an error answer (its first `max` bytes) and hands it to the client, which raises its `ApiException`. */
function collectBody(
  k8s: Client,
  req: http.ClientRequest,
  res: http.IncomingMessage,
  max: number,
  resolve: (r: ResponseContext) => void,
  reject: (e: unknown) => void,
): void {
  const parts: Buffer[] = [];
  let n = 0;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    req.destroy();
    resolve(new k8s.ResponseContext(res.statusCode ?? 0, headersOf(res), textBody(Buffer.concat(parts).toString())));
  };
  res.on("data", (chunk: Buffer) => {
    if (n < max) parts.push(chunk.subarray(0, max - n));
    n += chunk.length;
    if (n >= max) finish();
  });
  res.on("end", finish);
  res.on("error", (e) => (done ? undefined : reject(e)));
}

/** Reads one object whole (at most `max` bytes), checks its kind and hands it to the client. */
function readObject(
  k8s: Client,
  req: http.ClientRequest,
  res: http.IncomingMessage,
  kind: string,
  max: number,
  resolve: (r: ResponseContext) => void,
  reject: (e: unknown) => void,
): void {
  const parts: Buffer[] = [];
  let n = 0;
  let failed = false;
  res.on("data", (chunk: Buffer) => {
    n += chunk.length;
    if (n <= max) return void parts.push(chunk);
    if (failed) return;
    failed = true;
    res.destroy();
    req.destroy();
    reject(
      new ListAnswerError(
        "too-large",
        `the answer to get ${kind} passed ${formatBytes(max)}; aksnet stops reading there`,
      ),
    );
  });
  res.on("error", (e) => (failed ? undefined : reject(e)));
  res.on("end", () => {
    if (failed) return;
    const text = Buffer.concat(parts).toString();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      reject(new ListAnswerError("malformed", `the answer to get ${kind} is not valid JSON: ${(e as Error).message}`));
      return;
    }
    const got = (value as { kind?: unknown } | null)?.kind;
    if (got !== kind) {
      reject(
        new ListAnswerError(
          "wrong-kind",
          `the API server answered ${typeof got === "string" ? `a ${got}` : "an object without a kind"} where a ` +
            `${kind} was asked for, so it was not used`,
        ),
      );
      return;
    }
    resolve(new k8s.ResponseContext(200, headersOf(res), textBody(text)));
  });
}

function textBody(text: string): { text(): Promise<string>; binary(): Promise<Buffer> } {
  return { text: () => Promise.resolve(text), binary: () => Promise.resolve(Buffer.from(text)) };
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toLocaleString("en-US")} MiB` : `${n.toLocaleString("en-US")} bytes`;
}
