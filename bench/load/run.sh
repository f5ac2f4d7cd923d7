#!/usr/bin/env bash
# Load test over real HTTP: builds the host and the load tool, starts one and then two hosts on free loopback ports
# with a temp data directory, drives N simulated migrants through Direct Line, prints one table.
# Usage: bench/load/run.sh N [TURNS_PER_CONVERSATION] [CONCURRENCY]
#   INSTANCES="1 2"        which instance counts to run (default both)
#   PROVIDER=litedb        storage provider; "postgres" passes IntegrationBot__Storage__ConnectionString through to
#                          both hosts so they share one database (LiteDB hosts each get their own file: it is locked)
#   TRANSPORT=websocket    or "polling" (GET activities every 10 ms)
#   CHANNEL=directline     or "telegram": migrants post updates to the hosts' webhook (/api/telegram, with the secret
#                          header) and the hosts' Telegram client answers through a fake Bot API the load tool serves
#   MAX_SECONDS=300        hard stop for each run
#   DATA_ROOT=/tmp         where the temp data directory goes (/dev/shm shows the cost without disk flushes)
#   THINK_MS=0             pause of each migrant between its questions (open-loop-like load; see docs/benchmarks.md)
#   TOOL_ARGS=""           further load tool options
#   HOST_ENV=""            further NAME=VALUE settings for the hosts only (e.g. DOTNET_GCgen0size=0x4000000)
#   LOG_DIR=               when set, the hosts' logs and the tool's JSON report are copied there
# Every simulated migrant posts from 127.0.0.1, so the hosts started here get per-IP and per-user message limits
# high enough for the run (IntegrationBot__Limits__*); the defaults (300 per IP, 30 per user per minute) protect real
# deployments and are not changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:?usage: bench/load/run.sh N [TURNS] [CONCURRENCY]}"
turns="${2:-5}"
concurrency="${3:-$n}"
instances="${INSTANCES:-1 2}"
provider="${PROVIDER:-litedb}"
transport="${TRANSPORT:-websocket}"
channel="${CHANNEL:-directline}"
max_seconds="${MAX_SECONDS:-300}"
think_ms="${THINK_MS:-0}"

# The host as a server runs it (README "Deploy"): published for this machine's runtime identifier, with ReadyToRun code.
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
echo "publishing Bot ($rid, ReadyToRun) and building bench/LoadTool (Release) ..." >&2
dotnet publish "$root/Bot" -c Release -r "$rid" -v quiet -nologo >&2
dotnet build "$root/bench/LoadTool" -c Release -v quiet -nologo >&2
host_dll="$root/Bot/bin/Release/net10.0/$rid/publish/IntegrationBot.Bot.dll"
tool_dll="$root/bench/LoadTool/bin/Release/net10.0/IntegrationBot.LoadTool.dll"

