/**
 * `aksnet serve`: serves the web planner (a static page that runs the aksnet
 * engine in the browser) on 127.0.0.1. Binding to any other address needs
 * `--allow-remote` and prints a warning: the page holds no secrets, but a plan
 * describes a network and the server is meant for one person on one machine.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Command } from "commander";
import { defineCommand } from "../command.js";
import { UsageError } from "../errors.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
const DEFAULT_PORT = 8080;

function parsePort(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(n) || n > 65535) {
    throw new UsageError(`--port '${text}' is not a port number; give 0..65535 (0 picks a free port).`);
  }
  return n;
}

/** The directory of the installed aksnet package (holds package.json and dist/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "aksnet") return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new UsageError("cannot find the aksnet package directory; reinstall aksnet.");
    dir = up;
  }
}

/** The built page; built on demand in a source checkout where only the TypeScript was compiled. */
async function ensureWebRoot(root: string, webRoot: string): Promise<string> {
  if (existsSync(join(webRoot, "index.html"))) return webRoot;
  const script = join(root, "scripts", "build-web.mjs");
  if (existsSync(script)) {
    try {
      const mod = (await import(pathToFileURL(script).href)) as { buildWeb(o: { outDir: string }): Promise<string[]> };
      await mod.buildWeb({ outDir: webRoot });
      return webRoot;
    } catch {
      // fall through to the message below
    }
  }
  throw new UsageError(
    `the web page is not built (no ${join(webRoot, "index.html")}); run 'npm run build' in ${root}.`,
  );
}

export default defineCommand({
  configure(cmd: Command) {
    cmd
      .option("-p, --port <port>", "port to listen on (0 picks a free one)", parsePort, DEFAULT_PORT)
      .option("--host <address>", "address to bind; anything but loopback needs --allow-remote", "127.0.0.1")
      .option("--allow-remote", "allow binding to a non-loopback address (prints a warning)")
      .addHelpText(
        "after",
        [
          "",
          "The page runs the aksnet engine in your browser; the server only hands out",
          "static files. The plan lives in the page's address (after #), which is never",
          "sent to the server: copy the address to share a plan.",
          "",
          "Examples:",
          "  aksnet serve                      # http://127.0.0.1:8080/",
          "  aksnet serve --port 0             # any free port; the address is printed",
          "  aksnet serve --host 0.0.0.0 --allow-remote",
          "  npm run build:web                 # static files in web-dist/ for any web host",
          "",
        ].join("\n"),
      );
  },
  async run({ opts, io }) {
    const host = String(opts["host"]).trim();
    const port = opts["port"] as number;
    // Node binds an empty host to every interface, and the printed address would be http://:PORT/.
    if (host === "")
      throw new UsageError("--host is empty; give the address to bind, e.g. --host 127.0.0.1 (the default).");
    if (!LOOPBACK.has(host) && opts["allowRemote"] !== true) {
      throw new UsageError(
        `--host ${host} would let other machines reach the planner; add --allow-remote if that is what you want, or ` +
          `leave --host out for 127.0.0.1.`,
      );
    }
    const root = packageRoot();
    const { startServer, webRootOf } = await import("../../web/index.js");
    const webRoot = await ensureWebRoot(root, webRootOf(root));
    let server;
    try {
      server = await startServer({ root: webRoot, host, port });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE")
        throw new UsageError(`port ${port} on ${host} is in use; choose another with --port (0 picks a free one).`);
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
        throw new UsageError(
          `--host ${host} is not an address of this machine; use 127.0.0.1 or an address of one of its interfaces.`,
        );
      if (code === "EACCES")
        throw new UsageError(`not allowed to listen on port ${port}; choose a port above 1023 with --port.`);
      throw e;
    }
    if (!LOOPBACK.has(host)) {
      io.err(
        `aksnet serve: warning: listening on ${host}, reachable from other machines; anyone who can reach it can use ` +
          `the planner.\n`,
      );
    }
    // A wildcard address is not one a browser can open; this machine reaches it on loopback.
    const url = host === "0.0.0.0" || host === "::" ? `http://127.0.0.1:${server.port}/` : server.url;
    await io.out(`aksnet serve: the web planner is at ${url} (Ctrl+C to stop)\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void server.close().then(done);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
});
