/**
 * The page's address: the plan lives in the URL fragment (compressed, ../state.ts). The address follows
 * the edits once they pause for a second, not after each one: every write sends the whole address (8 KiB
 * for the benchmark's 30-pool, 1,000-subnet plan) to the browser process, and in a trace of
 * bench/web.bench.mjs that work held the next edit's paint back by up to a few hundred ms on a busy
 * machine. Leaving the page writes a pending state at once (uncompressed: that is synchronous).
 */
import { encodeState, encodeStateCompressed, MAX_PLAN_TEXT, type PageState } from "../state.js";

/** The fragment for a state, compressed; "" for a plan over the limit (the page would refuse to read it back). */
const fragmentOf = (s: PageState): Promise<string> =>
  s.planText.length > MAX_PLAN_TEXT ? Promise.resolve("") : encodeStateCompressed(s);

export interface Address {
  /** The state changed: the address follows once edits pause. */
  save(): void;
  /** The state before stays in history (Back returns to it); the new one becomes the current entry. */
  push(before: PageState, after: PageState): void;
  /** Writes the current state now (the link is copied next). */
  writeNow(): Promise<void>;
  /** The page loaded this fragment: it is the page's own. */
  loaded(fragment: string): void;
  /** Whether a fragment is the one the page last wrote (anything else: Back, Forward, a pasted link). */
  isOwn(fragment: string): boolean;
}

/** The address of a page whose state `current` gives; writes happen in order (compression is asynchronous). */
export function createAddress(current: () => PageState, quietMs = 1000): Address {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = "";
  let writes: Promise<void> = Promise.resolve();
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const replace = (f: string) => {
    written = f;
    history.replaceState(null, "", `#${f}`);
  };
  window.addEventListener("pagehide", () => {
    const s = current();
    if (timer === undefined || s.planText.length > MAX_PLAN_TEXT) return;
    cancel();
    replace(encodeState(s));
  });
  return {
    save() {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        const saving = current();
        writes = writes.then(async () => {
          const f = await fragmentOf(saving);
          if (f && saving === current()) replace(f);
        });
      }, quietMs);
    },
    push(before, after) {
      cancel();
      writes = writes.then(async () => {
        const [a, b] = await Promise.all([fragmentOf(before), fragmentOf(after)]);
        if (a) history.replaceState(null, "", `#${a}`);
        if (b) {
          written = b;
          history.pushState(null, "", `#${b}`);
        }
      });
    },
    async writeNow() {
      cancel();
      replace(await fragmentOf(current()));
    },
    loaded(fragment) {
      written = fragment;
    },
    isOwn: (fragment) => fragment === written,
  };
}
