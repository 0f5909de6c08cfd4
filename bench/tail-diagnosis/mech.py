#!/usr/bin/env python3
"""mech.py RUNDIR: per scenario window (from the traces), the stage thread's preempted time, the CPU the page
toucher took meanwhile, the toucher's total CPU, the stage thread's page faults, and p99/p99.9."""
import sys, re, subprocess, collections, glob, numpy as np
d = sys.argv[1]
sw = subprocess.run(["perf", "script", "-i", f"{d}/sw.data", "-F", "cpu,time,trace"], capture_output=True, text=True).stdout.splitlines()
pf = subprocess.run(["perf", "script", "-i", f"{d}/pf.data", "-F", "tid,time"], capture_output=True, text=True).stdout.splitlines()
ev = []
jt = collections.OrderedDict()
for line in sw:
    m = re.search(r"\[(\d+)\]\s+([\d.]+): .*prev_comm=(.*) prev_pid=(\d+) .*prev_state=(\S+) ==> next_comm=(.*) next_pid=(\d+)", line)
    if not m: continue
    ev.append((float(m.group(2)), int(m.group(1)), int(m.group(4)), m.group(5), int(m.group(7))))
    if m.group(6) == "skytrade-journa": jt[int(m.group(7))] = jt.get(int(m.group(7)), 0) + 1
faults = [(int(l.split()[0]), float(l.split()[1].rstrip(":"))) for l in pf if l.strip()]
tids = sorted(jt)
for f in sorted(glob.glob(f"{d}/*.trace")):
    t = np.fromfile(f, dtype=">i8").reshape(-1, 3)
    lat = t[:, 2] - t[:, 1]; t0, t1 = t[:, 1].min() / 1e9, t[:, 2].max() / 1e9
    # threads of this scenario: those switched in during the window; the stage thread has the most switches
    active = collections.Counter(e[4] for e in ev if t0 <= e[0] <= t1 and e[4] in jt)
    stage = active.most_common(1)[0][0]
    helpers = [x for x in active if x != stage and x < stage]
    toucher = max(helpers, key=lambda x: active[x]) if helpers else -1
    on = {}; pre_since = None; pre = 0.0; toucher_during = 0.0; toucher_cpu = 0.0
    for ts, cpu, pp, st, nn in ev:
        if cpu in on:
            since, who = on[cpu]
            if t0 <= ts <= t1:
                if who == toucher:
                    toucher_cpu += ts - max(since, t0)
                    if pre_since is not None: toucher_during += ts - max(since, pre_since, t0)
        if pp == stage: pre_since = ts if st.startswith("R") else None
        if nn == stage and pre_since is not None:
            if t0 <= ts <= t1: pre += ts - max(pre_since, t0)
            pre_since = None
        on[cpu] = (ts, nn)
    sf = sum(1 for tid, ts in faults if tid == stage and t0 <= ts <= t1)
    tf = sum(1 for tid, ts in faults if tid == toucher and t0 <= ts <= t1)
    print(f"{f.split('/')[-1]:22s} p50 {np.percentile(lat,50)/1e3:7.1f} p99 {np.percentile(lat,99)/1e3:8.1f} p99.9 {np.percentile(lat,99.9)/1e3:8.1f} us | stage preempted {pre*1e3:6.1f} ms, toucher ran meanwhile {toucher_during*1e3:6.1f} ms | toucher CPU {toucher_cpu*1e3:6.1f} ms | faults stage {sf} toucher {tf} (tids {stage}/{toucher})")
