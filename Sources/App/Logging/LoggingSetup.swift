import Logging
import Synchronization

/// Sends every logger of the process to LOG_DIR, once.
public enum LoggingSetup {
    private static let done = Mutex(false)

    /// `toStderr`: also to stderr (the long-running modes; a console keeps stderr for people).
    public static func bootstrap(directory: String, level: Logger.Level, json: Bool = false, toStderr: Bool = false) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let sinks = [LogFile(directory: directory)] + (toStderr ? [LogFile.standardError] : [])
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sinks: sinks, level: level, json: json) }
    }
}
