import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { missingOptionalPackage, OPTIONAL_PACKAGES } from "./optional-packages.js";

function notFound(message: string, code = "ERR_MODULE_NOT_FOUND"): Error {
  return Object.assign(new Error(message), { code });
}

describe("missingOptionalPackage", () => {
  const cases: [string, unknown, RegExp | undefined][] = [
    [
      "the Kubernetes client",
      notFound("Cannot find package '@kubernetes/client-node' imported from /x/dist/cli/chunks/live.js"),
      /^reading a live cluster .* needs the optional package @kubernetes\/client-node, .*npm install -g @kubernetes\/client-node/,
    ],
    [
      "one Azure package names all three",
      notFound("Cannot find package '@azure/identity' imported from /x.js"),
      /optional packages @azure\/identity, @azure\/arm-resourcegraph, @azure\/arm-network/,
    ],
    [
      "a deep import of the MCP SDK",
      notFound("Cannot find module '@modelcontextprotocol/sdk/server/mcp.js'", "MODULE_NOT_FOUND"),
      /the MCP server \(aksnet mcp\) needs the optional package @modelcontextprotocol\/sdk/,
    ],
    ["another missing package is a bug", notFound("Cannot find package 'left-pad' imported from /x.js"), undefined],
    ["another error", new Error("Cannot find package '@kubernetes/client-node'"), undefined],
    ["not an error", "ERR_MODULE_NOT_FOUND", undefined],
    ["null", null, undefined],
  ];
  it.each(cases)("%s", (_name, error, expected) => {
    const sentence = missingOptionalPackage(error);
    if (expected === undefined) expect(sentence).toBeUndefined();
    else expect(sentence).toMatch(expected);
  });

  it("lists exactly the optional peer dependencies of package.json", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional: boolean }>;
    };
    expect(OPTIONAL_PACKAGES.map((p) => p.name).sort()).toEqual(Object.keys(pkg.peerDependencies).sort());
    for (const name of Object.keys(pkg.peerDependencies)) expect(pkg.peerDependenciesMeta[name]?.optional).toBe(true);
  });
});
