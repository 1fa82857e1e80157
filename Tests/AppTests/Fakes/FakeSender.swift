import AgentCore
import ChannelKit
import Foundation
import Synchronization

/// A channel in memory: records every send and answers what the test scripted for a chat
/// (one outcome per attempt, then `.sent`), so delivery rules are tested without HTTP. It can
/// send templates, recorded as "template <name> <language>: <parameters>".
final class FakeSender: TemplateSender {
    let channel: Channel
    private let state = Mutex<(sent: [(chat: ChatRef, text: String)], scripts: [ChatRef: [SendOutcome]])>(([], [:]))

    init(_ channel: Channel) {
        self.channel = channel
    }

    /// The next attempts to `chat` answer these, in order.
    func script(_ chat: ChatRef, _ outcomes: SendOutcome...) {
        state.withLock { $0.scripts[chat, default: []] += outcomes }
    }

    /// Every attempt, in order, answered or not.
    var attempts: [(chat: ChatRef, text: String)] { state.withLock { $0.sent } }

    func texts(to chat: ChatRef) -> [String] { attempts.filter { $0.chat == chat }.map(\.text) }

    func send(_ reply: Reply, to chat: ChatRef, inReplyTo: String?) async -> SendOutcome {
        record(reply.text, to: chat)
    }

    func send(_ notice: Notice, as template: NoticeTemplate, to chat: ChatRef) async -> SendOutcome {
        record("template \(template.name) \(template.language): \(notice.parameters.joined(separator: " | "))", to: chat)
    }

    private func record(_ text: String, to chat: ChatRef) -> SendOutcome {
        state.withLock { state in
            state.sent.append((chat, text))
            guard var script = state.scripts[chat], !script.isEmpty else { return .sent(id: "fake-\(state.sent.count)") }
            let outcome = script.removeFirst()
            state.scripts[chat] = script
            return outcome
        }
    }
}
