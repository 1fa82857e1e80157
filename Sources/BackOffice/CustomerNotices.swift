import AgentCore
import Store

/// Messages the back office sends a customer on its own (a repair closed, a number that
/// changed), in the customer's language when the bot has talked with them before.
public struct CustomerNotices: Sendable {
    let store: Store
    let book: ReplyBook
    let settings: AgentSettings

    public init(store: Store, book: ReplyBook, settings: AgentSettings) {
        self.store = store
        self.book = book
        self.settings = settings
    }

    func reply(_ key: ReplyKey, _ values: [String: String], to chat: ChatRef,
               buttons: [(title: ReplyKey, id: String)] = []) async throws -> Reply {
        let language = try await store.session(for: chat)?.language ?? .es
        var all = values
        all["business"] = settings.businessName
        return Reply(book.text(key, language, all),
                     quickReplies: buttons.map { QuickReply(id: $0.id, title: book.text($0.title, language)) })
    }

    /// "Your number is C-0107, not C-0106": staff had typed a row with the key the customer
    /// was given. Prospect keys are never told to customers, so they need no notice.
    func keyChanged(_ tab: Tab, from old: String, to row: RowValues) async throws -> (chat: ChatRef, reply: Reply)? {
        let key: ReplyKey
        switch tab {
        case .clients: key = .keyChangedClient
        case .incidents: key = .keyChangedIncident
        case .prospects, .plans, .zones: return nil
        }
        guard let channel = row.cells[Col.Client.channel.name].flatMap(Channel.init(sheetLabel:)),
              let chatID = row.cells[Col.Client.chatID.name], !chatID.isEmpty else { return nil }
        let chat = ChatRef(channel, chatID)
        return (chat, try await reply(key, ["old": old, "new": row.key], to: chat))
    }
}
