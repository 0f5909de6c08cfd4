#!/usr/bin/env python3
"""analyze.py RUNDIR SCENARIO STAGE_TID [TOUCHER_TID]: what the slow events of one harness scenario overlapped.
Episodes: maximal runs of consecutive events (completion order) with latency above THRESH; each episode's window
[first publish, last completion] is compared with safepoints (sp.log, tn), the stage thread's off-CPU intervals
(sched_switch, by state), its page faults (pf.data) and JIT events (jit.log).
mech.py RUNDIR names each scenario's stage thread (most switches in its window) and page toucher (tids).
Environment: THRESH_US (episode threshold, 30), TOP (episodes listed, 15)."""
import sys, re, subprocess, numpy as np, collections, os
d, sc, tid = sys.argv[1], sys.argv[2], int(sys.argv[3])
toucher = int(sys.argv[4]) if len(sys.argv) > 4 else -1
THRESH = float(os.environ.get("THRESH_US", "30")) * 1000
t = np.fromfile(f"{d}/{sc}-100000.trace", dtype=">i8").reshape(-1, 3).astype(np.int64)
intd, pub, done = t[:, 0], t[:, 1], t[:, 2]
lat = done - pub
n = len(lat)
p99, p999 = np.percentile(lat, 99), np.percentile(lat, 99.9)
t0, t1 = pub.min(), done.max()
print(f"{sc}: {n} events, p50 {np.percentile(lat,50)/1e3:.1f} p99 {p99/1e3:.1f} p99.9 {p999/1e3:.1f} max {lat.max()/1e3:.1f} us; window {t0/1e9:.3f}-{t1/1e9:.3f} s")
# safepoints
sps = []
for line in open(f"{d}/sp.log"):
    m = re.match(r"\[(\d+)ns\].*Safepoint \"(\w+)\".*Reaching safepoint: (\d+) ns.*Total: (\d+) ns", line)
    if m:
        end = int(m.group(1)); tot = int(m.group(4))
        sps.append((end - tot, end, m.group(2), int(m.group(3))))
sps_in = [s for s in sps if s[1] > t0 and s[0] < t1]
print(f"safepoints in window: {len(sps_in)}, total {sum(s[1]-s[0] for s in sps_in)/1e6:.2f} ms, max {max([s[1]-s[0] for s in sps_in], default=0)/1e6:.2f} ms, "
      f"kinds {collections.Counter(s[2] for s in sps_in).most_common()}, max TTSP {max([s[3] for s in sps_in], default=0)/1e3:.0f} us")
# sched switches of the stage thread
def script(f, fields):
    out = subprocess.run(["perf", "script", "-i", f, "-F", fields], capture_output=True, text=True).stdout
    return out.splitlines()
off = []  # (start, end, state)
cur = None
curstate = None
for line in script(f"{d}/sw.data", "time,trace"):
    m = re.search(r"([\d.]+): .*prev_pid=(\d+) .*prev_state=(\S+) ==> .*next_pid=(\d+)", line)
    if not m:
        continue
    ts = int(round(float(m.group(1)) * 1e9)); pp = int(m.group(2)); st = m.group(3); np_ = int(m.group(4))
    if pp == tid:
        cur, curstate = ts, st
    elif np_ == tid and cur is not None:
        off.append((cur, ts, curstate)); cur = None
off = np.array([(a, b) for a, b, s in off]), [s for a, b, s in off]
offiv, offst = off
faults = []
for line in script(f"{d}/pf.data", "tid,time,trace"):
    m = re.search(r"^\s*(\d+)\s+([\d.]+): .*address=(0x[0-9a-f]+).*error_code=(0x[0-9a-f]+)", line)
    if m and int(m.group(1)) in (tid, toucher):
        faults.append((int(m.group(1)), int(round(float(m.group(2)) * 1e9)), int(m.group(3), 16), m.group(4)))
sf = np.array([f[1] for f in faults if f[0] == tid])
tf = np.array([f[1] for f in faults if f[0] == toucher])
print(f"stage thread: {len(sf)} page faults in all ({np.sum((sf>t0)&(sf<t1))} in window); toucher {np.sum((tf>t0)&(tf<t1))} in window")
inwin = [(a, b, s) for (a, b), s in zip(offiv, offst) if b > t0 and a < t1]
bystate = collections.defaultdict(list)
for a, b, s in inwin:
    bystate[s].append(b - a)
