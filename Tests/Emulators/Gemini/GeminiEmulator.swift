import Foundation
import Synchronization

/// A loopback emulator of the Gemini REST API (generativelanguage.googleapis.com, v1beta), for tests.
///
/// Start it and give the bot `baseURL` as `GEMINI_API_BASE`. It serves
/// `POST /v1beta/models/{model}:generateContent`, the one method the bot calls, with the real
/// shapes and error bodies (the generateContent reference, fixtures `gemini_*`); function calling,
/// which the bot does not use, is answered 501.
/// What the "model" answers is scripted: rules matched against the text of the last user turn,
/// a default answer, and one-off injected answers (errors, blocked prompts, MAX_TOKENS, ...).
public final class GeminiEmulator: Sendable {
    /// The only key accepted (in `x-goog-api-key` or `?key=`).
    public let apiKey: String
    let catalog: GeminiModelCatalog
    let state: Mutex<GeminiState>
    let host = LoopbackHost(emulator: "Gemini")

    /// - Parameters:
    ///   - models: ids that serve generateContent.
    ///   - retiredModels: ids that answer 404 NOT_FOUND (shut down), like any unknown id.
    public init(
        apiKey: String = "AIzaEmulatorKey0123456789abcdefghijk",
        models: [String] = ["gemini-flash-latest", "gemini-3.5-flash", "gemini-3.5-flash-lite"],
        retiredModels: [String] = ["gemini-2.0-flash"]
    ) {
        self.apiKey = apiKey
        self.catalog = GeminiModelCatalog(models: models, retired: retiredModels)
        self.state = Mutex(GeminiState())
    }

    deinit {
        host.stopInBackground()
    }

    /// The port listened on (0 before the first start()).
    public var port: Int { host.port }

    /// `http://127.0.0.1:<port>`, the value for GEMINI_API_BASE.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    // MARK: Scripting the model

    /// Adds a rule: when the text of the last user turn contains `lastUserTextContains`
    /// (case-insensitive), answer `answer`. Rules are tried in the order added; the first match wins.
    public func when(_ lastUserTextContains: String, answer: Answer) {
        state.withLock { $0.rules.append((lastUserTextContains, answer)) }
    }

    /// What is answered when no rule matches (initially `.text("")`).
    public func setDefaultAnswer(_ answer: Answer) {
        state.withLock { $0.defaultAnswer = answer }
    }

    /// Removes every rule (the default answer is kept).
    public func removeAllRules() {
        state.withLock { $0.rules.removeAll() }
    }

    /// The next `times` generateContent calls that pass the checks (key, model, body)
    /// answer `answer` instead of what the rules say. Injections queue up in the order given.
    public func inject(_ answer: Answer, times: Int = 1) {
        guard times > 0 else { return }
        state.withLock { $0.injected += Array(repeating: answer, count: times) }
    }

    // MARK: What the bot did

    /// Every request, in the order they arrived (status 0 while still being answered).
    public var requests: [RecordedRequest] { state.withLock { $0.log.map(\.request) } }

    /// Forgets the recorded requests (the token total is kept).
    public func resetRecording() {
        state.withLock { $0.log.removeAll() }
    }

    /// Sum of `usageMetadata.totalTokenCount` over every answer given.
    public var totalTokens: Int { state.withLock { $0.totalTokens } }
}
