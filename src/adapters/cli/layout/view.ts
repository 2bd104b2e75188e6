/** What every `layout` formatter gets: the layout, the plan file it came from and where the plan was written. */
import type { LayoutResult } from "../../../engines/layout/index.js";

export interface LayoutCliView {
  readonly result: LayoutResult;
  readonly planFile: string;
  /** The file the laid-out plan was written to (`--write`), if any. */
  readonly wrote?: string;
}

/** The documented JSON contract (docs/layout.md): the layout result as the engine gives it. */
export function layoutJson(v: LayoutCliView): unknown {
  return v.result;
}
