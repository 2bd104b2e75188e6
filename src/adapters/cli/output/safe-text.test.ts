/** The output boundary: control characters from inputs never reach a terminal (issue #11). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
import { safeText } from "./safe-text.js";
import { paint } from "./style.js";

// eslint-disable-next-line no-control-regex -- the characters the boundary must escape
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069\ufdd0\ufdd1]/;

describe("safeText", () => {
  it.each([
    {
      name: "plain text is unchanged",
      text: "aks-prod 10.0.0.0/16\n\tok",
      color: false,
      want: "aks-prod 10.0.0.0/16\n\tok",
    },
    { name: "ESC (clear screen) is escaped", text: "a\u001b[2Jb", color: false, want: "a\\u001b[2Jb" },
    { name: "carriage return is escaped", text: "ok\rfake", color: false, want: "ok\\u000dfake" },
    { name: "C1 CSI is escaped", text: "\u009b31m", color: false, want: "\\u009b31m" },
    { name: "BEL and DEL are escaped", text: "\u0007\u007f", color: false, want: "\\u0007\\u007f" },
    { name: "bidi override is escaped", text: "abc\u202edcb", color: false, want: "abc\\u202edcb" },
    {
      name: "colour marks become ANSI with colour",
      text: paint("red", "E"),
      color: true,
      want: "\u001b[31mE\u001b[0m",
    },
    { name: "colour marks vanish without colour", text: paint("red", "E"), color: false, want: "E" },
    {
      name: "an input's ESC stays escaped inside our colour",
      text: paint("bold", "\u001b[8m"),
      color: true,
      want: "\u001b[1m\\u001b[8m\u001b[0m",
    },
    { name: "a stray mark is dropped", text: "a\ufdd0Zb\ufdd0", color: true, want: "aZb" },
  ])("$name", ({ text, color, want }) => {
    expect(safeText(text, color)).toBe(want);
  });

  it("leaves no unsafe character, and keeps JSON valid with the same value", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const out = safeText(JSON.stringify(s), false);
        expect(out).not.toMatch(RAW_UNSAFE);
        if (!/[\ufdd0\ufdd1]/.test(s)) expect(JSON.parse(out)).toBe(s);
      }),
    );
  });
});

describe("a plan name cannot control the terminal (issue #11)", () => {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-safe-"));
  const plan = join(dir, "hostile.yaml");
  const name = "x\u001b[2Jy\u009b31m\u202eevil";
  writeFileSync(
    plan,
    "apiVersion: aksnet/v1\nkind: ClusterPlan\n" +
      'name: "x\\e[2Jy\\x9b31m\\u202eevil"\n' +
      "nodePools:\n" +
      '  - { name: system, count: 3, subnet: "no\\e]0;title\\x07pe" }\n',
  );

  it.each(["text", "markdown", "json", "yaml", "sarif"])("check -o %s", async (format) => {
    const io = memoryIo({ isTTY: true });
    expect(await run(["check", "-o", format, plan], io)).toBe(1);
    expect(io.stdout).toMatch(format === "yaml" ? /\\e\[2J/ : /\\u001b\[2J/);
    // eslint-disable-next-line no-control-regex -- our own colour codes are allowed
    expect(io.stdout.replace(/\u001b\[[0-9;]*m/g, "")).not.toMatch(RAW_UNSAFE);
    if (format === "json") expect(JSON.stringify(JSON.parse(io.stdout))).toContain(JSON.stringify(name).slice(1, -1));
    if (format === "yaml") expect(JSON.stringify(parseYaml(io.stdout))).toContain(JSON.stringify(name).slice(1, -1));
  });

  it("error messages on standard error are escaped too", async () => {
    const io = memoryIo();
    expect(await run(["compare", "--subnet", "\u001b[2J"], io)).toBe(2);
    expect(io.stderr).toContain("\\u001b[2J");
    expect(io.stderr).not.toMatch(RAW_UNSAFE);
  });
});
