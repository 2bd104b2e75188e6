/**
 * Which `Host` headers the planner's server answers. A page on another site can
 * make a browser send requests to 127.0.0.1 under a name of its own (DNS
 * rebinding: evil.example first resolves to the attacker, then to 127.0.0.1), and
 * then read the answers as same-origin. Answering only to loopback names and the
 * address the server was started on closes that door: an IP literal or
 * `localhost` cannot be rebound.
 */
import { isIP } from "node:net";

/** The host part and port of a Host header value, or undefined when it is not one. */
export function splitHostHeader(value: string): { readonly host: string; readonly port?: number } | undefined {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]\s]+))(?::(\d{1,5}))?$/.exec(value);
  if (!m) return undefined;
  const host = (m[1] ?? m[2] ?? "").toLowerCase();
  if (m[1] !== undefined && isIP(host) !== 6) return undefined;
  return m[3] === undefined ? { host } : { host, port: Number(m[3]) };
}

const WILDCARDS = new Set(["0.0.0.0", "::"]);

function isLoopbackName(host: string): boolean {
  if (host === "localhost" || host === "::1") return true;
  return isIP(host) === 4 && host.startsWith("127.");
}

/**
 * Whether a request with this Host header is one the server answers: the name must be
 * `localhost`, a loopback address, or the address the server is bound to (any IP
 * literal when it is bound to a wildcard with --allow-remote), and the port must be
 * the server's (an absent port means 80).
 */
export function hostAllowed(header: string | undefined, bound: string, port: number): boolean {
  if (header === undefined) return false;
  const parsed = splitHostHeader(header.trim());
  if (!parsed) return false;
  if ((parsed.port ?? 80) !== port) return false;
  const boundHost = bound.replace(/^\[|\]$/g, "").toLowerCase();
  if (isLoopbackName(parsed.host) || parsed.host === boundHost) return true;
  return WILDCARDS.has(boundHost) && isIP(parsed.host) !== 0;
}
