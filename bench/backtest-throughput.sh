#!/usr/bin/env bash
# Backtest and replay throughput on one large synthetic journal (bench/README.md, "Backtest throughput").
# Usage: bench/backtest-throughput.sh [EVENTS] [WORK_DIR]   (default 5000000 events under /tmp/skytrade-bt)
#   1. `skytrade journal synth` writes EVENTS inputs (books, trades, observations, timers,
#      settlements of the synthetic world) with config/default.yaml;
#   2. backtest --fills model of that journal (fill model + every stage + journaling the backtest's own run),
#      and the same with --no-journal;
#   3. replay --verify of the backtest's run directory (Disruptor pipeline, configured layout, every
#      decision compared), and backtest --fills journal of the same run directory (the same inputs
#      through the inline backtest pipeline, reproducing it): the like-for-like comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-5000000}"
work="${2:-/tmp/skytrade-bt}"
rm -rf "$work" && mkdir -p "$work"
bin/skytrade journal synth --events "$events" --config config/default.yaml --journal "$work/source"
source_run=$(ls -d "$work"/source/*/)
echo "== backtest --fills model of $source_run"
bin/skytrade backtest --journal "$source_run" --out "$work/model" 2>/dev/null | grep -E 'replayedInputs|decisions|orders|fills|eventsPerSecond|run directory'
echo "== backtest --no-journal of $source_run (the same backtest without journaling its own run)"
bin/skytrade backtest --no-journal --no-report --journal "$source_run" --out "$work/bare" 2>/dev/null | grep -E 'replayedInputs|decisions|orders|fills|eventsPerSecond'
model_run=$(ls -d "$work"/model/*/)
echo "== replay --verify of $model_run"
bin/skytrade replay --verify --journal "$model_run" 2>&1 | tail -1
echo "== backtest --fills journal of $model_run"
bin/skytrade backtest --fills journal --journal "$model_run" --out "$work/journal-fills" 2>/dev/null | grep -E 'replayedInputs|decisions|orders|fills|eventsPerSecond'
du -sh "$source_run" "$model_run"
