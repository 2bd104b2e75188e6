/**
 * Replacing the plan by hand (select all, paste) in the editor, done by the page instead of the browser's
 * editing commands, which are slow on a large text.
 *
 * For the benchmark's 48 KiB plan (bench/web.bench.mjs), traced in Chromium: the paste command runs its
 * editing machinery over the whole inserted text, about 250 ms of main-thread CPU before any of the page's
 * code runs; setting the same text with `setRangeText` costs what any new value costs (the textarea's
 * layout, about 15 ms). The Select All command (Ctrl+A) costs 40-90 ms; `select()` selects the same text in
 * a few. The text, the selection, the caret after the pasted text and the `input` the page reacts to are
 * the same; the browser's own undo (Ctrl+Z) does not see such a paste, so the page makes it a history
 * entry with an Undo button, as it does for every other replacement of the plan.
 */

/** Pastes of at least this many characters (inserted plus replaced) are written by the page. */
export const LARGE_PASTE = 4096;

/**
 * Calls `pasted(before, whole)` after a large plain-text paste into `editor` was written into it by the page
 * (`before`: the editor's text before the paste; `whole`: the paste replaced all of it). Smaller pastes are left
 * to the browser.
 */
export function onLargePaste(editor: HTMLTextAreaElement, pasted: (before: string, whole: boolean) => void): void {
  editor.addEventListener("paste", (e) => {
    const data = e.clipboardData;
    if (!data || editor.readOnly || editor.disabled) return;
    // Only plain text: what else the clipboard holds (HTML, files) a textarea would paste as its text anyway.
    const inserted = data.getData("text/plain").replace(/\r\n?/g, "\n");
    if (inserted === "") return;
    const { selectionStart: start, selectionEnd: end, value: before } = editor;
    if (inserted.length + (end - start) < LARGE_PASTE) return;
    e.preventDefault();
    editor.setRangeText(inserted, start, end, "end");
    pasted(before, start === 0 && end === before.length);
  });
}

/**
 * Ctrl+A (Cmd+A on a Mac) in `editor` selects its text with `select()` rather than the browser's Select All command.
 * Only when the key reads "a" (on other layouts the browser's command runs, as before).
 */
export function onSelectAll(editor: HTMLTextAreaElement): void {
  editor.addEventListener("keydown", (e) => {
    if (e.key !== "a" && e.key !== "A") return;
    if (e.altKey || e.shiftKey || !(e.ctrlKey || e.metaKey) || e.isComposing) return;
    e.preventDefault();
    editor.select();
  });
}
