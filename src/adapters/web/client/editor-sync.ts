/**
 * The editor's text follows the plan, written only when someone can see or use it. Writing a 48 KiB plan into the
 * textarea costs tens of milliseconds of main-thread CPU (the new value, then the textarea's layout of every line),
 * and a form edit changes the text every time: while the editor is off screen and not focused, the write is owed
 * instead and done when the editor comes into view (IntersectionObserver) or gets the focus (a click, Tab), before
 * any key reaches it. The page's scripts reading the textarea's `value` get the plan: reading it writes an owed text
 * first (code in another JavaScript world, such as an extension or Playwright's `inputValue`, does not see that
 * reader). `data-written` on the editor says `"false"` while a write is owed, `"true"` once the text is the plan's:
 * an e2e test reading the editor after a form edit scrolls it into view and waits for `"true"`. The textarea's own
 * undo history is what it was before: a programmatic write replaces it either way (the page's Undo button and Back
 * undo form edits).
 */
export interface EditorSync {
  /** The plan's text changed (or may have): write it now if the editor is on screen or focused, else owe it. */
  follow(text: string): void;
  /** Writes the text now, whatever the editor's place (a replaced plan, a reload that restored old text). */
  write(text: string): void;
}

const VALUE = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!;

/** The textarea's own value, past the instance's reader below. */
const valueOf = (editor: HTMLTextAreaElement) => VALUE.get!.call(editor) as string;

export function editorSync(editor: HTMLTextAreaElement): EditorSync {
  let owed: string | undefined;
  const put = (text: string) => {
    owed = undefined;
    if (valueOf(editor) !== text) VALUE.set!.call(editor, text);
    editor.dataset["written"] = "true";
  };
  const payOwed = () => {
    if (owed !== undefined) put(owed);
  };
  Object.defineProperty(editor, "value", {
    configurable: true,
    get: () => (payOwed(), valueOf(editor)),
    set: (text: string) => put(String(text)),
  });
  // Focus comes before the first key, click or paste reaches the text.
  editor.addEventListener("focus", payOwed);
  const observer =
    typeof IntersectionObserver === "undefined"
      ? undefined
      : new IntersectionObserver((entries) => {
          if (entries[entries.length - 1]?.isIntersecting) payOwed();
        });
  observer?.observe(editor);
  // The editor's box now (the observer's last report is a frame old: a field scrolled into view just before the
  // edit may have moved the editor away); the page lays itself out after every edit anyway.
  const visible = () => {
    const box = editor.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
  };
  return {
    follow(text) {
      // The user is typing in it: the text is theirs.
      if (document.activeElement === editor) return;
      if (!observer || visible()) return put(text);
      if (text === owed || (owed === undefined && valueOf(editor) === text)) return;
      owed = text;
      editor.dataset["written"] = "false";
    },
    write: put,
  };
}
