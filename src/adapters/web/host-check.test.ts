import { describe, expect, it } from "vitest";
import { hostAllowed } from "./host-check.js";

describe("hostAllowed: loopback names and the bound address only (DNS rebinding)", () => {
  const cases: { name: string; header: string | undefined; bound?: string; port?: number; ok: boolean }[] = [
    { name: "127.0.0.1 with the port", header: "127.0.0.1:8080", ok: true },
    { name: "localhost with the port", header: "localhost:8080", ok: true },
    { name: "LOCALHOST in capitals", header: "LOCALHOST:8080", ok: true },
    { name: "[::1] with the port", header: "[::1]:8080", ok: true },
    { name: "another loopback address", header: "127.1.2.3:8080", ok: true },
    { name: "a rebinding name", header: "evil.example:8080", ok: false },
    { name: "a name ending in localhost", header: "localhost.evil.example:8080", ok: false },
    { name: "a subdomain of localhost", header: "a.localhost:8080", ok: false },
    { name: "another port", header: "127.0.0.1:9090", ok: false },
    { name: "no port means 80", header: "127.0.0.1", ok: false },
    { name: "no port on port 80", header: "localhost", port: 80, ok: true },
    { name: "no Host header", header: undefined, ok: false },
    { name: "empty Host header", header: "", ok: false },
    { name: "user info is not a host", header: "a@127.0.0.1:8080", ok: false },
    { name: "unbracketed IPv6", header: "::1:8080", ok: false },
    { name: "brackets around a name", header: "[localhost]:8080", ok: false },
    { name: "the bound LAN address", header: "192.168.1.5:8080", bound: "192.168.1.5", ok: true },
    { name: "a LAN address the server is not bound to", header: "192.168.1.6:8080", bound: "192.168.1.5", ok: false },
    { name: "any address literal on a wildcard", header: "10.1.2.3:8080", bound: "0.0.0.0", ok: true },
    { name: "an IPv6 literal on the IPv6 wildcard", header: "[fd00::5]:8080", bound: "::", ok: true },
    { name: "still no names on a wildcard", header: "evil.example:8080", bound: "0.0.0.0", ok: false },
    { name: "the bound IPv6 address", header: "[fd00::5]:8080", bound: "fd00::5", ok: true },
  ];
  it.each(cases)("$name", ({ header, bound = "127.0.0.1", port = 8080, ok }) => {
    expect(hostAllowed(header, bound, port)).toBe(ok);
  });
});
