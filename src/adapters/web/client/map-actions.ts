/**
 * What the VNet map's buttons do: Split and Join change only the map (the blocks
 * the user split are page state, not plan); Make subnet and "Add them to the plan"
 * write the plan text through the layout engine's edits (comments kept) and
 * replace the plan as a history entry, so Undo and Back return to the plan before.
 */
import { applyEditsToText } from "../../../engines/layout/index.js";
import { addSubnetEdit, joinBlock, splitBlock } from "../../../engines/views/index.js";
import type { VnetMap } from "../../../engines/views/index.js";
import type { PageView } from "../compute.js";
import type { VnetMapActions } from "./render-vnet-map.js";

export interface MapActionDeps {
  view(): PageView | undefined;
  /** The VNet map as drawn (the page builds it only when it is in view). */
  vnetMap(): VnetMap | undefined;
  planText(): string;
  splits(): readonly string[];
  setSplits(next: readonly string[]): void;
  replacePlan(next: string, what: string, said: string): void;
  /** Says why the map cannot edit the text. */
  refuse(why: string): void;
}

export function createMapActions(d: MapActionDeps): VnetMapActions {
  /** Whether the editor holds an aksnet plan the map may edit; says what to do when it does not. */
  const editable = (): boolean => {
    if (d.view()?.input.kind === "aksnet") return true;
    d.refuse("The map edits aksnet plans: convert this one first (Convert to aksnet.yaml).");
    return false;
  };
  return {
    split: (cidr) => d.setSplits(splitBlock(d.splits(), cidr)),
    join: (cidr) => d.setSplits(joinBlock(d.splits(), cidr)),
    add(cidr) {
      const plan = d.view()?.plan;
      const added = plan && editable() ? addSubnetEdit(plan, cidr) : undefined;
      if (!added) return;
      const next = applyEditsToText(d.planText(), [added.edit]);
      d.replacePlan(next, `subnet ${added.name}`, `Added subnet ${added.name} (${cidr}); rename it in the editor.`);
    },
    applyLayout() {
      const map = d.vnetMap();
      if (!map || map.proposed.edits.length === 0 || !editable()) return;
      const next = applyEditsToText(d.planText(), map.proposed.edits);
      d.replacePlan(next, "the layout", `Added the subnets aksnet layout placed: ${map.proposed.names.join(", ")}.`);
    },
  };
}
