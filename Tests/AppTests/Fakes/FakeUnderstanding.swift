import AgentCore
import Synchronization

/// A model in memory: answers what the test scripted for a message, the offline rules
/// otherwise, and records what it was asked (to prove what never reached it).
final class FakeUnderstanding: Understanding {
    private let fallback: any Understanding
    private let state = Mutex<(answers: [String: Understood], asked: [String])>(([:], []))

    init(fallback: any Understanding) {
        self.fallback = fallback
    }

    func answer(_ text: String, with understood: Understood) {
        state.withLock { $0.answers[text] = understood }
    }

    var asked: [String] { state.withLock { $0.asked } }

    func understand(_ text: String, context: UnderstandingContext) async -> Understood {
        let scripted = state.withLock { state -> Understood? in
            state.asked.append(text)
            return state.answers[text]
        }
        if let scripted { return scripted }
        return await fallback.understand(text, context: context)
    }
}
