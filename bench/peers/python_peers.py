"""Python peers for the IP workloads of bench/ip.bench.mjs (issue 2).

Usage: python_peers.py LIB WORKLOAD OUT [--limit N] INPUT... where LIB is ipaddress or netaddr;
--limit N keeps the first N lines of the first input (a subset the caller scales up).
Reads the input files (untimed), then times with time.perf_counter the work from
the list of text lines to the list of output lines (parse + compute + format),
writes the output lines of the first run to OUT and prints one JSON line:
{"ms": median wall ms (perf_counter), "cpuMs": median CPU ms (process_time), "runs": n}
-- or {"missing": reason} when the library is absent.
Where a library has no operation for a workload (overlap search), the library
parses and formats and a plain Python sort/bisect/sweep does the search; the
report says so.
"""
import bisect
import json
import statistics
import sys
import time

PARENT = "10.0.0.0/8"
BITS = 24
REQUESTS = 10_000


def read_lines(path):
    with open(path) as f:
        return [line.strip() for line in f if line.strip()]


def gaps(first, last, runs):
    """Free [lo, hi] integer ranges inside [first, last] between sorted disjoint (lo, hi) runs."""
    cur = first
    for lo, hi in runs:
        if hi < cur:
            continue
        if lo > last:
            break
        if lo > cur:
            yield cur, lo - 1
        cur = max(cur, hi + 1)
    if cur <= last:
        yield cur, last


def first_free(free_ranges, bits, count):
    """Integer starts of the first `count` aligned /bits blocks inside free (lo, hi) ranges."""
    size = 1 << (32 - bits)
    out = []
    for lo, hi in free_ranges:
        start = (lo + size - 1) // size * size
        while start + size - 1 <= hi and len(out) < count:
            out.append(start)
            start += size
        if len(out) >= count:
            break
    return out


def sweep_pairs(items):
    """items: (lo, hi, index); all pairs (i, j), i < j, whose ranges overlap, sorted."""
    items.sort()
    pairs = []
    n = len(items)
    for a in range(n):
        lo, hi, ia = items[a]
        b = a + 1
        while b < n and items[b][0] <= hi:
            ib = items[b][2]
            pairs.append((ia, ib) if ia < ib else (ib, ia))
            b += 1
    pairs.sort()
    return [f"{i} {j}" for i, j in pairs]


def ipaddress_impl(workload, inputs):
    import ipaddress as ip

    if workload in ("w1v4", "w1v6"):
        return lambda: [str(ip.ip_network(s, strict=False)) for s in inputs[0]]
    if workload == "w2":
        return lambda: [str(n) for n in ip.collapse_addresses(ip.ip_network(s, strict=False) for s in inputs[0])]
    if workload == "w3a":
        def w3a():
            nets = list(ip.collapse_addresses(ip.ip_network(s) for s in inputs[1]))
            starts = [int(n.network_address) for n in nets]
            ends = [int(n.broadcast_address) for n in nets]
            out = []
            for s in inputs[0]:
                q = ip.ip_network(s)
                i = bisect.bisect_right(starts, int(q.broadcast_address)) - 1
                if i >= 0 and ends[i] >= int(q.network_address):
                    out.append(str(q))
            return out
        return w3a
    if workload == "w3b":
        def w3b():
            items = []
            for i, s in enumerate(inputs[0]):
                n = ip.ip_network(s)
                items.append((int(n.network_address), int(n.broadcast_address), i))
            return sweep_pairs(items)
        return w3b
    if workload in ("w4", "w5"):
        def free():
            parent = ip.ip_network(PARENT)
            used = ip.collapse_addresses(ip.ip_network(s) for s in inputs[0])
            runs = [(int(n.network_address), int(n.broadcast_address)) for n in used]
            free_ranges = gaps(int(parent.network_address), int(parent.broadcast_address), runs)
            if workload == "w5":
                return [str(ip.IPv4Network((a, BITS))) for a in first_free(free_ranges, BITS, REQUESTS)]
            out = []
            for lo, hi in free_ranges:
                out.extend(str(n) for n in ip.summarize_address_range(ip.IPv4Address(lo), ip.IPv4Address(hi)))
            return out
        return free
    raise SystemExit(f"unknown workload {workload}")


def netaddr_impl(workload, inputs):
    import netaddr as na

    if workload in ("w1v4", "w1v6"):
        return lambda: [str(na.IPNetwork(s).cidr) for s in inputs[0]]
    if workload == "w2":
        # .cidr: cidr_merge keeps host bits on networks it does not merge.
        return lambda: [str(n) for n in na.cidr_merge([na.IPNetwork(s).cidr for s in inputs[0]])]
    if workload == "w3a":
        def w3a():
            nets = na.cidr_merge([na.IPNetwork(s) for s in inputs[1]])
            starts = [n.first for n in nets]
            ends = [n.last for n in nets]
            out = []
            for s in inputs[0]:
                q = na.IPNetwork(s)
                i = bisect.bisect_right(starts, q.last) - 1
                if i >= 0 and ends[i] >= q.first:
                    out.append(str(q))
            return out
        return w3a
    if workload == "w3b":
        def w3b():
            items = []
            for i, s in enumerate(inputs[0]):
                n = na.IPNetwork(s)
                items.append((n.first, n.last, i))
            return sweep_pairs(items)
        return w3b
    if workload in ("w4", "w5"):
        def free():
            space = na.IPSet([PARENT]) - na.IPSet([na.IPNetwork(s) for s in inputs[0]])
            if workload == "w4":
                return [str(n) for n in space.iter_cidrs()]
            out = []
            for n in space.iter_cidrs():
                if n.prefixlen > BITS:
                    continue
                for sub in n.subnet(BITS):
                    out.append(str(sub))
                    if len(out) >= REQUESTS:
                        return out
            return out
        return free
    raise SystemExit(f"unknown workload {workload}")


def main():
    lib, workload, out_path, *paths = sys.argv[1:]
    limit = None
    if paths[:1] == ["--limit"]:
        limit = int(paths[1])
        paths = paths[2:]
    try:
        __import__(lib)
    except ImportError:
        print(json.dumps({"missing": f"python module {lib} is not installed"}))
        return
    inputs = [read_lines(p) for p in paths]
    if limit is not None:
        inputs[0] = inputs[0][:limit]
    fn = (ipaddress_impl if lib == "ipaddress" else netaddr_impl)(workload, inputs)
    times = []
    cpu = []
    output = None
    spent = 0.0
    while len(times) < 3 and (not times or spent < 3.0):
        c = time.process_time()
        t = time.perf_counter()
        result = fn()
        ms = (time.perf_counter() - t) * 1000
        cpu.append((time.process_time() - c) * 1000)
        times.append(ms)
        spent += ms / 1000
        if output is None:
            output = result
    with open(out_path, "w") as f:
        f.write("\n".join(output) + ("\n" if output else ""))
    print(json.dumps({"ms": statistics.median(times), "cpuMs": statistics.median(cpu), "runs": len(times)}))


main()
