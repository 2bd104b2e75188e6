/**
 * `aksnet layout PLAN`: places every subnet the plan needs (node, pod, API server,
 * AGC, gateways, endpoints …) in its VNet's address space and prints the layout;
 * `--write FILE` writes the laid-out plan (comments kept; `-` prints it).
 * Exit 0 when everything was placed, 1 when something could not be, 2 for bad input.
 */
import { resolve } from "node:path";
import { defineCommand } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { writeTextFile } from "../files.js";
import { chooseFormat, defineOutput, outputOption } from "../output/formats.js";
import { writeOutput } from "../output/write.js";
import { readPlanFile } from "../plan-input.js";
import { layoutJson, type LayoutCliView } from "./view.js";
import { readInputFile } from "../read-input.js";

const OUTPUT = defineOutput<LayoutCliView>({
  formatters: { table: () => import("./table.js"), markdown: () => import("./markdown.js") },
  kind: "LayoutReport",
  data: layoutJson,
});

const EXAMPLES = `
Examples:
  aksnet layout examples/layout/overlay-cilium-20.yaml
  aksnet layout aksnet.yaml --growth 4 --write aksnet.yaml     # lay out in place, room to quadruple
  aksnet layout aksnet.yaml --address-space 10.50.0.0/20 --write - > laid-out.yaml
  aksnet layout aksnet.yaml -o json | jq '.subnets[] | select(.status == "placed")'
`;

function parseGrowth(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  const n = /^\d{1,3}$/.test(s) ? Number(s) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError(
      `--growth ${JSON.stringify(s)} is not a whole number from 1 to 256: 1 keeps no room, 2 room to double, 4 to ` +
        `quadruple`,
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

export default defineCommand({
  configure(cmd) {
    cmd
      .argument("<plan>", "the plan file (YAML or JSON; - for standard input)")
      .option("--growth <factor>", "room to grow each new subnet in place: 1 none, 2 double (default), 4 …")
      .option(
        "--address-space <cidrs...>",
        "place new subnets here (default: layout.addressSpace, else vnet.addressSpace)",
      )
      .option("--write <file>", "write the laid-out plan to this file (it may be the plan itself; - prints it)")
      .addOption(outputOption(OUTPUT))
      .addHelpText("after", EXAMPLES);
  },
  async run({ args, opts, io }) {
    const file = String(args[0] ?? "");
    const growth = parseGrowth(opts["growth"]);
    const addressSpaces = await parseSpaces(opts["addressSpace"]);
    const format = chooseFormat(OUTPUT, opts["output"]);
    const { plan, loaded } = await readPlanFile([file], io);
    const [{ layoutPlan }, { editPlanText, planYaml }] = await Promise.all([
      import("../../../engines/layout/index.js"),
      import("./yaml-edit.js"),
    ]);
    const result = layoutPlan(plan, { growth, addressSpaces });
    const write = opts["write"] === undefined ? undefined : String(opts["write"]);
    if (write !== undefined) {
      const own = file !== "-" && loaded.formats[0] === "aksnet";
      const text = own
        ? editPlanText(await readInputFile(resolve(io.cwd, file)), result.edits)
        : planYaml(result.plan, `# Laid out by aksnet layout from ${file === "-" ? "standard input" : file}.\n`);
      if (write === "-") {
        await io.out(text);
        return result.ok ? EXIT.ok : EXIT.findings;
      }
      await writeTextFile(io.cwd, write, text, "give a writable path for --write");
    }
    await writeOutput(io, OUTPUT, format, { result, planFile: file, ...(write ? { wrote: write } : {}) });
    return result.ok ? EXIT.ok : EXIT.findings;
  },
});
