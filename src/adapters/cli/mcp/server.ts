/**
 * `aksnet mcp`: a Model Context Protocol server over stdio (the official
 * @modelcontextprotocol/sdk, an optional package) serving the read-only
 * engines as tools (tools.ts). Nothing but protocol messages goes to
 * standard output.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { VERSION } from "../version.js";
import { callTool, toolSpecs } from "./tools.js";

export async function serveMcp(): Promise<void> {
  const server = new McpServer({ name: "aksnet", version: VERSION });
  for (const spec of await toolSpecs()) {
    server.registerTool(
      spec.name,
      {
        title: `aksnet ${spec.name}`,
        description: spec.description,
        inputSchema: spec.shape,
        annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
      },
      async (input: Record<string, unknown>) => {
        const r = await callTool(spec, input);
        return {
          isError: r.isError,
          content: [{ type: "text" as const, text: r.text }],
          ...(r.json ? { structuredContent: { ...r.json, exitCode: r.exitCode } } : {}),
        };
      },
    );
  }
  const transport = new StdioServerTransport();
  await server.connect(transport);
  await new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.on("end", () => resolve());
  });
}
