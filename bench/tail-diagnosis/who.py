#!/usr/bin/env python3
"""who.py RUNDIR STAGE_TID T0 T1: CPU time by thread (comm) on each CPU while the stage thread was off-CPU
but runnable (preempted), between T0 and T1 seconds (CLOCK_MONOTONIC), and over the whole window."""
import sys, re, subprocess, collections
d, tid, T0, T1 = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
out = subprocess.run(["perf", "script", "-i", f"{d}/sw.data", "-F", "cpu,time,trace"], capture_output=True, text=True).stdout
running = {}   # cpu -> (since, comm, pid)
preempted_since = None
during = collections.Counter(); whole = collections.Counter(); prempt_total = 0
for line in out.splitlines():
    m = re.search(r"\[(\d+)\]\s+([\d.]+): .*prev_comm=(.*) prev_pid=(\d+) .*prev_state=(\S+) ==> next_comm=(.*) next_pid=(\d+)", line)
    if not m:
        continue
    cpu = int(m.group(1)); ts = float(m.group(2)); pcomm, ppid, pst, ncomm, npid = m.group(3), int(m.group(4)), m.group(5), m.group(6), int(m.group(7))
    if ts < T0 or ts > T1:
        running[cpu] = (ts, ncomm, npid)
        if ppid == tid: preempted_since = ts if pst.startswith("R") else None
        if npid == tid: preempted_since = None
        continue
    if cpu in running:
        since, comm, pid = running[cpu]
        whole[f"{comm}:{pid}"] += ts - since
        if preempted_since is not None:
            during[f"{comm}:{pid}"] += ts - max(since, preempted_since)
    if ppid == tid:
        preempted_since = ts if pst.startswith("R") else None
    if npid == tid and preempted_since is not None:
        prempt_total += ts - preempted_since
        preempted_since = None
    running[cpu] = (ts, ncomm, npid)
print(f"stage thread preempted {prempt_total*1e3:.1f} ms in {T0}-{T1}; CPU time on both CPUs meanwhile (ms):")
for c, v in during.most_common(12): print(f"  {c:24s} {v*1e3:8.1f}")
print("whole window, CPU time by thread (ms):")
for c, v in whole.most_common(15): print(f"  {c:24s} {v*1e3:8.1f}")
