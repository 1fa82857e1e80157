import AgentCore

/// Work grouped by chat: each chat's items in order, chats side by side, at most `limit`
/// chats at a time. Used by the inbox worker (turns) and the senders (messages).
enum PerChat {
    /// The items grouped by chat, chats in the order they first appear.
    static func grouped<Item>(_ items: [Item], chat: (Item) -> ChatRef?) -> [(chat: ChatRef, items: [Item])] {
        var byChat: [ChatRef: [Item]] = [:]
        var order: [ChatRef] = []
        for item in items {
            guard let key = chat(item) else { continue }
            if byChat[key] == nil { order.append(key) }
            byChat[key, default: []].append(item)
        }
        return order.map { ($0, byChat[$0]!) }
    }

    /// Runs `work` for each chat's items, at most `limit` chats at once; the results, as they end.
    static func run<Item: Sendable, Result: Sendable>(_ groups: [(chat: ChatRef, items: [Item])], limit: Int,
                                                      _ work: @escaping @Sendable (ChatRef, [Item]) async -> Result) async -> [Result] {
        await withTaskGroup(of: Result.self) { group in
            var results: [Result] = []
            var running = 0
            for (chat, items) in groups {
                if running >= limit, let done = await group.next() {
                    running -= 1
                    results.append(done)
                }
                group.addTask { await work(chat, items) }
                running += 1
            }
            for await done in group { results.append(done) }
            return results
        }
    }
}
