import AgentCore
import Synchronization

/// Hands out row keys (C-0031, F-0012, P-0004) in sequence, continuing from the highest key
/// seen in the back office, the outbox and the counters the store keeps.
public final class KeyAllocator: KeySource, Sendable {
    private let next = Mutex<[Tab: Int]>([:])

    public init() {}

    /// Raises each tab's sequence to at least `floor` + 1.
    public func observe(_ floor: [Tab: Int]) {
        next.withLock { next in
            for (tab, value) in floor { next[tab] = max(next[tab] ?? 1, value + 1) }
        }
    }

    public func next(_ tab: Tab) -> String {
        let n = next.withLock { next in
            let n = next[tab] ?? 1
            next[tab] = n + 1
            return n
        }
        return Self.key(tab, n)
    }

    /// The highest number handed out per tab, for the store's counters.
    public func used() -> [Tab: Int] {
        next.withLock { $0.mapValues { $0 - 1 } }
    }

    static func key(_ tab: Tab, _ n: Int) -> String {
        (tab.keyPrefix ?? "") + String(format: "%04d", n)
    }

    /// C-0031 → 31; nil for keys staff wrote in another shape.
    public static func number(_ key: String, in tab: Tab) -> Int? {
        guard let prefix = tab.keyPrefix, key.hasPrefix(prefix) else { return nil }
        return Int(key.dropFirst(prefix.count))
    }
}
