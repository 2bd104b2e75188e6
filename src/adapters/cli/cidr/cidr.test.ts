/**
 * `aksnet cidr` run in-process: a case table per subcommand (output and exit code). The error paths, a large
 * streamed input and a fuzzed list parser are in cidr-input.test.ts.
 */
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
