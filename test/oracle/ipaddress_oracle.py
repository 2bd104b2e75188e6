#!/usr/bin/env python3
"""Oracle for aksnet's differential tests: answers a batch of cases with Python's ipaddress.

Reads one JSON object {"op": ..., "cases": [...]} on stdin and writes one JSON array
(one result per case, same order) on stdout. One process per batch.

ops:
  address    case: str            -> {"ok": str(ip_address(case))} or {"err": message}
  interface  case: str            -> {"ok": str(ip_interface(case)), "net": str(network)} or {"err": message}
  collapse   case: [str, ...]     -> [str, ...] collapse_addresses per version, IPv4 first
  exclude    case: [[str], [str]] -> [str, ...] the addresses of the first list not in the second,
                                     as collapsed networks (built from address_exclude), IPv4 first
"""
import ipaddress
import json
import sys


def nets(strs):
    return [ipaddress.ip_network(s, strict=False) for s in strs]


def collapse(ns):
    out = []
    for version in (4, 6):
        out.extend(ipaddress.collapse_addresses([n for n in ns if n.version == version]))
    return out


def exclude(a_strs, b_strs):
    work = collapse(nets(a_strs))
    for b in collapse(nets(b_strs)):
        nxt = []
        for a in work:
            if a.version != b.version or not a.overlaps(b):
                nxt.append(a)
            elif a.subnet_of(b):
                continue
            else:
                nxt.extend(a.address_exclude(b))
        work = nxt
    return collapse(work)


def answer(op, case):
    if op == "address":
        try:
            return {"ok": str(ipaddress.ip_address(case))}
        except ValueError as e:
            return {"err": str(e)}
    if op == "interface":
        try:
            i = ipaddress.ip_interface(case)
            return {"ok": str(i), "net": str(i.network)}
        except ValueError as e:
            return {"err": str(e)}
    if op == "collapse":
        return [str(n) for n in collapse(nets(case))]
    if op == "exclude":
        return [str(n) for n in exclude(case[0], case[1])]
    raise SystemExit(f"unknown op {op!r}")


def main():
    batch = json.load(sys.stdin)
    json.dump([answer(batch["op"], c) for c in batch["cases"]], sys.stdout)


if __name__ == "__main__":
    main()
