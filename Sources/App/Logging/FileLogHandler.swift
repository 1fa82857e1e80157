import Foundation
import Logging
import Synchronization

/// Writes one line per event to LOG_DIR/bot.log, rotating at `maxBytes` and keeping
/// `keep` old files (bot.log.1 … bot.log.N). Lines carry the component label and metadata.
public struct FileLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sink: LogFile

    public init(label: String, file: LogFile, level: Logger.Level) {
        self.label = label
        self.sink = file
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: .current,
                                                formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        sink.write("\(stamp) \(event.level.rawValue.uppercased()) [\(label)] \(event.message)\(fields.isEmpty ? "" : " " + fields)\n")
    }
}

/// The open log file, shared by every logger of the process.
public final class LogFile: Sendable {
    private let state: Mutex<(handle: FileHandle?, size: Int)>
    private let path: String
    private let maxBytes: Int
    private let keep: Int

    public init(directory: String, name: String = "bot.log", maxBytes: Int = 5_000_000, keep: Int = 5) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent(name)
        self.maxBytes = maxBytes
        self.keep = keep
        state = Mutex(Self.open(path))
    }

    private static func open(_ path: String) -> (FileHandle?, Int) {
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = FileHandle(forWritingAtPath: path)
        let size = (try? handle?.seekToEnd()).map { Int($0 ?? 0) } ?? 0
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

extension ISO8601DateFormatter {
    static func string(from date: Date, timeZone: TimeZone, formatOptions: ISO8601DateFormatter.Options) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = formatOptions
        return formatter.string(from: date)
    }
}
