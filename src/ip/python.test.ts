/**
 * Differential tests against Python's `ipaddress` (test/oracle/ipaddress_oracle.py):
 * 10,000 seeded random inputs per operation, one Python process per batch.
 * Every disagreement must fall into a documented class (docs/ip-core.md,
 * "Differences from Python's ipaddress"); anything else fails the test.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tryParseAddr, type Addr } from "./addr.js";
import { excludePrefixes, mergePrefixes } from "./merge.js";
import { parsePrefix, parsePrefixOrAddr, type Prefix } from "./prefix.js";
import { addressCases, listCases, prefixCases, prng } from "./testing/random-text.js";

const ORACLE = resolve(import.meta.dirname, "../../test/oracle/ipaddress_oracle.py");
const N = 10_000;

/** Sends one batch to one Python process. Never rejects: a failure is returned and thrown by the test that reads it. */
function python<T>(op: string, cases: unknown[]): Promise<{ answers: T[] } | { failure: Error }> {
  return new Promise((done) => {
    const child = spawn("python3", [ORACLE], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => done({ failure: new Error(`cannot run python3 ${ORACLE}: ${e.message}`) }));
    child.on("close", (code) => {
      if (code !== 0)
        done({ failure: new Error(`python3 ${ORACLE} exited ${code}: ${Buffer.concat(err).toString()}`) });
      else done({ answers: JSON.parse(Buffer.concat(out).toString()) as T[] });
    });
    child.stdin.on("error", () => {});
    child.stdin.end(JSON.stringify({ op, cases }));
  });
}

async function answers<T>(batch: Promise<{ answers: T[] } | { failure: Error }>): Promise<T[]> {
  const r = await batch;
  if ("failure" in r) throw r.failure;
  return r.answers;
}

// Every batch is generated and sent at once, so the Python processes run side by side.
const CASES = {
  v4: addressCases(prng(4), 4, N),
  v6: addressCases(prng(6), 6, N),
  prefixes: prefixCases(prng(46), N),
  collapse: listCases(prng(47), N),
  exclude: (() => {
    const lists = listCases(prng(48), 2 * N, 6);
    return Array.from({ length: N }, (_, i) => [lists[2 * i] as string[], lists[2 * i + 1] as string[]] as const);
  })(),
};
const BATCHES = {
  v4: python<Answer>("address", CASES.v4),
  v6: python<Answer>("address", CASES.v6),
  prefixes: python<Answer>("interface", CASES.prefixes),
  collapse: python<string[]>("collapse", CASES.collapse),
  exclude: python<string[]>("exclude", CASES.exclude as unknown as unknown[]),
};

/** The documented classes of difference; each test names the ones it may meet. */
const CLASSES = {
  /** RFC 5952 §5: we print IPv4-mapped addresses as ::ffff:1.2.3.4; Python 3.11 prints ::ffff:102:304. */
  "mapped-notation": "IPv4-mapped IPv6 printed in mixed notation",
  /** We refuse zone indexes (fe80::1%eth0): Azure never takes them; Python 3.9+ accepts them. */
  zone: "zone index refused",
  /** We refuse a prefix length with a leading zero (/08); Python accepts it. */
  "length-leading-zero": "leading zero in prefix length refused",
  /** We refuse a netmask or hostmask after the slash (10.0.0.0/255.0.0.0); Python's ip_interface accepts it. */
  "netmask-notation": "netmask after / refused",
} as const;
type DiffClass = keyof typeof CLASSES;

/** Python 3.11's text for an address: hex groups even for IPv4-mapped addresses. */
function pythonText(a: Addr): string {
  if (!a.is4In6()) return a.toString();
  const lo = Number(a.v6 & 0xffffffffn);
  return `::ffff:${(lo >>> 16).toString(16)}:${(lo & 0xffff).toString(16)}`;
}
const pythonPrefix = (p: Prefix) => `${pythonText(p.addr)}/${p.bits}`;

type Answer = { ok: string; net?: string } | { err: string };

/** Tallies agreements, documented differences and unexplained ones. */
class Tally {
  agree = 0;
  readonly classes = new Map<DiffClass, number>();
  readonly unexplained: string[] = [];
  note(c: DiffClass | undefined, what: string): void {
    if (c) this.classes.set(c, (this.classes.get(c) ?? 0) + 1);
    else this.unexplained.push(what);
  }
  check(allowed: DiffClass[]): void {
    expect(this.unexplained.slice(0, 10)).toEqual([]);
    for (const c of this.classes.keys()) expect(allowed, `unexpected difference class: ${CLASSES[c]}`).toContain(c);
  }
}

