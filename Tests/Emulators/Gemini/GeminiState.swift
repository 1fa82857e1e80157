import Foundation
import NIOCore

/// Everything the Gemini emulator knows, kept behind one lock.
struct GeminiState: Sendable {
    /// Bumped by `stop()`, so that answers being slowed down give up.
    var generation = 0

    var rules: [(String, GeminiEmulator.Answer)] = []
    var defaultAnswer: GeminiEmulator.Answer = .text("")
    var injected: [GeminiEmulator.Answer] = []

    var log: [(id: Int, request: GeminiEmulator.RecordedRequest)] = []
    var nextRequestID = 0

    var totalTokens = 0
    var answerCounter = 0

    mutating func record(_ request: GeminiEmulator.RecordedRequest) -> Int {
        nextRequestID += 1
        log.append((nextRequestID, request))
        return nextRequestID
    }

    mutating func finish(_ id: Int, status: Int) {
        if let i = log.lastIndex(where: { $0.id == id }) { log[i].request.status = status }
    }

    /// The injected answer if any, else the first rule matching `lastUserText`, else the default.
    mutating func chooseAnswer(lastUserText: String) -> GeminiEmulator.Answer {
        if !injected.isEmpty { return injected.removeFirst() }
        for (needle, answer) in rules {
            if needle.isEmpty || lastUserText.range(of: needle, options: [.caseInsensitive]) != nil { return answer }
        }
        return defaultAnswer
    }

    /// A response id like Google's (22 URL-safe base64 characters).
    mutating func nextResponseID() -> String {
        answerCounter += 1
        var bytes = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for i in 0..<12 { bytes[i] = generator.next() }
        let counter = UInt32(truncatingIfNeeded: answerCounter)
        for i in 0..<4 { bytes[12 + i] = UInt8(truncatingIfNeeded: counter >> (8 * (3 - i))) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
