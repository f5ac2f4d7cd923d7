#!/usr/bin/env bash
# Peer comparison, side by side in one run: the same flow (greeting -> choice prompt -> waterfall -> answer) on Bot
# Framework's JavaScript SDK (TestAdapter + MemoryStorage) and on IntegrationBot in-process (memory, LiteDB file).
# Usage: [ROUNDS=3] bench/peer/run.sh [CONVERSATIONS=300] [TURNS_PER_CONVERSATION=6] [WARMUP_CONVERSATIONS=50]
# Prints a table of medians over ROUNDS alternating rounds; the ratio to botbuilder-js is by CPU time per turn (steady on a
# busy machine) and by wall time.
# The npm packages are installed here at run time into bench/peer/node_modules (gitignored), never committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
conversations="${1:-300}"
turns="${2:-6}"
warmup="${3:-50}"

if [ ! -d "$here/node_modules/botbuilder-dialogs" ]; then
  echo "installing botbuilder + botbuilder-dialogs (npm) ..." >&2
  # botbuilder-dialogs' postinstall calls npx; npm_config_yes lets it run without a question.
  (cd "$here" && npm_config_yes=true npm install --no-audit --no-fund --loglevel=error >&2)
fi

echo "building bench/Turn.Benchmarks (Release) ..." >&2
dotnet build "$root/bench/Turn.Benchmarks" -c Release -v quiet -nologo >&2
ours="$root/bench/Turn.Benchmarks/bin/Release/net10.0/IntegrationBot.Turn.Benchmarks.dll"
data_root="$(mktemp -d)"
trap 'rm -rf "$data_root"' EXIT

args=(--conversations "$conversations" --turns "$turns" --warmup "$warmup")
run_one() {
  case "$1" in
    js) node "$here/peer-bot.js" "${args[@]}" ;;
    memory) dotnet "$ours" timed --bot peer --storage memory "${args[@]}" ;;
    litedb) dotnet "$ours" timed --bot peer --storage litedb --data-root "$data_root" "${args[@]}" ;;
  esac
}

# Several rounds, the order turned around every round (js, memory, litedb; then litedb, memory, js; ...), so a burst of
# other work on a shared machine falls on each runtime alike; the table reports medians over the rounds.
rounds="${ROUNDS:-3}"
lines=()
for round in $(seq 1 "$rounds"); do
  order=(js memory litedb)
  if [ $((round % 2)) -eq 0 ]; then order=(litedb memory js); fi
  for runtime in "${order[@]}"; do
    echo "round $round/$rounds: $runtime ..." >&2
    lines+=("$(run_one "$runtime")")
  done
done

node - "${lines[@]}" <<'NODE'
// Every line must be JSON with finite numbers or null; a line that is not says which one, instead of a bare SyntaxError.
const rows = process.argv.slice(2).map((line) => {
  try {
    return JSON.parse(line);
  } catch (error) {
    console.error(`not a JSON line from a timed run: ${line}`);
    throw error;
  }
});
const median = (values) => {
  const known = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  return known.length === 0 ? null : known[Math.ceil(0.5 * known.length) - 1];
};
const show = (v, decimals = 1) => (v === null ? 'n/a' : v.toFixed(decimals));
const byRuntime = new Map();
for (const r of rows) {
  byRuntime.set(r.runtime, [...(byRuntime.get(r.runtime) ?? []), r]);
}
const summary = [...byRuntime].map(([runtime, rs]) => ({
  runtime,
  turns: rs[0].turns,
  rounds: rs.length,
  turnsPerSecond: median(rs.map((r) => r.turnsPerSecond)),
  mean: median(rs.map((r) => r.meanMicroseconds)),
  median: median(rs.map((r) => r.medianMicroseconds)),
  cpu: median(rs.map((r) => r.cpuMicroseconds)),
}));
const peer = summary.find((s) => s.runtime.startsWith('botbuilder'));
const ratio = (ours, theirs) => (ours === null || theirs === null || ours === 0 ? 'n/a' : `${(theirs / ours).toFixed(2)}x`);
console.log(`\nPeer flow: ${rows[0].conversations} conversations x ${rows[0].turns / rows[0].conversations} turns, sequential, after warm-up; medians of ${summary[0].rounds} alternating rounds`);
console.log('| runtime | storage | turns | turns/s | mean µs/turn | median µs/turn | CPU µs/turn | vs botbuilder-js (CPU) | vs botbuilder-js (wall) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const s of summary) {
  const [name, storage] = s.runtime.startsWith('botbuilder') ? ['botbuilder-js 4.x', 'MemoryStorage'] : ['IntegrationBot', s.runtime.replace('integrationbot-', '')];
  console.log(`| ${name} | ${storage} | ${s.turns} | ${show(s.turnsPerSecond, 0)} | ${show(s.mean)} | ${show(s.median)} | ${show(s.cpu)} | ${ratio(s.cpu, peer.cpu)} | ${ratio(s.mean, peer.mean)} |`);
}
NODE
