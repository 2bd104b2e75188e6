/**
 * `aksnet cidr` run in-process on bad and unusual input: every error path (exit 2, one sentence, nothing on standard
 * output), nothing given on a terminal, a large streamed input, and a fuzzed list parser. The results of each
 * subcommand are in cidr.test.ts.
 */
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

async function cidr(args: readonly string[], stdin?: string) {
  const io = memoryIo({ stdin, env: { NO_COLOR: "1" } });
  const code = await run(["cidr", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("aksnet cidr: errors (exit 2, one sentence, nothing on standard output)", () => {
  it.each([
    {
      name: "bad argument",
      args: ["info", "10.0.0.256/24"],
      err: 'argument 1: "10.0.0.256/24" is not a valid CIDR prefix: octet 256 is greater than 255; fix or remove it.',
    },
    {
      name: "bad line in a file",
      args: ["merge", "-f", "examples/cidr/bad.txt"],
      err:
        'examples/cidr/bad.txt line 3: "10.224.300.0/24" is not a valid CIDR prefix: octet 300 is greater than ' +
        "255; fix or remove it.",
    },
    {
      name: "bad line on standard input",
      args: ["merge"],
      stdin: "10.0.0.0/8\n\n010.0.0.0/8\n",
      err:
        'standard input line 3: "010.0.0.0/8" is not a valid CIDR prefix: octet "010" has a leading zero; fix or ' +
        "remove it.",
    },
    { name: "whitespace inside a CIDR", args: ["merge"], stdin: "10.0.0.0 /8\n", err: "standard input line 1: " },
    {
      name: "prefix length out of range",
      args: ["info", "10.0.0.0/33"],
      err: "prefix length 33 is out of range for IPv4",
    },
    { name: "zone", args: ["info", "fe80::1%eth0/64"], err: "zones (%) are not allowed" },
    {
      name: "missing file",
      args: ["merge", "-f", "no/such.txt"],
      err: "cannot read no/such.txt: no such file; check the path.",
    },
    { name: "directory as file", args: ["merge", "-f", "examples"], err: "examples is a directory" },
    {
      name: "unknown format",
      args: ["merge", "10.0.0.0/8", "-o", "yaml"],
      err: '--output "yaml" is not a format this command writes; use table, text, json or markdown',
    },
    { name: "split without a length", args: ["split", "10.0.0.0/8"], err: "give either --into /N" },
    {
      name: "split with both",
      args: ["split", "10.0.0.0/8", "--into", "/9", "--count", "2"],
      err: "give either --into /N",
    },
    {
      name: "split longer than the family",
      args: ["split", "10.0.0.0/8", "--into", "/33"],
      err: "--into /33 cannot split 10.0.0.0/8: the length must be between /8 and /32.",
    },
    {
      name: "split shorter than the parent",
      args: ["split", "10.0.0.0/8", "--into", "/7"],
      err: "the length must be between /8 and /32",
    },
    {
      name: "split --into 4 (a count written as a length): names --count",
      args: ["split", "10.0.0.0/24", "--into", "4"],
      err:
        "--into /4 cannot split 10.0.0.0/24: the length must be between /24 and /32; for 4 equal subnets use " +
        "--count 4.",
    },
    {
      name: "split --into /4 (written as a length): no --count advice",
      args: ["split", "10.0.0.0/24", "--into", "/4"],
      err: "--into /4 cannot split 10.0.0.0/24: the length must be between /24 and /32.",
    },
    {
      name: "split --into garbage",
      args: ["split", "10.0.0.0/8", "--into", "big"],
      err: '--into "big" is not a prefix length',
    },
    {
      name: "split --count not a power of two",
      args: ["split", "10.0.0.0/24", "--count", "6"],
      err: "--count 6 is not a power of two; equal subnets come in powers of two, so use --count 4 or 8.",
    },
    {
      name: "split --count zero",
      args: ["split", "10.0.0.0/24", "--count", "0"],
      err: '--count "0" is not a positive whole number',
    },
    {
      name: "split --count too many",
      args: ["split", "10.0.0.0/24", "--count", "512"],
      err: "cannot be split into 512 subnets: it holds at most 256 /32s.",
    },
    { name: "split too many rows", args: ["split", "::/0", "--into", "/64"], err: "aksnet prints at most 16,777,216" },
    {
      name: "split bad parent",
      args: ["split", "10.0.0/8", "--into", "/9"],
      err: '"10.0.0/8" is not a valid CIDR prefix',
    },
    {
      name: "free --count without --bits",
      args: ["free", "10.0.0.0/8", "--count", "2", "--used", "10.0.0.0/24"],
      err: "--count needs --bits",
    },
    {
      name: "free --bits outside the parent",
      args: ["free", "10.0.0.0/16", "--bits", "/8", "--used", "10.0.0.0/24"],
      err: "--bits /8 cannot fit in 10.0.0.0/16",
    },
    {
      name: "free --count garbage",
      args: ["free", "10.0.0.0/16", "--bits", "24", "--count", "-1", "--used", "10.0.0.0/24"],
      err: "",
    },
    { name: "free bad parent", args: ["free", "10.0.0.0/99"], err: "prefix length 99 is out of range" },
    {
      name: "exclude bad --remove",
      args: ["exclude", "10.0.0.0/8", "--remove", "10.0.0.0/8", "10.0.0.0/8x"],
      err: '--remove value 2: "10.0.0.0/8x" is not a valid CIDR prefix',
    },
    {
      name: "a file name given as --used",
      args: ["free", "10.224.0.0/16", "--used", "examples/cidr/used.txt"],
      err:
        '--used value 1: "examples/cidr/used.txt" is not a valid CIDR prefix: unexpected character "e" at ' +
        "position 1; to read CIDRs from the file examples/cidr/used.txt, use -f examples/cidr/used.txt.",
    },
    {
      name: "overlaps --against - with queries on stdin",
      args: ["overlaps", "--against", "-"],
      err: "standard input can hold only one list",
    },
    {
      name: "overlaps --against missing file",
      args: ["overlaps", "10.0.0.0/8", "--against", "nope.txt"],
      err: "cannot read nope.txt",
    },
    {
      name: "a line too long to be a CIDR list",
      args: ["merge"],
      stdin: "10.0.0.0/8\n" + "x".repeat(5000),
      err: "standard input line 2 is longer than 4,096 characters; give a text file with one CIDR per line.",
    },
    { name: "unknown subcommand", args: ["frobnicate"], err: "unknown command 'frobnicate'" },
    { name: "unknown option", args: ["merge", "--bogus"], err: "unknown option '--bogus'" },
  ])("$name", async ({ args, stdin, err }) => {
    const r = await cidr(args, stdin ?? "");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(err);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^aksnet cidr: /);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe("aksnet cidr: nothing given and a terminal on standard input", () => {
  async function fromTerminal(args: readonly string[]) {
    const io = memoryIo({ env: { NO_COLOR: "1" } });
    const terminal = Object.assign(Readable.from([]), { isTTY: true });
    const code = await run(["cidr", ...args], {
      ...io,
      stdin: () => terminal,
      out: (t) => io.out(t),
      err: (t) => io.err(t),
    });
    return { code, stdout: io.stdout, stderr: io.stderr };
  }

  it.each([
    {
      name: "merge",
      args: ["merge"],
      err: "aksnet cidr: no CIDRs given: pass them as arguments, with -f FILE, or pipe them on standard input.\n",
    },
    {
      name: "exclude",
      args: ["exclude", "10.0.0.0/8"],
      err:
        "aksnet cidr: no CIDRs to remove given: pass them with --remove, with -f FILE, or pipe them on standard " +
        "input.\n",
    },
  ])("$name stops with a hint instead of waiting", async ({ args, err }) => {
    const r = await fromTerminal(args);
    expect(r).toEqual({ code: 2, stdout: "", stderr: err });
  });

  it("free takes an empty used list", async () => {
    const r = await fromTerminal(["free", "10.0.0.0/24", "--bits", "/26", "-o", "text"]);
    expect(r).toEqual({ code: 0, stdout: "10.0.0.0/26\n", stderr: "" });
  });
});

describe("aksnet cidr: large inputs", () => {
  it("streams 200,000 lines in and out in bounded chunks", async () => {
    const n = 200_000;
    // Every other /32 of 10.0.0.0/13: nothing merges, so the output is as long as the input.
    const input: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = 0x0a000000 + 2 * i;
      input.push(`${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}/32`);
    }
    const io = memoryIo({ stdin: input.reverse().join("\n") + "\n" });
    const chunks: number[] = [];
    const out = io.out.bind(io);
    io.out = (t: string) => {
      chunks.push(t.length);
      return out(t);
    };
    expect(await run(["cidr", "merge", "-o", "text"], io)).toBe(0);
    const got = io.stdout.split("\n");
    expect(got).toHaveLength(n + 1);
    expect(got[0]).toBe("10.0.0.0/32");
    expect(got[n - 1]).toBe(input[0]);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks)).toBeLessThan(2 ** 16 + 100);
  });

  it("reports a bad line near the end of a large input by number, with nothing written", async () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    body.push("10.0.0.0/8/8");
    const r = await cidr(["merge", "-o", "text"], body.join("\n"));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("standard input line 100001:");
  });
});

describe("aksnet cidr: fuzzed list input", () => {
  const piece = fc.constantFrom(
    "10",
    "0",
    "255",
    "256",
    "010",
    ".",
    "/",
    "24",
    "33",
    ":",
    "::",
    "ffff",
    "G",
    " ",
    "\t",
    "#",
    "\n",
    "\r\n",
    "%",
    "-",
    "1.2.3.4",
    "fd00::/64",
    "",
  );
  it("exits 0, or 2 with one clean sentence, never anything else", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }),
        fc.constantFrom("merge", "info", "overlaps"),
        async (parts, sub) => {
          const r = await cidr([sub, "-o", "json"], parts.join(""));
          if (r.code === 0 || (r.code === 1 && sub === "overlaps")) {
            expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
            return;
          }
          expect(r.code).toBe(2);
          expect(r.stdout).toBe("");
          expect(r.stderr).toMatch(
            /^aksnet cidr: standard input line \d+: ".*" is not a valid CIDR prefix: .+; fix or remove it\.\n$/s,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survives any Unicode text, including control characters and lone surrogates", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 60 }), async (text) => {
        const r = await cidr(["merge", "-o", "text"], text);
        expect([0, 2]).toContain(r.code);
        if (r.code === 2) {
          expect(r.stdout).toBe("");
          expect(r.stderr).toMatch(/^aksnet cidr: standard input line \d+: .+; fix or remove it\.\n$/s);
        }
      }),
      { numRuns: 300 },
    );
  });
});
