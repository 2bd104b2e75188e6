/**
 * The checks every generated value passes (`toGenPlan`) and a collector of problems and assumptions. Names
 * follow the knowledge base's naming rules (`NAME_RULES`, the set `check` uses too); the other patterns here
 * (Kubernetes version, max surge, delegation) only bound what may be written.
 */
import { NAME_RULES, nameProblem, type NameKind } from "../../kb/index.js";
import { tryParseAddr, tryParsePrefix } from "../../ip/index.js";
import type { GenProblem } from "./model.js";

export const K8S_VERSION = /^[0-9]{1,2}\.[0-9]{1,3}(?:\.[0-9]{1,3})?$/;
export const SURGE = /^(?:[0-9]{1,4}|[0-9]{1,3}%)$/;
export const DELEGATION = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*\/[A-Za-z0-9]+(?:\/[A-Za-z0-9]+)*$/;

export const RULES = {
  kubernetesVersion: 'a Kubernetes version is "1.33" or "1.33.2"',
  delegation: 'a delegation is a service name such as "Microsoft.ContainerInstance/containerGroups"',
  maxSurge: 'a max surge is a whole number of nodes (3) or a percentage ("33%")',
} as const;

/** Collects the problems and assumptions of one `toGenPlan` run. */
export class Checks {
  readonly problems: GenProblem[] = [];
  readonly assumptions: string[] = [];

  /** Records a problem when `value` is set and does not match `pattern`; returns the value. */
  match<T extends string>(path: string, value: T | undefined, pattern: RegExp, rule: string): T | undefined {
    if (value !== undefined && !pattern.test(value)) this.problems.push({ path, value, reason: rule });
    return value;
  }

  /**
   * Records a problem when `value` is set and breaks the knowledge base's naming rule for `kind` (the rules
   * `check` applies too); returns the value.
   */
  name<T extends string>(path: string, value: T | undefined, kind: NameKind, what?: string): T | undefined {
    if (value === undefined) return value;
    const problem = nameProblem(kind, value);
    if (problem !== undefined) {
      const rule = NAME_RULES[kind].value;
      const text = what === undefined ? rule.rule : rule.rule.replace(rule.what, what);
      this.problems.push({ path, value, reason: `${text}; this one ${problem}` });
    }
    return value;
  }

  /** A CIDR that parses and is a network address, in canonical text (the input when it does not parse). */
  cidr(path: string, value: string): string {
    const r = tryParsePrefix(value);
    if (!r.ok) this.problems.push({ path, value, reason: r.error.reason });
    else if (!r.value.isMasked())
      this.problems.push({
        path,
        value,
        reason: `it is not a network address (the network is ${r.value.masked().toString()})`,
      });
    return r.ok ? r.value.toString() : value;
  }

  /** An address that parses, in canonical text. */
  addr(path: string, value: string): string {
    const r = tryParseAddr(value);
    if (!r.ok) this.problems.push({ path, value, reason: r.error.reason });
    return r.ok ? r.value.toString() : value;
  }
}
