// The Go peer of the IP benchmark's W3c workload: every overlapping pair among
// prefixes, with the standard library's net/netip for parsing and a
// sort-and-sweep, as a Go program would do it. Built and run by
// bench/lib/go.mjs (`npm run bench`); not part of aksnet.
//
// Usage: overlap-go OUT INPUT
//
// Reads INPUT (one CIDR per line) untimed; times parse + sweep + sort of the
// pairs (not formatting or writing) with process CPU time (getrusage: every
// thread, the collector's too) and wall time, after warm-up runs as the
// JavaScript harness does; writes the first run's pairs to OUT as "i j" lines
// and prints one JSON line {"ms": median wall, "cpuMs": median CPU, "runs": n}.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"net/netip"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type item struct {
	lo  uint32
	hi  uint64 // exclusive end: 2^32 fits
	idx uint32
}

// pairs returns every (i, j), i < j, whose prefixes share an address, as i<<32 | j, sorted.
func pairs(lines []string) ([]uint64, error) {
	items := make([]item, 0, len(lines))
	for i, s := range lines {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return nil, err
		}
		p = p.Masked()
		if !p.Addr().Is4() {
			return nil, fmt.Errorf("line %d: IPv4 only", i+1)
		}
		a := p.Addr().As4()
		lo := binary.BigEndian.Uint32(a[:])
		items = append(items, item{lo: lo, hi: uint64(lo) + uint64(1)<<(32-p.Bits()), idx: uint32(i)})
	}
	sort.Slice(items, func(x, y int) bool {
		if items[x].lo != items[y].lo {
			return items[x].lo < items[y].lo
		}
		return items[x].idx < items[y].idx
	})
	out := make([]uint64, 0, len(items))
	for a := range items {
		end, ia := items[a].hi, uint64(items[a].idx)
		for b := a + 1; b < len(items) && uint64(items[b].lo) < end; b++ {
			ib := uint64(items[b].idx)
			if ia < ib {
				out = append(out, ia<<32|ib)
			} else {
				out = append(out, ib<<32|ia)
			}
		}
	}
	sort.Slice(out, func(x, y int) bool { return out[x] < out[y] })
	return out, nil
}

func cpu() time.Duration {
	var r syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &r)
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

func median(xs []float64) float64 {
	sort.Float64s(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m]) / 2
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: overlap-go OUT INPUT")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	first, err := pairs(lines)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Warm-up as the JavaScript harness does: up to 5 runs or 2 s.
	t0 := time.Now()
	for w := 1; w < 5 && time.Since(t0) < 2*time.Second; w++ {
		_, _ = pairs(lines)
	}
	var walls, cpus []float64
	spent := time.Duration(0)
	for len(walls) < 5 && (len(walls) == 0 || spent < 6*time.Second) {
		runtime.GC()
		c, t := cpu(), time.Now()
		_, _ = pairs(lines)
		wall := time.Since(t)
		used := cpu() - c
		walls = append(walls, float64(wall.Microseconds())/1000)
		cpus = append(cpus, float64(used.Microseconds())/1000)
		spent += wall
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriter(f)
	buf := make([]byte, 0, 32)
	for _, code := range first {
		buf = strconv.AppendUint(buf[:0], code>>32, 10)
		buf = append(buf, ' ')
		buf = strconv.AppendUint(buf, code&0xffffffff, 10)
		buf = append(buf, '\n')
		_, _ = w.Write(buf)
	}
	_ = w.Flush()
	_ = f.Close()
	res, _ := json.Marshal(map[string]any{"ms": median(walls), "cpuMs": median(cpus), "runs": len(walls)})
	fmt.Println(string(res))
}
