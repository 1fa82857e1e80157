"""The comparison for the ingest benchmark: a minimal Flask receiver doing the same work as
the bot's webhook — verify X-Hub-Signature-256, parse the JSON, store each message in SQLite
(WAL, synchronous=FULL, one row per wamid), answer 200."""
import hashlib, hmac, json, os, sqlite3, sys, threading
from flask import Flask, request

SECRET = os.environ["WHATSAPP_APP_SECRET"].encode()
DB = sys.argv[2] if len(sys.argv) > 2 else "/tmp/flask-inbox.sqlite"
app = Flask(__name__)
local = threading.local()

def db():
    if not hasattr(local, "conn"):
        local.conn = sqlite3.connect(DB, timeout=30)
        local.conn.execute("PRAGMA journal_mode=WAL")
        local.conn.execute("PRAGMA synchronous=FULL")
        local.conn.execute("CREATE TABLE IF NOT EXISTS inbox (id TEXT PRIMARY KEY, payload TEXT)")
    return local.conn

@app.post("/webhook/whatsapp")
def webhook():
    raw = request.get_data()
    given = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(SECRET, raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(given, expected):
        return "", 403
    try:
        notification = json.loads(raw)
    except ValueError:
        return "", 400
    conn = db()
    for entry in notification.get("entry", []):
        for change in entry.get("changes", []):
            for message in change.get("value", {}).get("messages", []):
                conn.execute("INSERT OR IGNORE INTO inbox (id, payload) VALUES (?, ?)", (message["id"], json.dumps(message)))
    conn.commit()
    return "", 200

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), threaded=True)
