import Foundation
import Logging
import Synchronization

/// Writes one line per event — text for people, or JSON lines for log collectors — to
/// LOG_DIR/bot.log (rotated) and, for the long-running modes, to stderr. Lines carry the
/// component label and metadata (channel, masked chat, request id); never secrets.
public struct FileLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sinks: [LogFile]
    private let json: Bool

    public init(label: String, sinks: [LogFile], level: Logger.Level, json: Bool) {
        self.label = label
        self.sinks = sinks
        self.logLevel = level
        self.json = json
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = Self.stamp(Date())
        let line: String
        if json {
            let pairs = [("ts", stamp), ("level", event.level.rawValue), ("component", label), ("message", "\(event.message)")]
                + all.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
            line = "{" + pairs.map { "\(TabExport.jsonString($0.0)): \(TabExport.jsonString($0.1))" }.joined(separator: ", ") + "}\n"
        } else {
            line = "\(stamp) \(event.level.rawValue.uppercased()) [\(label)] \(event.message)\(fields.isEmpty ? "" : " " + fields)\n"
        }
        for sink in sinks { sink.write(line) }
    }
}

extension FileLogHandler {
    /// "2026-11-25T14:03:07.123Z" without a formatter object per line (logging is on hot paths).
    static func stamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int(date.timeIntervalSince1970 * 1000) % 1000
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, millis)
    }
}

/// The open log file, shared by every logger of the process.
public final class LogFile: Sendable {
    private let state: Mutex<(handle: FileHandle?, size: Int)>
    private let path: String
    private let maxBytes: Int
    private let keep: Int

    /// stderr, never rotated.
    public static let standardError = LogFile(handle: .standardError)

    private init(handle: FileHandle) {
        path = ""
        maxBytes = .max
        keep = 0
        state = Mutex((handle, 0))
    }

    public init(directory: String, name: String = "bot.log", maxBytes: Int = 5_000_000, keep: Int = 5) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent(name)
        self.maxBytes = maxBytes
        self.keep = keep
        state = Mutex(Self.open(path))
    }

    private static func open(_ path: String) -> (FileHandle?, Int) {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = FileHandle(forWritingAtPath: path)
        let size = (try? handle?.seekToEnd()).flatMap { $0 }.map { Int($0) } ?? 0
        return (handle, size)
    }

    func write(_ line: String) {
        let data = Data(line.utf8)
        state.withLock { state in
            if state.size + data.count > maxBytes { state = rotate(state.handle) }
            state.handle?.write(data)
            state.size += data.count
        }
    }

    private func rotate(_ handle: FileHandle?) -> (FileHandle?, Int) {
        try? handle?.close()
        let fm = FileManager.default
        try? fm.removeItem(atPath: "\(path).\(keep)")
        for i in stride(from: keep - 1, through: 1, by: -1) {
            try? fm.moveItem(atPath: "\(path).\(i)", toPath: "\(path).\(i + 1)")
        }
        try? fm.moveItem(atPath: path, toPath: "\(path).1")
        return Self.open(path)
    }
}

