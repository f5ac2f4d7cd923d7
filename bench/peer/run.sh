#!/usr/bin/env bash
# Peer comparison, side by side in one run: the same flow (greeting -> choice prompt -> waterfall -> answer) on Bot
# Framework's JavaScript SDK (TestAdapter + MemoryStorage) and on IntegrationBot in-process (memory, LiteDB file).
# Usage: bench/peer/run.sh [CONVERSATIONS=300] [TURNS_PER_CONVERSATION=6] [WARMUP_CONVERSATIONS=50]
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
js="$(node "$here/peer-bot.js" "${args[@]}")"
memory="$(dotnet "$ours" timed --bot peer --storage memory "${args[@]}")"
litedb="$(dotnet "$ours" timed --bot peer --storage litedb --data-root "$data_root" "${args[@]}")"

node - "$js" "$memory" "$litedb" <<'NODE'
const rows = process.argv.slice(2).map((line) => JSON.parse(line));
const peer = rows[0].turnsPerSecond;
console.log(`\nPeer flow: ${rows[0].conversations} conversations x ${rows[0].turns / rows[0].conversations} turns, sequential, after warm-up`);
console.log('| runtime | storage | turns | replies | seconds | turns/s | mean µs/turn | vs botbuilder-js |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const [name, storage] = r.runtime.startsWith('botbuilder') ? ['botbuilder-js 4.x', 'MemoryStorage'] : ['IntegrationBot', r.runtime.replace('integrationbot-', '')];
  console.log(`| ${name} | ${storage} | ${r.turns} | ${r.replies} | ${r.seconds} | ${r.turnsPerSecond} | ${r.meanMicroseconds} | ${(r.turnsPerSecond / peer).toFixed(2)}x |`);
}
NODE
