/**
 * `aksnet mcp`: the engines as Model Context Protocol tools over stdio
 * (compare, size, check, recommend, cidr; read-only). Needs the optional
 * package @modelcontextprotocol/sdk. docs/mcp.md.
 */
import { defineCommand } from "../command.js";
import { EXIT } from "../errors.js";

export default defineCommand({
  configure(cmd) {
    cmd.addHelpText(
      "after",
      "\nSpeaks MCP on standard input and output until the client closes it; tools: compare, size, check, recommend, " +
        "cidr.\nNeeds the optional package @modelcontextprotocol/sdk (npm install -g aksnet " +
        "@modelcontextprotocol/sdk).\n\nExample client configuration (Claude Desktop, VS Code, …):\n  { " +
        '"mcpServers": { "aksnet": { "command": "aksnet", "args": ["mcp"] } } }\n',
    );
  },
  async run() {
    const { serveMcp } = await import("./server.js");
    await serveMcp();
    return EXIT.ok;
  },
});