/** Why Python accepts what we refuse, if the reason is documented. */
function acceptedByPythonOnly(input: string): DiffClass | undefined {
  if (input.includes("%")) return "zone";
  const slash = input.indexOf("/");
  if (slash >= 0) {
    const len = input.slice(slash + 1);
    if (/^0\d+$/.test(len)) return "length-leading-zero";
    if (/^[\d.]+$/.test(len) && len.includes(".")) return "netmask-notation";
  }
  return undefined;
}

describe("differential tests against Python's ipaddress", () => {
  it.each([
    { name: "IPv4 addresses", family: 4 as const, key: "v4" as const },
    { name: "IPv6 addresses", family: 6 as const, key: "v6" as const },
  ])("parse and format $name: 10,000 inputs", async ({ family, key }) => {
    const cases = CASES[key];
    const theirs = await answers(BATCHES[key]);
    const t = new Tally();
    let valid = 0;
    cases.forEach((input, i) => {
      const ours = tryParseAddr(input);
      const py = theirs[i] as Answer;
      if (ours.ok) valid++;
      if (ours.ok && "ok" in py) {
        if (ours.value.toString() === py.ok) t.agree++;
        else
          t.note(
            pythonText(ours.value) === py.ok ? "mapped-notation" : undefined,
            `${input}: ours ${ours.value}, Python ${py.ok}`,
          );
      } else if (!ours.ok && "err" in py) t.agree++;
      else if (!ours.ok && "ok" in py)
        t.note(acceptedByPythonOnly(input), `${input}: we refuse (${ours.error.reason}), Python reads ${py.ok}`);
      else t.note(undefined, `${input}: we read ${ours.ok ? ours.value : ""}, Python refuses`);
    });
    // The generator must exercise both sides.
    expect(valid).toBeGreaterThan(N * 0.5);
    expect(N - valid).toBeGreaterThan(N * 0.2);
    t.check(family === 4 ? [] : ["mapped-notation", "zone"]);
  });

  it("parse and format CIDRs of both families (host bits kept, then masked): 10,000 inputs", async () => {
    const cases = CASES.prefixes;
    const theirs = await answers(BATCHES.prefixes);
    const t = new Tally();
    cases.forEach((input, i) => {
      const py = theirs[i] as Answer;
      let ours: Prefix | undefined;
      try {
        ours = parsePrefixOrAddr(input);
      } catch {
        ours = undefined;
      }
      if (ours && "ok" in py) {
        const same = ours.toString() === py.ok && ours.masked().toString() === py.net;
        const samePy = pythonPrefix(ours) === py.ok && pythonPrefix(ours.masked()) === py.net;
        if (same) t.agree++;
        else
          t.note(
            samePy ? "mapped-notation" : undefined,
            `${input}: ours ${ours} (${ours.masked()}), Python ${py.ok} (${py.net})`,
          );
      } else if (!ours && "err" in py) t.agree++;
      else if (!ours && "ok" in py) t.note(acceptedByPythonOnly(input), `${input}: we refuse, Python reads ${py.ok}`);
      else t.note(undefined, `${input}: we read ${ours}, Python refuses`);
    });
    expect(t.agree).toBeGreaterThan(N * 0.8);
    t.check(["mapped-notation", "zone", "length-leading-zero", "netmask-notation"]);
  });

  it("collapse (merge) 10,000 lists", async () => {
    const cases = CASES.collapse;
    const theirs = await answers(BATCHES.collapse);
    const t = new Tally();
    cases.forEach((list, i) => {
      const merged = mergePrefixes(list.map(parsePrefix));
      const py = theirs[i] as string[];
      if (merged.map(String).join(" ") === py.join(" ")) t.agree++;
      else
        t.note(
          merged.map(pythonPrefix).join(" ") === py.join(" ") ? "mapped-notation" : undefined,
          `${list.join(" ")}: ours ${merged.join(" ")}, Python ${py.join(" ")}`,
        );
    });
    expect(t.agree).toBeGreaterThan(N * 0.5);
    t.check(["mapped-notation"]);
  });

  it("exclude 10,000 pairs of lists", async () => {
    const cases = CASES.exclude;
    const theirs = await answers(BATCHES.exclude);
    const t = new Tally();
    let nonTrivial = 0;
    cases.forEach(([from, remove], i) => {
      const ours = excludePrefixes(from.map(parsePrefix), remove.map(parsePrefix));
      const py = theirs[i] as string[];
      if (ours.join(" ") !== mergePrefixes(from.map(parsePrefix)).join(" ")) nonTrivial++;
      if (ours.map(String).join(" ") === py.join(" ")) t.agree++;
      else
        t.note(
          ours.map(pythonPrefix).join(" ") === py.join(" ") ? "mapped-notation" : undefined,
          `${from.join(" ")} minus ${remove.join(" ")}: ours ${ours.join(" ")}, Python ${py.join(" ")}`,
        );
    });
    expect(nonTrivial).toBeGreaterThan(N * 0.3);
    t.check(["mapped-notation"]);
  });
});
