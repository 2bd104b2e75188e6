/**
 * `aksnet layout PLAN`: places every subnet the plan needs (node, pod, API server,
 * AGC, gateways, endpoints …) in its VNet's address space and prints the layout,
 * or writes the laid-out plan (`-o yaml`, `--write FILE`), comments kept.
 * Exit 0 when everything was placed, 1 when something could not be, 2 for bad input.
 */
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Option } from "commander";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { colorEnabled } from "../io.js";
import { renderJson } from "../output/json.js";
import { readPlanFile } from "../plan-input.js";

const EXAMPLES = `
Examples:
  aksnet layout examples/layout/overlay-cilium-20.yaml
  aksnet layout aksnet.yaml --growth 4 --write aksnet.yaml     # lay out in place, room to quadruple
  aksnet layout aksnet.yaml --address-space 10.50.0.0/20 -o yaml > laid-out.yaml
  aksnet layout aksnet.yaml -o json | jq '.subnets[] | select(.status == "placed")'
`;

function parseGrowth(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  const n = /^\d{1,3}$/.test(s) ? Number(s) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError(
      `--growth ${JSON.stringify(s)} is not a whole number from 1 to 256: 1 keeps no room, 2 room to double, 4 to quadruple`,
    );
  return n;
}

async function parseSpaces(v: unknown): Promise<string[] | undefined> {
  if (v === undefined) return undefined;
  const { tryParsePrefix } = await import("../../../ip/index.js");
  const list = (Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x).split(","))
    .map((x) => x.trim())
    .filter(Boolean);
  for (const t of list) {
    const r = tryParsePrefix(t);
    if (!r.ok)
      throw new UsageError(`--address-space "${t}" is not a CIDR (${r.error.reason}); write it like 10.50.0.0/20`);
    if (!r.value.isMasked())
      throw new UsageError(`--address-space ${t} has host bits set; did you mean ${r.value.masked().toString()}?`);
  }
  return list;
}

/** Writes `text` to `file` through a temporary file, so a failed write leaves neither a half file nor the temporary. */
async function writeAtomically(file: string, cwd: string, text: string): Promise<void> {
  const path = resolve(cwd, file);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text, "utf8");
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new UsageError(
      `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? "error"}; give a writable path for --write`,
    );
  }
}

export default defineCommand({
  configure(cmd) {
    cmd
      .argument("<plan>", "the plan file (YAML or JSON; - for standard input)")
      .option("--growth <factor>", "room to grow each new subnet in place: 1 none, 2 double (default), 4 …")
      .option(
        "--address-space <cidrs...>",
        "place new subnets here (default: layout.addressSpace, else vnet.addressSpace)",
      )
      .option("--write <file>", "write the laid-out plan to this file (it may be the plan itself)")
      .addOption(
        new Option("-o, --output <format>", "output format")
          .choices(["table", "json", "yaml", "markdown"])
          .default("table"),
      )
      .addHelpText("after", EXAMPLES);
  },
  async run({ args, opts, io }) {
    const file = String(args[0] ?? "");
    const growth = parseGrowth(opts["growth"]);
    const addressSpaces = await parseSpaces(opts["addressSpace"]);
    const { plan, loaded } = await readPlanFile([file], io);
    const [{ layoutPlan }, render, { editPlanText, planYaml }] = await Promise.all([
      import("../../../engines/layout/index.js"),
      import("./render.js"),
      import("./yaml-edit.js"),
    ]);
    const r = layoutPlan(plan, { growth, addressSpaces });
    const source =
      file !== "-" && loaded.formats[0] === "aksnet" ? await readFile(resolve(io.cwd, file), "utf8") : undefined;
    const planText = () =>
      source !== undefined
        ? editPlanText(source, r.edits)
        : planYaml(r.plan, `# Laid out by aksnet layout from ${file === "-" ? "standard input" : file}.\n`);
    const write = opts["write"] === undefined ? undefined : String(opts["write"]);
    if (write !== undefined) await writeAtomically(write, io.cwd, planText());
    const output = String(opts["output"]);
    if (output === "json") {
      const { plan: laidOut, ...rest } = r;
      await io.out(renderJson({ ...rest, plan: laidOut }));
    } else if (output === "yaml") await io.out(planText());
    else if (output === "markdown") await io.out(render.renderLayoutMarkdown(r));
    else
      await io.out(
        render.renderLayoutText(r, { color: colorEnabled(io), planFile: file, ...(write ? { wrote: write } : {}) }),
      );
    return r.ok ? EXIT.ok : EXIT.findings;
  },
});
