/**
 * `aksnet cidr` run in-process: a case table per subcommand (output and exit code),
 * every error path (exit 2, one sentence, nothing on standard output), a large
 * streamed input, and a fuzzed list parser.
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

const lines = (s: string) => s.trimEnd().split("\n");

describe("aksnet cidr: results", () => {
  it.each([
    {
      name: "info: usable addresses of a /24",
      args: ["info", "10.224.0.0/24", "-o", "text"],
      want: ["10.224.0.0/24\t10.224.0.0\t10.224.0.255\t256\t251"],
    },
    {
      name: "info: a /30 is no Azure subnet",
      args: ["info", "10.0.0.0/30", "-o", "text"],
      want: ["10.0.0.0/30\t10.0.0.0\t10.0.0.3\t4\t-"],
    },
    {
      name: "info: host bits read as the network",
      args: ["info", "10.0.0.5/24", "-o", "text"],
      want: ["10.0.0.0/24\t10.0.0.0\t10.0.0.255\t256\t251"],
    },
    {
      name: "info: a bare address is a /32",
      args: ["info", "10.1.2.3", "-o", "text"],
      want: ["10.1.2.3/32\t10.1.2.3\t10.1.2.3\t1\t-"],
    },
    {
      name: "info: IPv6 /64 is an Azure subnet",
      args: ["info", "FD00:0::/64", "-o", "text"],
      want: ["fd00::/64\tfd00::\tfd00::ffff:ffff:ffff:ffff\t18446744073709551616\t18446744073709551611"],
    },
    {
      name: "split --into",
      args: ["split", "10.0.0.0/24", "--into", "/26", "-o", "text"],
      want: ["10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/26", "10.0.0.192/26"],
    },
    {
      name: "split --into without slash",
      args: ["split", "10.0.0.0/24", "--into", "25", "-o", "text"],
      want: ["10.0.0.0/25", "10.0.0.128/25"],
    },
    {
      name: "split --count",
      args: ["split", "10.0.0.0/23", "--count", "2", "-o", "text"],
      want: ["10.0.0.0/24", "10.0.1.0/24"],
    },
    { name: "split into itself", args: ["split", "10.0.0.0/24", "--count", "1", "-o", "text"], want: ["10.0.0.0/24"] },
    {
      name: "split IPv6",
      args: ["split", "fd00::/63", "--into", "/64", "-o", "text"],
      want: ["fd00::/64", "fd00:0:0:1::/64"],
    },
    {
      name: "merge adjacent halves",
      args: ["merge", "10.0.0.128/25", "10.0.0.0/25", "-o", "text"],
      want: ["10.0.0.0/24"],
    },
    {
      name: "merge drops contained",
      args: ["merge", "10.0.0.0/16", "10.0.5.0/24", "-o", "text"],
      want: ["10.0.0.0/16"],
    },
    {
      name: "merge both families, IPv4 first",
      args: ["merge", "fd00::/64", "10.0.0.0/8", "-o", "text"],
      want: ["10.0.0.0/8", "fd00::/64"],
    },
    {
      name: "exclude a /24 from a /22",
      args: ["exclude", "10.0.0.0/22", "--remove", "10.0.1.0/24", "-o", "text"],
      want: ["10.0.0.0/24", "10.0.2.0/23"],
    },
    {
      name: "exclude everything",
      args: ["exclude", "10.0.0.0/24", "--remove", "10.0.0.0/16", "-o", "text"],
      want: [""],
    },
    {
      name: "overlaps: pairs (exit 1: found)",
      args: ["overlaps", "10.0.0.0/16", "10.1.0.0/16", "10.0.3.0/24", "-o", "text"],
      want: ["10.0.0.0/16\t10.0.3.0/24"],
      code: 1,
    },
    { name: "overlaps: none", args: ["overlaps", "10.0.0.0/16", "10.1.0.0/16", "-o", "text"], want: [""] },
    {
      name: "overlaps --against (exit 1: found)",
      args: ["overlaps", "10.0.0.0/8", "172.31.0.0/16", "--against", "examples/cidr/onprem.txt", "-o", "text"],
      want: ["10.0.0.0/8"],
      code: 1,
    },
    {
      name: "overlaps --against, no hit",
      args: ["overlaps", "172.31.0.0/16", "--against", "examples/cidr/onprem.txt", "-o", "text"],
      want: [""],
    },
    {
      name: "free: whole free space",
      args: ["free", "10.0.0.0/22", "--used", "10.0.1.0/24", "-o", "text"],
      want: ["10.0.0.0/24", "10.0.2.0/23"],
    },
    {
      name: "free --bits --count",
      args: ["free", "10.224.0.0/16", "-f", "examples/cidr/used.txt", "--bits", "/24", "--count", "3", "-o", "text"],
      want: ["10.224.5.0/24", "10.224.8.0/24", "10.224.10.0/24"],
    },
    {
      name: "free --bits keeps alignment",
      args: ["free", "10.0.0.0/24", "--used", "10.0.0.0/27", "--bits", "25", "-o", "text"],
      want: ["10.0.0.128/25"],
    },
    {
      name: "free: no room is a result (exit 1)",
      args: ["free", "10.0.0.0/24", "--used", "10.0.0.0/24", "--bits", "26", "-o", "text"],
      want: [""],
      code: 1,
    },
    {
      name: "free: a full parent has no free space (exit 0)",
      args: ["free", "10.0.0.0/24", "--used", "10.0.0.0/24", "-o", "text"],
      want: [""],
    },
  ])("$name", async ({ args, want, code }) => {
    const r = await cidr(args, "");
    expect(r.code).toBe(code ?? 0);
    expect(r.stdout === "" ? [""] : lines(r.stdout)).toEqual(want);
  });

  it.each([
    {
      name: "comments, blanks, CRLF and surrounding spaces",
      stdin: "# header\r\n\r\n  10.0.0.0/25  # a\r\n\t10.0.0.128/25\r\n",
      want: ["10.0.0.0/24"],
    },
    { name: "no final newline", stdin: "10.0.0.0/24", want: ["10.0.0.0/24"] },
    { name: "empty input", stdin: "", want: [""] },
  ])("reads standard input: $name", async ({ stdin, want }) => {
    const r = await cidr(["merge", "-o", "text"], stdin);
    expect(r.code).toBe(0);
    expect(r.stdout === "" ? [""] : lines(r.stdout)).toEqual(want);
  });

  it("reads -f - as standard input", async () => {
    const r = await cidr(["merge", "-f", "-", "-o", "text"], "10.0.0.0/25\n10.0.0.128/25\n");
    expect(lines(r.stdout)).toEqual(["10.0.0.0/24"]);
  });

  it("names where each overlapping entry came from in JSON", async () => {
    const r = await cidr(["overlaps", "-f", "examples/cidr/subnets.txt", "-o", "json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      apiVersion: "aksnet/v1",
      kind: "CidrOverlapsReport",
      inputs: 6,
      count: 1,
      pairs: [
        {
          a: { cidr: "10.224.0.0/22", source: "examples/cidr/subnets.txt", line: 2 },
          b: { cidr: "10.224.2.0/24", source: "examples/cidr/subnets.txt", line: 6 },
          relation: "contains",
        },
      ],
    });
  });

  it("prints JSON equal to JSON.stringify of the same value", async () => {
    const r = await cidr(["merge", "10.0.0.0/25", "10.0.0.128/25", "10.2.0.0/16", "-o", "json"]);
    const value = JSON.parse(r.stdout) as unknown;
    expect(r.stdout).toBe(JSON.stringify(value, null, 2) + "\n");
    const head = { apiVersion: "aksnet/v1", kind: "CidrMergeReport", inputs: 3, count: 2, addresses: "65792" };
    expect(value).toEqual({ ...head, prefixes: ["10.0.0.0/24", "10.2.0.0/16"] });
  });

  it("notes host bits under the table", async () => {
    const r = await cidr(["merge", "10.0.0.5/24"]);
    expect(r.stdout).toContain(
      "note: 10.0.0.5/24 (argument 1) has host bits set; it was read as its network 10.0.0.0/24.",
    );
  });

  it("counts host bits in one note instead of repeating it", async () => {
    const r = await cidr(["merge", "10.0.0.0/24", "10.0.1.5/24", "10.0.2.7/24"]);
    expect(r.stdout).toContain(
      "note: 2 CIDRs have host bits set and were read as their networks, the first 10.0.1.5/24 (argument 2) as " +
        "10.0.1.0/24.",
    );
  });

  it("notes host bits on standard error with -o text, keeping standard output clean", async () => {
    const r = await cidr(["merge", "10.0.0.5/24", "-o", "text"]);
    expect(r.stdout).toBe("10.0.0.0/24\n");
    expect(r.stderr).toContain("has host bits set");
  });

  it("says when fewer free prefixes exist than asked for", async () => {
    const r = await cidr(["free", "10.0.0.0/24", "--used", "10.0.0.0/25", "--bits", "26", "--count", "5"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("note: only 2 of the 5 /26 prefixes asked for are free in 10.0.0.0/24.");
  });

  it("prints its help with the subcommands", async () => {
    const r = await cidr(["--help"]);
    expect(r.code).toBe(0);
    for (const s of ["info", "split", "merge", "exclude", "overlaps", "free"]) expect(r.stdout).toContain(`  ${s} `);
  });

  it("without a subcommand is a usage error with the usage (issue #11)", async () => {
    const r = await cidr([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^aksnet cidr: give a subcommand: info, split, merge, exclude, overlaps or free\.\n\nUsage:/,
    );
    for (const s of ["info", "split", "merge", "exclude", "overlaps", "free"]) expect(r.stderr).toContain(`  ${s} `);
  });
});

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
