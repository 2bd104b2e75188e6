/**
 * The packages a plain `npm install aksnet` leaves out (optional peer dependencies,
 * package.json `peerDependenciesMeta`): they are large and only a few commands use
 * them. A command that reaches one that is not installed ends with one sentence
 * naming the package and the install command (exit 2), never an internal error.
 * Sizes: docs/performance.md ("Install footprint").
 */
export const OPTIONAL_PACKAGES: readonly { readonly name: string; readonly usedBy: string }[] = [
  { name: "@kubernetes/client-node", usedBy: "reading a live cluster (inspect without --from)" },
  { name: "@azure/identity", usedBy: "reading Azure (scan without --from, inspect --azure)" },
  { name: "@azure/arm-resourcegraph", usedBy: "reading Azure (scan without --from, inspect --azure)" },
  { name: "@azure/arm-network", usedBy: "reading Azure (scan without --from, inspect --azure)" },
  { name: "@modelcontextprotocol/sdk", usedBy: "the MCP server (aksnet mcp)" },
];

/** The sentence for an error that is a missing optional package, or undefined for any other error. */
export function missingOptionalPackage(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") return undefined;
  const message = e instanceof Error ? e.message : String(e);
  const pkg = OPTIONAL_PACKAGES.find((p) => message.includes(`'${p.name}'`) || message.includes(`'${p.name}/`));
  if (!pkg) return undefined;
  const all = pkg.name.startsWith("@azure/")
    ? OPTIONAL_PACKAGES.filter((p) => p.name.startsWith("@azure/")).map((p) => p.name)
    : [pkg.name];
  return (
    `${pkg.usedBy} needs the optional package${all.length > 1 ? "s" : ""} ${all.join(", ")}, which a plain ` +
    `install of aksnet leaves out; install ${all.length > 1 ? "them" : "it"} beside aksnet (npm install -g ` +
    `${all.join(" ")}, or npm install ${all.join(" ")} in your project) and run the command again`
  );
}
