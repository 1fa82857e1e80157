/// The labelled examples the intent model learns from (messaging/intents.txt): one
/// `intent | example` per line, `#` comments, `[section]` lines naming where a block came
/// from. The operator adds lines to teach the bot new phrasings; a restart retrains it.
public struct IntentCorpus: Sendable {
    public struct Example: Sendable, Equatable {
        public var intent: Intent
        public var text: String
        /// The `[section]` the line is in ("" before any).
        public var section: String
    }

    public var examples: [Example]

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    public init(examples: [Example]) {
        self.examples = examples
    }

    public init(parsing text: String, file: String) throws(Problem) {
        var examples: [Example] = []
        var section = ""
        let known = Intent.allCases.map(\.rawValue).joined(separator: ", ")
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            guard let bar = line.firstIndex(of: "|") else {
                throw Problem(file: file, line: n + 1, reason: "expected `intent | example`")
            }
            let label = String(line[..<bar]).trimmingSpaces
            let example = String(line[line.index(after: bar)...]).trimmingSpaces
            guard let intent = Intent(rawValue: label) else {
                throw Problem(file: file, line: n + 1, reason: "unknown intent \"\(label)\" (known: \(known))")
            }
            guard !example.isEmpty else { throw Problem(file: file, line: n + 1, reason: "the example is empty") }
            examples.append(Example(intent: intent, text: example, section: section))
        }
        self.examples = examples
    }
}
