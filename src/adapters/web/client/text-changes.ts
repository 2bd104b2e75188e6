/**
 * The changes that turn the editor's text into the text the page writes: the parts that differ, line by line.
 *
 * One change from the first difference to the last one cost a model switch ~40 ms and a 1,200-line redraw: the
 * switch edits the network section at the top and each pool at the bottom, so that change spanned the whole plan.
 * With the editor out of view, CodeMirror maps its drawn range through the change, the range's end fell inside it
 * and was mapped to the change's end: it drew every line of the plan and laid them out, to show none of them. Written
 * as one change per group of changed lines, the lines in view that did not change stay as they are, and so does the
 * caret in them.
 */

/** A change of the old text: `from`..`to` replaced by `insert`. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** Where the change from `from` to `to` starts and ends: the common head and tail left out. */
export function changeOf(from: string, to: string): TextChange {
  let start = 0;
  const shorter = Math.min(from.length, to.length);
  while (start < shorter && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail))
    tail++;
  return { from: start, to: from.length - tail, insert: to.slice(start, to.length - tail) };
}

/** The text's lines, each with its line break (the last one without, if the text does not end with one). */
const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** A group of changed lines: old lines `a`..`aEnd` became new lines `b`..`bEnd`. */
interface Hunk {
  a: number;
  aEnd: number;
  b: number;
  bEnd: number;
}

/**
 * Myers' O((N+M)D) shortest edit script of two line lists, as groups of changed lines in order; undefined when it
 * takes more than `maxEdits` inserted or deleted lines (the caller then writes one change).
 */
export function lineHunks(a: readonly string[], b: readonly string[], maxEdits: number): Hunk[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  // v[k + offset]: the furthest x on diagonal k; trace[d]: v after round d, for k in -d..d.
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return hunksOf(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return undefined;
}

/** Walks the trace back from the end: each round's edit (one line in or out), grouped into hunks. */
function hunksOf(trace: readonly Int32Array[], n: number, m: number): Hunk[] {
  const hunks: Hunk[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const px = down ? at(k + 1) : at(k - 1);
    const py = px - (down ? k + 1 : k - 1);
    // After the edit the walk was at (edit x, edit y), then followed equal lines to (x, y).
    const ex = down ? px : px + 1;
    const ey = down ? py + 1 : py;
    const last = hunks[hunks.length - 1];
    if (last && last.a === ex && last.b === ey) {
      last.a = px;
      last.b = py;
    } else hunks.push({ a: px, aEnd: ex, b: py, bEnd: ey });
    x = px;
    y = py;
  }
  return hunks.reverse();
}

/** Line edits past this many are written as one change: the diff's cost grows with their square. */
const MAX_LINE_EDITS = 400;

/**
 * The changes from `from` to `to`, in order, positions in `from`: one per group of changed lines, each without the
 * characters its old and new lines share at its start and end. Past MAX_LINE_EDITS changed lines, one change.
 */
export function changesOf(from: string, to: string): TextChange[] {
  if (from === to) return [];
  const whole = changeOf(from, to);
  // Only the lines the whole change touches are compared.
  const start = whole.from === 0 ? 0 : from.lastIndexOf("\n", whole.from - 1) + 1;
  // To the end of the line the change ends in: the rest is the common tail, the same on both sides.
  const br = from.indexOf("\n", whole.to);
  const more = br < 0 ? from.length - whole.to : br + 1 - whole.to;
  const endA = whole.to + more;
  const endB = to.length - (from.length - whole.to) + more;
  const a = linesOf(from.slice(start, endA));
  const b = linesOf(to.slice(start, endB));
  const hunks = lineHunks(a, b, MAX_LINE_EDITS);
  if (!hunks) return [whole];
  const offsets = (lines: readonly string[]) => {
    const at = [start];
    for (const line of lines) at.push(at[at.length - 1]! + line.length);
    return at;
  };
  const atA = offsets(a);
  const atB = offsets(b);
  return hunks.map((h) => {
    const c = changeOf(from.slice(atA[h.a], atA[h.aEnd]), to.slice(atB[h.b], atB[h.bEnd]));
    return { from: atA[h.a]! + c.from, to: atA[h.a]! + c.to, insert: c.insert };
  });
}
