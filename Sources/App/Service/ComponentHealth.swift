import Foundation

/// What the supervised loops report: how often each was restarted and why, for `/health`
/// and the log, so no component is ever silently dead.
final class ComponentHealth: @unchecked Sendable {
    struct Entry: Sendable, Equatable {
        var restarts = 0
        var lastError: String?
        var lastFailure: Date?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func recordFailure(_ component: String, error: String, at now: Date = Date()) {
        lock.withLock {
            entries[component, default: Entry()].restarts += 1
            entries[component]?.lastError = error
            entries[component]?.lastFailure = now
        }
    }

    func entry(_ component: String) -> Entry? {
        lock.withLock { entries[component] }
    }

    /// "restarted 2 times, last 14 s ago: <error>" for each component that ever failed.
    func report(now: Date = Date()) -> [(String, String)] {
        lock.withLock {
            entries.sorted { $0.key < $1.key }.map { name, entry in
                let ago = entry.lastFailure.map { Int(now.timeIntervalSince($0)) } ?? 0
                return (name, "restarted \(entry.restarts) time(s), last \(ago) s ago: \(entry.lastError ?? "?")")
            }
        }
    }
}
