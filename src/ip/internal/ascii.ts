/**
 * Output lines written as ASCII bytes into one buffer and made into strings at the
 * end with one decode and one split: at a million lines, far fewer allocations than
 * building each string from pieces, and every string comes out flat. Serves the output
 * side of W1 (parse + format) and W2/W4 (merge, free space) in docs/performance.md:
 * W2 ~710 → ~460 ms CPU when IPv4 results moved here (commit 1d7f0f4).
 * @internal
 */
import { isMapped6, longestZeroRun } from "./codec.js";
import { keepShape } from "./shapes.js";

const DECODER = new TextDecoder("latin1");

/** OCTET[4x..4x+2]: the decimal digits of x (0..255) in ASCII, left-aligned; OCTET[4x+3]: how many. */
const OCTET = new Uint8Array(1024);
for (let x = 0; x < 256; x++) {
  const t = String(x);
  for (let j = 0; j < t.length; j++) OCTET[4 * x + j] = t.charCodeAt(j);
  OCTET[4 * x + 3] = t.length;
}

/** ASCII of the lower-case hex digits. */
const HEX = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));

const MAPPED = Uint8Array.from("::ffff:", (c) => c.charCodeAt(0));

/** The longest line written (an IPv6 CIDR is at most 43 characters), with room to spare. */
const LINE_ROOM = 64;

const NONE = new Uint8Array(0);

/**
 * A buffer kept between writers up to `KEEP_BYTES` (about 250,000 lines): a fresh
 * buffer of a megabyte or more costs its page faults, and a copy each time it grows.
 * A writer takes it on its first line and gives it back in `lines()`; a writer
 * that finds it taken allocates its own.
 */
let kept: Uint8Array = new Uint8Array(1 << 16);
const KEEP_BYTES = 1 << 22;

export class AsciiLines {
  private buf: Uint8Array = NONE;
  private p = 0;
  /** The number of lines started. */
  private count = 0;

  /** Starts a new line. */
  line(): void {
    if (this.p + LINE_ROOM > this.buf.length) this.more();
    if (this.count++ > 0) this.buf[this.p++] = 10;
  }

  private more(): void {
    if (this.buf === NONE && kept.length > 0) {
      this.buf = kept;
      kept = NONE;
      return;
    }
    const grown = new Uint8Array(Math.max(1 << 16, this.buf.length * 2));
    grown.set(this.buf.subarray(0, this.p));
    this.buf = grown;
  }

  byte(c: number): void {
    this.buf[this.p++] = c;
  }

  /**
   * The decimal digits of 0..255. Always stores three bytes (no branch on the digit
   * count); whatever is written next overwrites the unused ones.
   */
  decimal(x: number): void {
    const { buf, p } = this;
    const o = x << 2;
    buf[p] = OCTET[o] as number;
    buf[p + 1] = OCTET[o + 1] as number;
    buf[p + 2] = OCTET[o + 2] as number;
    this.p = p + (OCTET[o + 3] as number);
  }

  /** An unsigned 32-bit integer as a dotted quad. */
  quad(n: number): void {
    this.decimal(n >>> 24);
    this.byte(46);
    this.decimal((n >>> 16) & 255);
    this.byte(46);
    this.decimal((n >>> 8) & 255);
    this.byte(46);
    this.decimal(n & 255);
  }

  /** A 16-bit group in lower-case hex without leading zeros. */
  hex16(g: number): void {
    const { buf } = this;
    let p = this.p;
    if (g >= 0x1000) buf[p++] = HEX[g >>> 12] as number;
    if (g >= 0x100) buf[p++] = HEX[(g >>> 8) & 15] as number;
    if (g >= 0x10) buf[p++] = HEX[(g >>> 4) & 15] as number;
    buf[p++] = HEX[g & 15] as number;
    this.p = p;
  }

  /**
   * Eight 16-bit groups as `format6` writes them (RFC 5952): the longest run of two
   * or more zero groups, the first on ties, as `::`; IPv4-mapped as `::ffff:a.b.c.d`.
   */
  groups6(g: Uint16Array): void {
    if (isMapped6(g)) {
      for (let k = 0; k < 7; k++) this.byte(MAPPED[k] as number);
      this.quad((((g[6] as number) << 16) | (g[7] as number)) >>> 0);
      return;
    }
    const run = longestZeroRun(g);
    const bestStart = run >> 4;
    const bestLen = run & 15;
    for (let i = 0; i < 8; i++) {
      if (i === bestStart) {
        this.byte(58);
        this.byte(58);
        i += bestLen - 1;
        continue;
      }
      if (i > 0 && i !== bestStart + bestLen) this.byte(58);
      this.hex16(g[i] as number);
    }
  }

  /** The lines written, as strings. The writer is used up. */
  lines(): string[] {
    const out = this.count === 0 ? [] : DECODER.decode(this.buf.subarray(0, this.p)).split("\n");
    if (this.buf.length <= KEEP_BYTES && this.buf.length > kept.length) kept = this.buf;
    this.buf = NONE;
    return out;
  }
}

keepShape(new AsciiLines());
