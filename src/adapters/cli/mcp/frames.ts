/**
 * `aksnet mcp`'s guard on standard input: a JSON-RPC frame (one line) longer than MAX_FRAME is dropped and answered
 * with a JSON-RPC error, and a frame that is not JSON or not JSON-RPC gets the error JSON-RPC 2.0 prescribes (id
 * null). Without it the SDK's transport closes, ending the server, when a line passes its 10 MiB buffer, and says
 * nothing to a frame it cannot parse.
 */
import { Transform, type TransformCallback } from "node:stream";

/** The longest frame read; a tool's input (a plan's text) is far smaller. */
export const MAX_FRAME = 8 * 1048576;

const NEWLINE = 10;

/** Passes whole lines through; a line over `max` bytes is dropped (held back until its end, so never passed). */
export class FrameLimit extends Transform {
  private parts: Buffer[] = [];
  private length = 0;
  private dropping = false;

  constructor(
    private readonly onDropped: () => void,
    private readonly max = MAX_FRAME,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, start);
      const end = nl === -1 ? chunk.length : nl + 1;
      if (!this.dropping) {
        this.length += end - start;
        if (this.length > this.max + 1) {
          this.dropping = true;
          this.parts = [];
          this.onDropped();
        } else this.parts.push(chunk.subarray(start, end));
      }
      if (nl !== -1) {
        if (!this.dropping) this.push(Buffer.concat(this.parts));
        this.parts = [];
        this.length = 0;
        this.dropping = false;
      }
      start = end;
    }
    done();
  }
}

/** The JSON-RPC error for a frame the transport could not read, or undefined for other transport errors. */
export function frameError(e: unknown): { code: number; message: string } | undefined {
  if (e instanceof SyntaxError) return { code: -32700, message: `Parse error: the frame is not JSON (${e.message})` };
  if ((e as Error | undefined)?.name === "ZodError")
    return { code: -32600, message: "Invalid Request: the frame is JSON but not a JSON-RPC 2.0 message" };
  return undefined;
}

export const TOO_LONG = {
  code: -32600,
  message: `Invalid Request: the frame is longer than ${MAX_FRAME / 1048576} MiB; it was dropped`,
};
