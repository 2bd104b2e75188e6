import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { run } from "../../src/adapters/cli/main.js";
import { memoryIo } from "../../src/adapters/cli/io.js";

describe("aksnet serve: bad input is one sentence and exit code 2", () => {
  const cases: { name: string; argv: string[]; message: RegExp }[] = [
    {
      name: "non-loopback host without --allow-remote",
      argv: ["serve", "--host", "0.0.0.0"],
      message: /^aksnet serve: --host 0\.0\.0\.0 would let other machines reach the planner; add --allow-remote/,
    },
    {
      name: "an empty host, even with --allow-remote (Node binds it to every interface; found by the breaker)",
      argv: ["serve", "--host", "", "--allow-remote", "--port", "0"],
      message:
        /^aksnet serve: --host is empty; give the address to bind, e\.g\. --host 127\.0\.0\.1 \(the default\)\.\n$/,
    },
    {
      name: "port not a number",
      argv: ["serve", "--port", "http"],
      message: /--port 'http' is not a port number; give 0\.\.65535/,
    },
    { name: "port out of range", argv: ["serve", "--port", "70000"], message: /--port '70000' is not a port number/ },
    {
      name: "negative port",
      argv: ["serve", "--port", "-1"],
      message: /--port '-1' is not a port number|option '-p, --port <port>' argument missing/,
    },
  ];
  it.each(cases)("$name", async ({ argv, message }) => {
    const io = memoryIo();
    expect(await run(argv, io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
    expect(io.stdout).toBe("");
  });
});

it("a port in use is one sentence naming the port and the fix", async () => {
  const busy = createServer();
  await new Promise<void>((done) => busy.listen(0, "127.0.0.1", done));
  const port = (busy.address() as AddressInfo).port;
  try {
    const io = memoryIo();
    expect(await run(["serve", "--port", String(port)], io)).toBe(2);
    expect(io.stderr).toBe(
      `aksnet serve: port ${port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one).\n`,
    );
  } finally {
    await new Promise((done) => busy.close(done));
  }
});
