/**
 * `aksnet mcp`: a Model Context Protocol server over stdio (the official
 * @modelcontextprotocol/sdk, an optional package) serving the read-only
 * engines as tools (tools.ts). Nothing but protocol messages goes to
 * standard output.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { readRegularFilesOnly } from "../read-input.js";
import { FrameLimit, frameError, MAX_FRAME, TOO_LONG } from "./frames.js";
import { VERSION } from "../version.js";
import { callTool, toolSpecs } from "./tools.js";

export async function serveMcp(): Promise<void> {
  // A tool given a FIFO or device as a file (cidr -f, --against) must not block the server: regular files only.
  readRegularFilesOnly();
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
  // Frames read through FrameLimit, under a buffer larger than its bound, so the SDK's overflow never ends the server.
  const transport = new StdioServerTransport(process.stdin.pipe(new FrameLimit(() => answer(TOO_LONG))), undefined, {
    maxBufferSize: 2 * MAX_FRAME,
  });
  const answer = (error: { code: number; message: string }) =>
    void transport.send({ jsonrpc: "2.0", id: null, error } as unknown as JSONRPCMessage);
  transport.onerror = (e) => {
    const error = frameError(e);
    if (error) answer(error);
  };
  await server.connect(transport);
  await new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.on("end", () => resolve());
  });
}
