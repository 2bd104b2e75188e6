/**
 * The plan's text editor: CodeMirror 6 in place of a `<textarea>`. A textarea lays out and hands to the browser's
 * editing machinery its whole text on every edit: for the benchmark's 48 KiB plan, Chromium spent ~46 ms in Select
 * All and ~50 ms inserting a paste (Editor::SyncSelection over the whole text), plus the textarea's layout of every
 * line. CodeMirror keeps the text in its own state and draws only the lines in view, so select all, a paste of the
 * whole plan and a plan written by the form cost about what a few lines cost.
 *
 * Kept from the textarea: a labelled text box (role textbox, aria-multiline; labelled by the label above it and
 * described by the status line), reachable with Tab and left with Tab (Tab is not captured); undo and redo with
 * Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z (a replaced or pasted text comes back); a file dropped on it is read by the page's
 * drop handler (it replaces the plan), not inserted. Styles: CodeMirror's own rules go into a constructed style
 * sheet adopted by the document (no `<style>` element, which the page's Content-Security-Policy refuses).
 *
 * Test hook: the editing element keeps the id `plan-text` and answers like a textarea to the page's scripts:
 * `value` (get; set writes the text as the page does), `selectionStart`, `selectionEnd`, `setSelectionRange(a, b)`
 * and `select()`. e2e tests read and set the editor through them (test/web/editor-text.ts).
 */
import { EditorSelection, EditorState, Transaction } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { StyleModule } from "style-mod";
import { changesOf } from "./text-changes.js";

/** An edit by the user (typing, paste, drop of text, undo): the new text, and what a paste replaced. */
export interface UserEdit {
  readonly text: string;
  /** Set for a paste: the text before it, whether it replaced all of it, and its size (inserted + replaced). */
  readonly paste?: { readonly before: string; readonly whole: boolean; readonly size: number };
}

export interface PlanEditor {
  /** The editing element (`#plan-text`). */
  readonly element: HTMLElement;
  /** The text now. */
  text(): string;
  /**
   * Writes `text` as the page's own change (the form, a preset, a file, Back): only the part that differs is
   * changed, so the caret and what the user typed elsewhere stay put. `undoable`: Ctrl+Z in the editor returns to
   * the text before (a replaced plan); a form edit is undone with the page's Undo and Back instead.
   */
  write(text: string, undoable?: boolean): void;
  /** Whether the editor has the focus. */
  focused(): boolean;
}

/**
 * CodeMirror's style modules (style-mod) mount into a `<style>` element when their root is a document; under the
 * page's CSP (style-src 'self' plus the inline sheet's hash) its rules would be refused. Mounted into a document
 * that can adopt style sheets, they go into one constructed sheet instead (CSSOM, which the CSP allows).
 */
function adoptStyles(): void {
  const original = StyleModule.mount.bind(StyleModule);
  if (typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in document)) return;
  const sheet = new CSSStyleSheet();
  let mounted: StyleModule[] = [];
  StyleModule.mount = (root, modules, options) => {
    if (root !== document) return original(root, modules, options);
    const given = Array.isArray(modules) ? modules : [modules];
    if (given.every((m) => mounted.includes(m))) return;
    // Later modules take precedence (style-mod's order): the given ones last, in their order.
    mounted = [...mounted.filter((m) => !given.includes(m)), ...given];
    sheet.replaceSync(mounted.map((m) => m.getRules()).join("\n"));
    if (!document.adoptedStyleSheets.includes(sheet))
      document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
  };
}

/** The textarea-like test hook on the editing element (see the module comment). */
function textareaHook(view: EditorView, write: (text: string) => void): void {
  const select = (anchor: number, head: number) => view.dispatch({ selection: EditorSelection.single(anchor, head) });
  Object.defineProperties(view.contentDOM, {
    value: { configurable: true, get: () => view.state.doc.toString(), set: (t: unknown) => write(String(t)) },
    selectionStart: { configurable: true, get: () => view.state.selection.main.from },
    selectionEnd: { configurable: true, get: () => view.state.selection.main.to },
    setSelectionRange: { configurable: true, value: (a: number, b: number) => select(a, b) },
    select: { configurable: true, value: () => select(0, view.state.doc.length) },
  });
}

/** What a transaction of the user's was, for the page: the paste's size and reach, if it was one. */
function pasteOf(tr: Transaction, before: string): UserEdit["paste"] {
  if (!tr.isUserEvent("input.paste")) return undefined;
  let size = 0;
  let whole = false;
  tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    size += toA - fromA + inserted.length;
    if (fromA === 0 && toA === before.length) whole = true;
  });
  return { before, whole, size };
}

/**
 * Replaces `place` (the HTML's placeholder) with the editor. `edited` is called after each of the user's edits;
 * the page's own writes (`write`) do not call it.
 */
export function createPlanEditor(
  place: HTMLElement,
  attributes: Record<string, string>,
  edited: (edit: UserEdit) => void,
): PlanEditor {
  adoptStyles();
  let current = "";
  const page = Transaction.userEvent.of("set");
  const view = new EditorView({
    state: EditorState.create({
      doc: "",
      extensions: [
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorState.tabSize.of(2),
        // tabindex: focusable as it is (contenteditable), said so for checkers of scrolled regions (axe).
        EditorView.contentAttributes.of({ spellcheck: "false", tabindex: "0", ...attributes }),
        // A dropped file replaces the plan (the page's drop handler, ./drop.ts): not inserted here.
        EditorView.domEventHandlers({
          drop: (e) => {
            if (e.dataTransfer?.files.length) e.preventDefault();
            return false;
          },
        }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged || u.transactions.some((tr) => tr.annotation(Transaction.userEvent) === "set")) return;
          const before = current;
          current = u.state.doc.toString();
          const paste = u.transactions.map((tr) => pasteOf(tr, before)).find((p) => p !== undefined);
          edited(paste ? { text: current, paste } : { text: current });
        }),
      ],
    }),
  });
  place.replaceWith(view.dom);
  const write = (text: string, undoable = false) => {
    if (text === current) return;
    const changes = changesOf(current, text);
    current = text;
    view.dispatch({ changes, annotations: [page, Transaction.addToHistory.of(undoable)] });
  };
  textareaHook(view, (t) => write(t, true));
  return {
    element: view.contentDOM,
    text: () => current,
    write,
    focused: () => view.hasFocus,
  };
}