for s, v in bystate.items():
    v = np.array(v)
    print(f"stage thread off-CPU state {s}: {len(v)} times, total {v.sum()/1e6:.1f} ms, p99 {np.percentile(v,99)/1e3:.0f} us, max {v.max()/1e3:.0f} us, >100us: {np.sum(v>1e5)} ({v[v>1e5].sum()/1e6:.1f} ms)")
jit_c, jit_d = [], []
if os.path.exists(f"{d}/jit.log"):
    for line in open(f"{d}/jit.log"):
        m = re.match(r"\[(\d+)ns\]", line)
        if m:
            (jit_d if "made not entrant" in line else jit_c).append(int(m.group(1)))
jit_c = np.array(sorted(jit_c)); jit_d = np.array(sorted(jit_d))
print(f"JIT in window: {np.sum((jit_c>t0)&(jit_c<t1))} compilations, {np.sum((jit_d>t0)&(jit_d<t1))} made not entrant")
# episodes
slow = lat > THRESH
eps = []
i = 0
while i < n:
    if slow[i]:
        j = i
        while j + 1 < n and slow[j + 1]:
            j += 1
        eps.append((i, j))
        i = j + 1
    else:
        i += 1
import bisect
def overlap(a, b, ivs):
    tot = 0
    for x, y in ivs:
        if y > a and x < b:
            tot += min(b, y) - max(a, x)
    return tot
offsorted = sorted(zip([int(x) for x, y in offiv], [int(y) for x, y in offiv], offst))
offstarts = [o[0] for o in offsorted]
MAXOFF = max([o[1]-o[0] for o in offsorted], default=0)
rows = []
above99 = np.sum(lat > p99); above999 = np.sum(lat > p999)
cause99 = collections.Counter(); cause999 = collections.Counter()
for i, j in eps:
    a, b = pub[i:j+1].min(), done[i:j+1].max()
    sp = overlap(a, b, [(s[0], s[1]) for s in sps_in])
    offs = collections.Counter()
    k = bisect.bisect_left(offstarts, a - MAXOFF)
    while k < len(offsorted) and offsorted[k][0] < b:
        x, y, s = offsorted[k]
        if y > a:
            offs[s] += min(b, y) - max(a, x)
        k += 1
    nf = int(np.sum((sf > a) & (sf < b))) if len(sf) else 0
    njc = int(np.sum((jit_c > a - 2_000_000) & (jit_c < b))) if len(jit_c) else 0
    njd = int(np.sum((jit_d > a - 2_000_000) & (jit_d < b))) if len(jit_d) else 0
    k99 = int(np.sum(lat[i:j+1] > p99)); k999 = int(np.sum(lat[i:j+1] > p999))
    # primary cause: the largest of the overlaps; 'running' if none covers half the episode's peak
    peak = lat[i:j+1].max()
    cands = {"safepoint": sp, "preempted(R)": offs.get("R", 0) + offs.get("R+", 0), "blocked(D)": offs.get("D", 0),
             "sleeping(S)": offs.get("S", 0)}
    c = max(cands, key=cands.get)
    if cands[c] < 0.3 * peak:
        c = "on-CPU" + (" after deopt" if njd > 0 else " while compiling" if njc > 0 else "") + (" with faults" if nf > 0 else "")
    cause99[c] += k99; cause999[c] += k999
    rows.append((peak, a, b, j - i + 1, k99, sp, dict(offs), f"{nf}f/{njc}c/{njd}d", c))
print(f"episodes above {THRESH/1e3:.0f} us: {len(eps)}; events above p99: {above99}, above p99.9: {above999}")
print("share of events above p99 by episode cause:", {k: f"{v/above99:.0%}" for k, v in cause99.most_common()})
print("share of events above p99.9 by episode cause:", {k: f"{v/max(1,above999):.0%}" for k, v in cause999.most_common()})
rows.sort(reverse=True)
print("worst episodes: peak_us start_s dur_us events >p99 safepoint_us offcpu_us{state} faults/compiles/deopts(-2ms) cause")
for r in rows[:int(os.environ.get("TOP", "15"))]:
    print(f"  {r[0]/1e3:9.0f} {r[1]/1e9:.4f} {(r[2]-r[1])/1e3:8.0f} {r[3]:6d} {r[4]:6d} {r[5]/1e3:8.0f} {{{', '.join(f'{k}:{v/1e3:.0f}' for k,v in r[6].items())}}} {r[7]} {r[8]}")