work="$(mktemp -d -p "${DATA_ROOT:-${TMPDIR:-/tmp}}")"
pids=()
cleanup() {
  if [ -n "${LOG_DIR:-}" ]; then mkdir -p "$LOG_DIR" && cp "$work"/*.log "$work"/*.json "$LOG_DIR"/ 2>/dev/null || true; fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
secret="load-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Telegram: the token and webhook secret the hosts get, and the port of the load tool's fake Bot API.
telegram_env=(); telegram_args=()
if [ "$channel" = "telegram" ]; then
  tg_port="$(free_port)"
  tg_token="123456:LOAD-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  tg_secret="load-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  telegram_env=(
    "IntegrationBot__Channels__Telegram__Token=$tg_token"
    "IntegrationBot__Channels__Telegram__WebhookSecret=$tg_secret"
    "IntegrationBot__Channels__Telegram__ApiBaseUrl=http://127.0.0.1:$tg_port"
    "IntegrationBot__Limits__WebhookCallsPerIpPerMinute=1000000"
    # The send pacing (25 messages/s overall by default: Telegram's real limit) would cap a run at ~13 turns/s and
    # measure the pacer, not the host; the fake Bot API has no limit. Set these variables to measure with pacing.
    "IntegrationBot__Channels__Telegram__Pacing__MessagesPerSecond=${IntegrationBot__Channels__Telegram__Pacing__MessagesPerSecond:-1000000}"
    "IntegrationBot__Channels__Telegram__Pacing__PerChatPerSecond=${IntegrationBot__Channels__Telegram__Pacing__PerChatPerSecond:-1000000}"
    "IntegrationBot__Channels__Telegram__Pacing__PerChatBurst=${IntegrationBot__Channels__Telegram__Pacing__PerChatBurst:-1000}"
  )
  telegram_args=(--channel telegram --telegram-api-port "$tg_port" --telegram-token "$tg_token" --telegram-secret "$tg_secret")
fi

start_host() { # $1 = instance number; prints "pid url"
  local port url data
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  data="$work/data-$1"
  [ "$provider" = "postgres" ] && data="$work/data-shared"
  IntegrationBot__Storage__Provider="$provider" \
  IntegrationBot__Limits__MessagesPerIpPerMinute=1000000 \
  IntegrationBot__Limits__MessagesPerUserPerMinute=100000 \
  IntegrationBot__Channels__WebChat__TokensPerIpPerMinute=100000 \
  IntegrationBot__Limits__DirectLineRequestsPerIpPerMinute=1000000 \
  IntegrationBot__Channels__WebChat__MaxStreamsPerIp=100000 \
  IntegrationBot__Channels__WebChat__MaxConversationsPerIpPerHour=100000 \
  IntegrationBot__Storage__Path="$data" \
  IntegrationBot__Channels__WebChat__Secret="$secret" \
  ASPNETCORE_ENVIRONMENT=Production \
    env ${telegram_env[@]+"${telegram_env[@]}"} ${HOST_ENV:-} dotnet "$host_dll" --urls "$url" >"$work/host-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    if curl -fsS "$url/health" >/dev/null 2>&1; then echo "$pid $url"; return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "host $1 exited; its log:" >&2; cat "$work/host-$1.log" >&2; return 1; }
    sleep 0.1
  done
  echo "host $1 did not answer /health within 60 s" >&2
  return 1
}

rows=()
for count in $instances; do
  urls=(); run_pids=()
  for i in $(seq 1 "$count"); do
    read -r pid url < <(start_host "$i")
    pids+=("$pid"); run_pids+=("$pid"); urls+=("$url")
  done
  label="$provider, $transport"
  [ "$channel" = "telegram" ] && label="$provider, telegram"
  row="$(dotnet "$tool_dll" \
    --base-url "$(IFS=,; echo "${urls[*]}")" --host-pid "$(IFS=,; echo "${run_pids[*]}")" --secret "$secret" \
    --conversations "$n" --concurrency "$concurrency" --turns "$turns" --transport "$transport" \
    --max-seconds "$max_seconds" --think-ms "$think_ms" ${telegram_args[@]+"${telegram_args[@]}"} ${TOOL_ARGS:-} --questions "$root/Knowledge/eval/parts" --label "$label" 2>"$work/tool.json")" \
    || { echo "load tool failed:" >&2; cat "$work/tool.json" >&2; }
  rows+=("$row")
  # Say why conversations failed, and what the hosts logged as errors (kinds only, never message text).
  grep -o '"Failures":"[^"]*"' "$work/tool.json" >&2 || true
  for i in $(seq 1 "$count"); do
    grep -E "^(fail|crit):" "$work/host-$i.log" | sort | uniq -c | sort -rn | head -4 >&2 || true
    grep -oE "^\s*[A-Za-z.]+(Exception|Error)\b" "$work/host-$i.log" | sort | uniq -c | sort -rn | head -4 >&2 || true
    grep -m3 -E "^\s+at IntegrationBot\." "$work/host-$i.log" >&2 || true
  done
  for pid in "${run_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
done

echo
echo "Load: $n conversations, $turns questions each, $concurrency at a time (nproc $(nproc))"
echo "| run | instances | conversations | concurrent | turns | failed | turns/s | p50 ms | p95 ms | p99 ms | host CPU s | host cores | tool CPU s | tool cores | machine busy cores | peak RSS MB | open s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
