import Synchronization

/// What was worked out about each distinct word, kept so that it is worked out once: the same
/// few thousand words make up nearly every message, so their spelling fixes and features need
/// not be recomputed per message. Shared by every copy of the value holding it (understandings
/// run concurrently, hence the lock); emptied when full, so words never seen twice cannot grow
/// it without bound.
final class WordTable<Value: Sendable>: Sendable {
    private let entries = Mutex<[String: Value]>([:])
    private let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The value for `word`, made by `make` the first time it is asked for.
    func value(for word: String, make: (String) -> Value) -> Value {
        if let known = entries.withLock({ $0[word] }) { return known }
        let value = make(word)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[word] = value
        }
        return value
    }
}
