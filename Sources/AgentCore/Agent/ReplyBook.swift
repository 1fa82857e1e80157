import Foundation

/// The reply texts, in Spanish and English, from messaging/replies.txt: the operator edits them
/// without touching code. Format: `[es]` / `[en]` sections, `key = text` lines, `\n` for a new
/// line, `#` comments, `{placeholders}` filled by the agent.
public struct ReplyBook: Sendable {
    private var texts: [Language: [String: String]]

    public enum Problem: Error, Sendable, CustomStringConvertible, Equatable {
        case missingKeys(file: String, keys: [String])
        case badLine(file: String, line: Int, text: String)
        case unknownPlaceholder(file: String, line: Int, key: String, placeholder: String, known: [String])

        public var description: String {
            switch self {
            case .missingKeys(let file, let keys):
                "\(file): missing reply texts for \(keys.joined(separator: ", ")) in the [es] section — add them (see the other keys for the format)"
            case .badLine(let file, let line, let text):
                "\(file):\(line): expected `key = text` or `[es]`/`[en]`, found \"\(text.prefix(40))\""
            case .unknownPlaceholder(let file, let line, let key, let placeholder, let known):
                "\(file):\(line): {\(placeholder)} is not filled in \(key)"
                    + (known.isEmpty ? " (this reply takes no placeholders)" : "; it can use \(known.map { "{\($0)}" }.joined(separator: " "))")
            }
        }
    }

    public init(parsing contents: String, file: String = "messaging/replies.txt") throws(Problem) {
        var texts: [Language: [String: String]] = [:]
        var language = Language.es
        for (n, rawLine) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                guard let lang = Language(rawValue: String(line.dropFirst().dropLast())) else {
                    throw .badLine(file: file, line: n + 1, text: line)
                }
                language = lang
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw .badLine(file: file, line: n + 1, text: line) }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "\\n", with: "\n")
            guard !key.isEmpty else { throw .badLine(file: file, line: n + 1, text: line) }
            if let replyKey = ReplyKey(rawValue: key) {
                let known = replyKey.placeholders.union(ReplyKey.everywhere)
                if let unknown = Self.placeholders(in: value).first(where: { !known.contains($0) }) {
                    throw .unknownPlaceholder(file: file, line: n + 1, key: key, placeholder: unknown,
                                              known: known.sorted())
                }
            }
            texts[language, default: [:]][key] = value
        }
        let missing = ReplyKey.allCases.map(\.rawValue).filter { texts[.es]?[$0] == nil }
        if !missing.isEmpty { throw .missingKeys(file: file, keys: missing) }
        self.texts = texts
    }

    /// `{name}` spans: a letter followed by letters or digits, so JSON-looking braces stay text.
    static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if let first = name.first, first.isLetter, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                found.append(String(name))
            }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The text for `key` in `language` (Spanish when the English one is missing), placeholders filled.
    public func text(_ key: ReplyKey, _ language: Language, _ values: [String: String] = [:]) -> String {
        assert(Set(values.keys).isSubset(of: key.placeholders.union(ReplyKey.everywhere)),
               "\(key) is filled with \(values.keys.sorted()): add them to ReplyKey.placeholders")
        let template = texts[language]?[key.rawValue] ?? texts[.es]?[key.rawValue] ?? key.rawValue
        return Self.fill(template, values)
    }

    /// One pass over the template: each "{name}" with a value becomes it, anything else stays
    /// as written. A value is never read again, so a customer's "{zone}" stays text.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + 64)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(of: "}"), let value = values[String(rest[after..<close])] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[after...]
            }
        }
        out += rest
        return out
    }
}
