/** Writes a command's result in the chosen format to standard output. */
import { colorEnabled, type Io } from "../io.js";
import { ChunkedWriter } from "../lines.js";
import { render, type FormatName, type Output } from "./formats.js";

/**
 * Renders `result` with the command's formatter for `format` (loading only that
 * module) and writes it; pieces of a streamed output are written in chunks that
 * wait for the reader.
 */
export async function writeOutput<R>(io: Io, output: Output<R>, format: FormatName, result: R): Promise<void> {
  const text = await render(output, format, result, { color: colorEnabled(io) });
  if (typeof text === "string") {
    await io.out(text);
    return;
  }
  const w = new ChunkedWriter(io);
  for await (const piece of text) await w.write(piece);
  await w.flush();
}
