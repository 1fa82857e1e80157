/// The schema, one step per version. Steps are never edited once released: add a new one.
enum Migrations {
    static let steps: [String] = [
        // 1: the foundation.
        """
        CREATE TABLE sessions (
            channel TEXT NOT NULL, chat_id TEXT NOT NULL, data TEXT NOT NULL, updated_at REAL NOT NULL,
            PRIMARY KEY (channel, chat_id));
        CREATE TABLE processed_messages (
            channel TEXT NOT NULL, message_id TEXT NOT NULL, processed_at REAL NOT NULL,
            PRIMARY KEY (channel, message_id));
        CREATE TABLE inbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, message_id TEXT NOT NULL,
            payload TEXT NOT NULL, received_at REAL NOT NULL, UNIQUE (channel, message_id));
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT, tab TEXT NOT NULL, op TEXT NOT NULL, row_key TEXT NOT NULL,
            payload TEXT NOT NULL, created_at REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT, next_attempt_at REAL NOT NULL DEFAULT 0, delivered_at REAL, given_up_at REAL);
        CREATE UNIQUE INDEX outbox_one_append_per_key ON outbox (tab, row_key) WHERE op = 'append';
        CREATE INDEX outbox_pending ON outbox (delivered_at, id);
        CREATE TABLE outbound (
            id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT, chat_id TEXT, kind TEXT NOT NULL,
            payload TEXT NOT NULL, in_reply_to TEXT, created_at REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL DEFAULT 0, sent_at REAL, failed_at REAL, last_error TEXT);
        CREATE INDEX outbound_pending ON outbound (sent_at, failed_at, id);
        CREATE TABLE counters (tab TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE outages (zone TEXT PRIMARY KEY, name TEXT NOT NULL, declared_at REAL NOT NULL);
        CREATE TABLE workbook_headers (tab TEXT PRIMARY KEY, cells TEXT NOT NULL);
        CREATE TABLE workbook_rows (
            tab TEXT NOT NULL, position INTEGER NOT NULL, row_key TEXT, cells TEXT NOT NULL,
            PRIMARY KEY (tab, position));
        CREATE UNIQUE INDEX workbook_row_key ON workbook_rows (tab, row_key) WHERE row_key IS NOT NULL;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
        // 2: the spreadsheet mirror, and the states staff edits are compared against.
        """
        CREATE TABLE cache_tabs (tab TEXT PRIMARY KEY, data TEXT NOT NULL, fetched_at REAL NOT NULL);
        CREATE TABLE watched_states (tab TEXT NOT NULL, row_key TEXT NOT NULL, state TEXT NOT NULL,
            PRIMARY KEY (tab, row_key));
        """,
        // 3: chats the bot must not write to (blocked it, or not reachable on the channel).
        """
        CREATE TABLE unreachable_chats (channel TEXT NOT NULL, chat_id TEXT NOT NULL, reason TEXT NOT NULL,
            since REAL NOT NULL, PRIMARY KEY (channel, chat_id));
        """,
        // 4: what the channel says became of a sent message (WhatsApp delivery statuses).
        """
        ALTER TABLE outbound ADD COLUMN provider_id TEXT;
        ALTER TABLE outbound ADD COLUMN delivery TEXT;
        CREATE INDEX outbound_provider ON outbound (provider_id);
        """,
        // 5: a delivery status that arrived before the send it reports was recorded.
        """
        CREATE TABLE early_delivery (provider_id TEXT PRIMARY KEY, status TEXT NOT NULL, error TEXT, retry_in REAL,
            received_at REAL NOT NULL);
        """,
        // 6: customers waiting for a person or talking to one, and what was relayed.
        """
        CREATE TABLE handoffs (channel TEXT NOT NULL, chat_id TEXT NOT NULL, label TEXT NOT NULL, requested_at REAL NOT NULL,
            holder_channel TEXT, holder_chat_id TEXT, holder_name TEXT, taken_at REAL, realerted_at REAL,
            PRIMARY KEY (channel, chat_id));
        CREATE TABLE relay_log (id INTEGER PRIMARY KEY, from_channel TEXT NOT NULL, from_chat_id TEXT NOT NULL,
            to_channel TEXT NOT NULL, to_chat_id TEXT NOT NULL, text TEXT NOT NULL, at REAL NOT NULL);
        """,
    ]

    static func version(of db: SQLiteConnection) throws(StoreError) -> Int {
        Int(try db.query("PRAGMA user_version").first?[int: 0] ?? 0)
    }

    static func apply(to db: SQLiteConnection) throws(StoreError) {
        let current = try version(of: db)
        guard current <= steps.count else { throw .newerSchema(found: current, known: steps.count) }
        for (index, step) in steps.enumerated() where index >= current {
            try db.execute("BEGIN IMMEDIATE")
            do {
                try db.execute(step)
                try db.execute("PRAGMA user_version = \(index + 1)")
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }
}
