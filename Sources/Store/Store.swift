import AgentCore
import Foundation

/// The bot's one SQLite database (DATA_DIR/bot.sqlite, WAL): conversation sessions, processed
/// message ids, the inbox, the outbox of back-office writes, queued outbound messages, and the
/// local workbook. An actor, so every statement runs on one connection in order.
public actor Store {
    public nonisolated let path: String
    /// Rings after notices are queued (see OutboundBell).
    public nonisolated let outboundBell = OutboundBell()
    let db: SQLiteConnection
    let reader: WorkbookReader
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()

    public static let fileName = "bot.sqlite"

    /// Opens (creating if needed) the database in `directory` and brings its schema up to date.
    public init(directory: String, durable: Bool = true) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: directory, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        self.path = path
        self.db = try SQLiteConnection(path: path)
        // WAL: readers never block the writer. FULL: a committed sign-up survives a power cut,
        // not only a crash of the process.
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = \(durable ? "FULL" : "NORMAL"); PRAGMA foreign_keys = ON;")
        try Migrations.apply(to: db)
        reader = try WorkbookReader(path: path)
        encoder.outputFormatting = [.sortedKeys]
    }

    public func journalMode() throws -> String {
        try db.query("PRAGMA journal_mode").first?[text: 0] ?? ""
    }

    public var schemaVersion: Int {
        get throws { try Migrations.version(of: db) }
    }

    /// Runs `body` in one transaction: all of it is stored, or none of it.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try db.execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try db.execute("COMMIT")
            return value
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T {
        try decoder.stored(type, text)
    }
}

extension JSONDecoder {
    /// A value stored as JSON text in a column; a missing one is corrupt data, said so.
    func stored<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T {
        guard let text else { throw StoreError.corrupt("missing \(T.self)") }
        return try decode(T.self, from: Data(text.utf8))
    }
}

extension Array where Element == SQLValue {
    subscript(int i: Int) -> Int64 { self[i].int ?? 0 }
    subscript(text i: Int) -> String { self[i].string ?? "" }
    subscript(double i: Int) -> Double { self[i].double ?? 0 }
}
