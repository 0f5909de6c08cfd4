#!/usr/bin/env python3
"""Pools evaluate runs' fair-value cells over all their days: fair/mid RMSE ratio per product and horizon,
a bootstrap over days (2,000 resamples, 5-95%), the share of resamples above the bar, and the blended RMS z.
Usage: fairvalue-pool.py BAR A/evaluation.json [B/evaluation.json ...]   (BAR: 0.9 medium, 1.05 sharp)"""
import json, math, random, sys

BAR = float(sys.argv[1])
cells = {}
for f in sys.argv[2:]:
    for day in json.load(open(f))['days']:
        for r in day['fairValues']:
            if r.get('mid') is None or r.get('fair') is None:
                continue
            s = r['settlementValue']
            z = (r['fair'] - s) / r['std'] if r.get('std') else None
            cells.setdefault((r['product'], r['horizon']), []).append(((r['fair'] - s) ** 2, (r['mid'] - s) ** 2, z))
random.seed(1)
print("product    horizon   n  ratio  [5%-95%]       P(>bar) rms_z")
for (p, h), c in cells.items():
    if h not in ('2h', '1h', '30m'):
        continue
    n = len(c)
    ratio = math.sqrt(sum(x[0] for x in c) / sum(x[1] for x in c))
    boot = sorted(math.sqrt(sum(x[0] for x in s) / sum(x[1] for x in s))
                  for s in ([c[random.randrange(n)] for _ in range(n)] for _ in range(2000)))
    zs = [x[2] for x in c if x[2] is not None]
    rmsz = math.sqrt(sum(v * v for v in zs) / len(zs)) if zs else float('nan')
    print(f"{p:10s} {h:5s} {n:4d}  {ratio:.3f}  [{boot[100]:.3f}-{boot[1900]:.3f}]  {sum(b > BAR for b in boot) / 2000:.2f}    {rmsz:.2f}")
