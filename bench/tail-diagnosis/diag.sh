#!/usr/bin/env bash
# diag.sh OUT JAR SCENARIOS [extra JVM flags...]: one LatencyHarness run (100k inputs/s, 8 s after 2 s warm-up)
# with what a tail needs to be placed in time, all on CLOCK_MONOTONIC (= System.nanoTime):
#   OUT/<scenario>-100000.trace  per-event intended/publish/completion times (--trace)
#   OUT/sp.log, gc.log, jit.log  safepoints, GC and JIT compilations/deoptimisations (-Xlog decorator tn)
#   OUT/sw.data                  every scheduler switch on the host (perf, sched:sched_switch, -a)
#   OUT/pf.data                  every user page fault of the JVM (perf, exceptions:page_fault_user) unless PF=0
# BOOST=1 runs the JVM in its own autogroup at nice -20 (root only): the other sessions' builds then take
# less of its CPU (the host is shared; say so with every figure). Needs tracefs mounted for the tracepoints:
#   mount -t tracefs nodev /sys/kernel/tracing
set -u
out=$1; jar=$2; sc=$3; shift 3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
journal="${JOURNAL_DIR:-/tmp/skytrade-tail-journal}"
mkdir -p "$out"; rm -rf "$journal"; mkdir -p "$journal"
uptime > "$out/uptime.txt"
setsid ${BOOST:+nice -n -20} java @"$root/bin/jvm.options" -Xms1g -Xmx1g "$@" \
  -Xlog:safepoint=info:file="$out/sp.log":tn,level,tags -Xlog:gc*=info:file="$out/gc.log":tn,level,tags \
  -Xlog:jit+compilation=debug:file="$out/jit.log":tn \
  -cp "$jar" io.skytrade.bench.LatencyHarness --seconds 8 --rates 100000 --observation-every 1000 --disk "$journal" \
  --scenarios "$sc" --reps 0 --trace "$out" > "$out/out.txt" 2>&1 &
pid=$!
sleep 0.2
[ -n "${BOOST:-}" ] && echo -20 > /proc/$pid/autogroup
sleep 1
p1=
if [ "${PF:-1}" = 1 ]; then
  perf record -q -k CLOCK_MONOTONIC -e exceptions:page_fault_user -p $pid -o "$out/pf.data" >/dev/null 2>&1 & p1=$!
fi
perf record -q -k CLOCK_MONOTONIC -e sched:sched_switch -a -o "$out/sw.data" >/dev/null 2>&1 & p2=$!
wait $pid
kill -INT $p1 $p2 2>/dev/null; wait $p1 $p2 2>/dev/null
uptime >> "$out/uptime.txt"
grep -v WARN "$out/out.txt"
