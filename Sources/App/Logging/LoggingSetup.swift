import Logging
import Synchronization

/// Sends every logger of the process to LOG_DIR, once.
public enum LoggingSetup {
    private static let done = Mutex(false)

    public static func bootstrap(directory: String, level: Logger.Level) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let file = LogFile(directory: directory)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: file, level: level) }
    }
}
