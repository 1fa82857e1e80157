#!/usr/bin/env bash
# Signed WhatsApp webhook ingest: the bot (release build, --mode whatsapp) against the minimal
# Flask receiver in flask_receiver.py, the same pre-signed requests from wrk, one after the
# other on this machine. Needs wrk (apt-get install wrk) and Flask (pip install flask).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${SECONDS_EACH:-15}
CONNECTIONS=${CONNECTIONS:-32}
work=$(mktemp -d)
export WHATSAPP_APP_SECRET=bench-app-secret
python3 bench/make_bodies.py "$WHATSAPP_APP_SECRET" 200000 "$work/bodies.txt"
export BODIES="$work/bodies.txt"
swift build -c release --product launcher >/dev/null
swift build -c release --product emulator-bench >/dev/null
# The bot's replies go to an emulated Graph API that accepts them, as Meta's would.
.build/release/emulator-bench serve-whatsapp > "$work/graph.txt" &
graph=$!
sleep 1
GRAPH=$(head -1 "$work/graph.txt")

run() {  # name, port
  sleep 2
  echo "== $1"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s bench/wrk_post.lua "http://127.0.0.1:$2" \
    | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|requests in"
}

bot() {  # name, port, extra environment
  env DATA_DIR="$work/bot$2" LOG_DIR="$work/bot$2" LOG_LEVEL=warning MESSAGING_HOST=127.0.0.1 MESSAGING_PORT=$2 \
    WHATSAPP_PHONE_NUMBER_ID=106540352242922 WHATSAPP_ACCESS_TOKEN=bench WHATSAPP_API_BASE="$GRAPH" MAX_INBOX=1000000 $3 \
    .build/release/launcher --mode whatsapp 2>/dev/null &
  local pid=$!
  run "$1" "$2"
  kill -TERM $pid; wait $pid || true
}
# The same work as the Flask receiver: verify, parse, store, answer (turns paused).
bot "bot, ingest only (Swift, Hummingbird, SQLite WAL synchronous=FULL)" 5091 INBOX_PAUSED=true
# Everything at once on the same cores: ingest, turns, and replies sent to the Graph emulator.
bot "bot, ingest while answering every message" 5093 ""

python3 bench/flask_receiver.py 5092 "$work/flask.sqlite" >/dev/null 2>&1 &
flask=$!
run "Flask receiver (same work)" 5092
kill $flask; wait $flask 2>/dev/null || true
kill $graph 2>/dev/null || true
rm -rf "$work"
