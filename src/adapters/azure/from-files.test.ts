import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readText } from "./from-files.js";

describe("scan --from reads a pipe with a bound (found by the breaker: an endless pipe filled the heap)", () => {
  it("an endless FIFO (yes > fifo) is refused once past the limit, naming the file and the fix", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-from-"));
    const fifo = join(dir, "estate.json");
    spawnSync("mkfifo", [fifo]);
    const writer = spawn("sh", ["-c", `yes '{"id": 1}' > "${fifo}"`], { stdio: "ignore" });
    try {
      await expect(readText(fifo, "estate.json", 1048576)).rejects.toThrow(
        /^estate\.json is larger than 1 MiB; split the query/,
      );
    } finally {
      writer.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
