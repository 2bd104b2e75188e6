/**
 * A small DOM builder. Text goes in as text nodes (never as HTML), attributes
 * as attributes; nothing sets inline style, so the page runs under a CSP
 * without 'unsafe-inline'.
 */
export type Child = Node | string | number | false | null | undefined | readonly Child[];
export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

import { formatCount } from "../../../kb/index.js";

const SVG_NS = "http://www.w3.org/2000/svg";

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el: Element, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(typeof c === "number" ? String(c) : (c as Node | string));
  }
}

/** An HTML element. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** The element with the id; a missing element is a bug in index.html. */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

/**
 * Formats a count with thousands separators, as the CLI does (kb's formatCount: toLocaleString goes through ICU,
 * about 20 µs a call, and the VNet map of a 1,000-subnet plan formats 2,600 tooltips).
 */
export function num(n: number | bigint): string {
  return formatCount(n);
}
