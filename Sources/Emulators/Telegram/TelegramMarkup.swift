import Foundation

/// Text after entity parsing: what the chat shows, and the entities Telegram reports back.
struct TelegramParsedText: Sendable {
    var text: String
    var entities: [JSON]

    var utf16Length: Int { text.utf16.count }
}

/// A `parse_mode` problem, reported as `Bad Request: can't parse entities: <reason>`.
struct TelegramMarkupError: Error, Sendable {
    var reason: String
}

/// The three Bot API formatting modes, with the errors Telegram gives for broken markup
/// (texts as in TDLib's parser, which the Bot API server uses).
enum TelegramMarkup {
    enum Mode: Sendable {
        case markdownV2, html, markdown
    }

    /// nil for an unsupported name; `.some(nil)` when no parse mode is wanted.
    static func mode(named name: String?) -> Mode?? {
        guard let name, !name.isEmpty else { return .some(nil) }
        switch name.lowercased() {
        case "markdownv2": return .some(.markdownV2)
        case "html": return .some(.html)
        case "markdown": return .some(.markdown)
        default: return nil
        }
    }

    static func parse(_ text: String, mode: Mode?) throws(TelegramMarkupError) -> TelegramParsedText {
        let parsed: TelegramParsedText
        switch mode {
        case nil: parsed = TelegramParsedText(text: text, entities: [])
        case .markdownV2?: parsed = try MarkdownV2(text).parse()
        case .html?: parsed = try HTML(text).parse()
        case .markdown?: parsed = try LegacyMarkdown(text).parse()
        }
        return trimmed(parsed)
    }

    /// Telegram strips leading and trailing white space from message texts, moving entities with it.
    static func trimmed(_ parsed: TelegramParsedText) -> TelegramParsedText {
        let scalars = Array(parsed.text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        if start == 0 && end == scalars.count { return parsed }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        let text = String(view)
        let shift = scalars[0..<start].reduce(0) { $0 + ($1.value > 0xFFFF ? 2 : 1) }
        let newLength = text.utf16.count
        let entities: [JSON] = parsed.entities.compactMap { entity in
            guard let offset = entity["offset"]?.int64Value, let length = entity["length"]?.int64Value else { return nil }
            let from = max(0, Int(offset) - shift)
            let to = min(newLength, Int(offset + length) - shift)
            guard to > from else { return nil }
            return entity.setting("offset", .int(Int64(from))).setting("length", .int(Int64(to - from)))
        }
        return TelegramParsedText(text: text, entities: entities)
    }

    static func entity(_ type: String, offset: Int, length: Int, _ extra: [(String, JSON)] = []) -> JSON {
        .object([("offset", .int(Int64(offset))), ("length", .int(Int64(length))), ("type", .string(type))] + extra)
    }

    static func sortEntities(_ entities: [JSON]) -> [JSON] {
        entities.enumerated().sorted { a, b in
            let ao = a.element["offset"]?.int64Value ?? 0, bo = b.element["offset"]?.int64Value ?? 0
            if ao != bo { return ao < bo }
            let al = a.element["length"]?.int64Value ?? 0, bl = b.element["length"]?.int64Value ?? 0
            if al != bl { return al > bl }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// A URL Telegram would accept for a text link (loose: a scheme, or something with a dot).
    static func isAcceptableURL(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(" ") else { return false }
        if trimmed.contains("://") || trimmed.hasPrefix("tg:") || trimmed.hasPrefix("mailto:") { return true }
        return trimmed.contains(".")
    }
}

/// Walks UTF-8 bytes, tracking the UTF-16 length of the output as Telegram counts entity offsets.
private struct OutputText {
    var bytes: [UInt8] = []
    var utf16 = 0

    mutating func append(_ b: UInt8) {
        if b & 0xC0 != 0x80 { utf16 += b >= 0xF0 ? 2 : 1 }
        bytes.append(b)
    }

    mutating func append(scalar: Unicode.Scalar) {
        for b in String(Character(scalar)).utf8 { append(b) }
    }

    func string(from start: Int) -> String { String(decoding: bytes[start...], as: UTF8.self) }
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

// MARK: - MarkdownV2

private struct MarkdownV2 {
    enum Kind: String {
        case bold = "Bold", italic = "Italic", underline = "Underline", strikethrough = "Strikethrough"
        case spoiler = "Spoiler", code = "Code", pre = "Pre", preCode = "PreCode", textURL = "TextUrl"
        case customEmoji = "CustomEmoji"

        var entityType: String {
            switch self {
            case .bold: return "bold"
            case .italic: return "italic"
            case .underline: return "underline"
            case .strikethrough: return "strikethrough"
            case .spoiler: return "spoiler"
            case .code: return "code"
            case .pre, .preCode: return "pre"
            case .textURL: return "text_link"
            case .customEmoji: return "custom_emoji"
            }
        }
    }

    struct Open {
        var kind: Kind
        var argument: String
        var utf16Offset: Int
        var byteOffset: Int
        var outputStart: Int
    }

    let input: [UInt8]
    init(_ text: String) { input = Array(text.utf8) }

    func at(_ i: Int) -> UInt8 { i < input.count ? input[i] : 0 }

    func isLineStart(_ i: Int) -> Bool { i == 0 || input[i - 1] == UInt8(ascii: "\n") }

    func parse() throws(TelegramMarkupError) -> TelegramParsedText {
        var out = OutputText()
        var entities: [JSON] = []
        var stack: [Open] = []
        var quote: (offset: Int, expandable: Bool)?
        let reservedEverywhere = Array("_*[]()~`>#+-=|{}.!".utf8)

        func closeQuote() {
            guard let q = quote else { return }
            var end = out.utf16
            if out.bytes.last == UInt8(ascii: "\n") { end -= 1 }
            if end > q.offset {
                entities.append(
                    TelegramMarkup.entity(
                        q.expandable ? "expandable_blockquote" : "blockquote", offset: q.offset, length: end - q.offset))
            }
            quote = nil
        }

        var i = 0
        while i < input.count {
            let c = input[i]
            let inCode = stack.last.map { [.code, .pre, .preCode].contains($0.kind) } ?? false

            // Block quotes: lines starting with '>' (or '**>' for an expandable one).
            if !inCode && isLineStart(i) {
                if c == UInt8(ascii: "*"), at(i + 1) == UInt8(ascii: "*"), at(i + 2) == UInt8(ascii: ">") {
                    closeQuote()
                    quote = (out.utf16, true)
                    i += 3
                    continue
                }
                if c == UInt8(ascii: ">") {
                    if quote == nil { quote = (out.utf16, false) }
                    i += 1
                    continue
                }
                if quote != nil { closeQuote() }
            }
            // '||' closing an expandable quote at the end of a line.
            if !inCode, quote?.expandable == true, c == UInt8(ascii: "|"), at(i + 1) == UInt8(ascii: "|"),
                stack.last?.kind != .spoiler, at(i + 2) == UInt8(ascii: "\n") || i + 2 == input.count
            {
                closeQuote()
                i += 2
                continue
            }

            if c == UInt8(ascii: "\\"), at(i + 1) > 0, at(i + 1) <= 126 {
                out.append(input[i + 1])
                i += 2
                continue
            }

            let reserved: [UInt8] = inCode ? [UInt8(ascii: "`")] : reservedEverywhere
            if !reserved.contains(c) {
                out.append(c)
                i += 1
                continue
            }

            let endsTop: Bool = {
                guard let top = stack.last else { return false }
                switch top.kind {
                case .bold: return c == UInt8(ascii: "*")
                case .italic: return c == UInt8(ascii: "_") && at(i + 1) != UInt8(ascii: "_")
                case .underline: return c == UInt8(ascii: "_") && at(i + 1) == UInt8(ascii: "_")
                case .strikethrough: return c == UInt8(ascii: "~")
                case .spoiler: return c == UInt8(ascii: "|") && at(i + 1) == UInt8(ascii: "|")
                case .code: return c == UInt8(ascii: "`")
                case .pre, .preCode:
                    return c == UInt8(ascii: "`") && at(i + 1) == UInt8(ascii: "`") && at(i + 2) == UInt8(ascii: "`")
                case .textURL, .customEmoji: return c == UInt8(ascii: "]")
                }
            }()

            if !endsTop {
                let byteOffset = i
                var kind: Kind
                var argument = ""
                switch c {
                case UInt8(ascii: "_"):
                    if at(i + 1) == UInt8(ascii: "_") { kind = .underline; i += 1 } else { kind = .italic }
                case UInt8(ascii: "*"): kind = .bold
                case UInt8(ascii: "~"): kind = .strikethrough
                case UInt8(ascii: "|") where at(i + 1) == UInt8(ascii: "|"):
                    kind = .spoiler
                    i += 1
                case UInt8(ascii: "["): kind = .textURL
                case UInt8(ascii: "!") where at(i + 1) == UInt8(ascii: "["):
                    kind = .customEmoji
                    i += 1
                case UInt8(ascii: "`"):
                    if at(i + 1) == UInt8(ascii: "`"), at(i + 2) == UInt8(ascii: "`") {
                        i += 3
                        kind = .pre
                        var languageEnd = i
                        while languageEnd < input.count, !Self.isSpace(input[languageEnd]),
                            input[languageEnd] != UInt8(ascii: "`")
                        {
                            languageEnd += 1
                        }
                        if i != languageEnd, languageEnd < input.count, input[languageEnd] != UInt8(ascii: "`") {
                            kind = .preCode
                            argument = String(decoding: input[i..<languageEnd], as: UTF8.self)
                            i = languageEnd
                        }
                        if at(i) == UInt8(ascii: "\n") || at(i) == UInt8(ascii: "\r") {
                            if (at(i + 1) == UInt8(ascii: "\n") || at(i + 1) == UInt8(ascii: "\r")) && at(i) != at(i + 1) {
                                i += 2
                            } else {
                                i += 1
                            }
                        }
                        i -= 1
                    } else {
                        kind = .code
                    }
                default:
                    throw TelegramMarkupError(
                        reason:
                            "Character '\(Character(Unicode.Scalar(c)))' is reserved and must be escaped with the preceding '\\'")
                }
                stack.append(
                    Open(
                        kind: kind, argument: argument, utf16Offset: out.utf16, byteOffset: byteOffset,
                        outputStart: out.bytes.count))
                i += 1
                continue
            }

            // End of the innermost entity.
            let open = stack.removeLast()
            var skip = out.utf16 == open.utf16Offset
            var extra: [(String, JSON)] = []
            switch open.kind {
            case .underline, .spoiler: i += 1
            case .pre, .preCode: i += 2
            case .textURL, .customEmoji:
                var url = ""
                if at(i + 1) != UInt8(ascii: "(") {
                    url = out.string(from: open.outputStart)
                } else {
                    i += 2
                    let urlBegin = i
                    var urlBytes: [UInt8] = []
                    while i < input.count, input[i] != UInt8(ascii: ")") {
                        if input[i] == UInt8(ascii: "\\"), at(i + 1) > 0, at(i + 1) <= 126 {
                            urlBytes.append(input[i + 1])
                            i += 2
                            continue
                        }
                        urlBytes.append(input[i])
                        i += 1
                    }
                    if at(i) != UInt8(ascii: ")") {
                        throw TelegramMarkupError(reason: "Can't find end of a URL at byte offset \(urlBegin)")
                    }
                    url = String(decoding: urlBytes, as: UTF8.self)
                }
                if open.kind == .customEmoji {
                    let prefix = "tg://emoji?id="
                    if url.hasPrefix(prefix), Int64(url.dropFirst(prefix.count)) != nil {
                        extra = [("custom_emoji_id", .string(String(url.dropFirst(prefix.count))))]
                    } else {
                        throw TelegramMarkupError(reason: "Custom emoji URL must have an emoji identifier")
                    }
                } else if TelegramMarkup.isAcceptableURL(url) {
                    extra = [("url", .string(url))]
                } else {
                    skip = true
                }
            default: break
            }
            if open.kind == .preCode { extra = [("language", .string(open.argument))] }
            if !skip {
                entities.append(
                    TelegramMarkup.entity(
                        open.kind.entityType, offset: open.utf16Offset, length: out.utf16 - open.utf16Offset, extra))
            }
            i += 1
        }
        if let open = stack.last {
            throw TelegramMarkupError(reason: "Can't find end of \(open.kind.rawValue) entity at byte offset \(open.byteOffset)")
        }
        closeQuote()
        return TelegramParsedText(text: out.string, entities: TelegramMarkup.sortEntities(entities))
    }

    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }
}

// MARK: - HTML

private struct HTML {
    let input: [UInt8]
    init(_ text: String) { input = Array(text.utf8) }

    func at(_ i: Int) -> UInt8 { i < input.count ? input[i] : 0 }

    static let supported: Set<String> = [
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "pre", "code", "span", "tg-spoiler",
        "blockquote", "tg-emoji",
    ]

    struct Open {
        var tag: String
        var attributes: [String: String]
        var utf16Offset: Int
        var outputStart: Int
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` and numeric references; anything else stays literal.
    func decodeEntity(at pos: inout Int) -> Unicode.Scalar? {
        guard at(pos) == UInt8(ascii: "&") else { return nil }
        var end = pos + 1
        var value: UInt32 = 0
        if at(pos + 1) == UInt8(ascii: "#") {
            end += 1
            if at(pos + 2) == UInt8(ascii: "x") {
                end += 1
                while let digit = Self.hexValue(at(end)) { value = value &* 16 &+ digit; end += 1 }
            } else {
                while (0x30...0x39).contains(at(end)) { value = value &* 10 &+ UInt32(at(end) - 0x30); end += 1 }
            }
            if value == 0 || value >= 0x10FFFF || end - pos >= 10 { return nil }
        } else {
            while Self.isAlpha(at(end)) { end += 1 }
            switch String(decoding: input[(pos + 1)..<end], as: UTF8.self) {
            case "lt": value = 0x3C
            case "gt": value = 0x3E
            case "amp": value = 0x26
            case "quot": value = 0x22
            default: return nil
            }
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        pos = at(end) == UInt8(ascii: ";") ? end + 1 : end
        return scalar
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    static func isAlpha(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }

    func parse() throws(TelegramMarkupError) -> TelegramParsedText {
        var out = OutputText()
        var entities: [JSON] = []
        var stack: [Open] = []
        var i = 0
        while i < input.count {
            let c = input[i]
            if c == UInt8(ascii: "&") {
                var pos = i
                if let scalar = decodeEntity(at: &pos) {
                    out.append(scalar: scalar)
                    i = pos
                    continue
                }
            }
            if c != UInt8(ascii: "<") {
                out.append(c)
                i += 1
                continue
            }
            let begin = i
            i += 1
            if at(i) != UInt8(ascii: "/") {
                while i < input.count, !Self.isSpace(input[i]), input[i] != UInt8(ascii: ">") { i += 1 }
                if i >= input.count {
                    throw TelegramMarkupError(reason: "Unclosed start tag at byte offset \(begin)")
                }
                let tag = String(decoding: input[(begin + 1)..<i], as: UTF8.self).lowercased()
                guard Self.supported.contains(tag) else {
                    throw TelegramMarkupError(reason: "Unsupported start tag \"\(tag)\" at byte offset \(begin)")
                }
                var attributes: [String: String] = [:]
                while at(i) != UInt8(ascii: ">") {
                    while i < input.count, Self.isSpace(input[i]) { i += 1 }
                    if at(i) == UInt8(ascii: ">") { break }
                    let nameStart = i
                    while i < input.count, !Self.isSpace(input[i]), input[i] != UInt8(ascii: "="), input[i] != UInt8(ascii: ">") {
                        i += 1
                    }
                    let name = String(decoding: input[nameStart..<i], as: UTF8.self).lowercased()
                    if name.isEmpty {
                        throw TelegramMarkupError(reason: "Empty attribute name in the tag \"\(tag)\" at byte offset \(begin)")
                    }
                    while i < input.count, Self.isSpace(input[i]) { i += 1 }
                    if at(i) != UInt8(ascii: "=") {
                        // A bare attribute (`<blockquote expandable>`).
                        attributes[name] = ""
                        if i >= input.count { throw TelegramMarkupError(reason: "Unclosed start tag at byte offset \(begin)") }
                        continue
                    }
                    i += 1
                    while i < input.count, Self.isSpace(input[i]) { i += 1 }
                    if i >= input.count {
                        throw TelegramMarkupError(reason: "Unclosed start tag \"\(tag)\" at byte offset \(begin)")
                    }
                    var value: [UInt8] = []
                    if at(i) != UInt8(ascii: "'") && at(i) != UInt8(ascii: "\"") {
                        let tokenStart = i
                        while Self.isAlpha(at(i)) || (0x30...0x39).contains(at(i)) || at(i) == UInt8(ascii: ".")
                            || at(i) == UInt8(ascii: "-")
                        {
                            i += 1
                        }
                        value = Array(String(decoding: input[tokenStart..<i], as: UTF8.self).lowercased().utf8)
                        if !Self.isSpace(at(i)) && at(i) != UInt8(ascii: ">") {
                            throw TelegramMarkupError(reason: "Unexpected end of name token at byte offset \(tokenStart)")
                        }
                    } else {
                        let quote = input[i]
                        i += 1
                        while i < input.count, input[i] != quote {
                            var pos = i
                            if let scalar = decodeEntity(at: &pos) {
                                value.append(contentsOf: Array(String(Character(scalar)).utf8))
                                i = pos
                                continue
                            }
                            value.append(input[i])
                            i += 1
                        }
                        if at(i) == quote { i += 1 }
                    }
                    if i >= input.count { throw TelegramMarkupError(reason: "Unclosed start tag at byte offset \(begin)") }
                    attributes[name] = String(decoding: value, as: UTF8.self)
                }
                if tag == "span" && attributes["class"] != "tg-spoiler" {
                    throw TelegramMarkupError(reason: "Tag \"span\" must have class \"tg-spoiler\" at byte offset \(begin)")
                }
                stack.append(Open(tag: tag, attributes: attributes, utf16Offset: out.utf16, outputStart: out.bytes.count))
                i += 1
            } else {
                guard let open = stack.last else {
                    throw TelegramMarkupError(reason: "Unexpected end tag at byte offset \(begin)")
                }
                while i < input.count, !Self.isSpace(input[i]), input[i] != UInt8(ascii: ">") { i += 1 }
                let endTag = String(decoding: input[(begin + 2)..<i], as: UTF8.self).lowercased()
                while i < input.count, Self.isSpace(input[i]) { i += 1 }
                if at(i) != UInt8(ascii: ">") {
                    throw TelegramMarkupError(reason: "Unclosed end tag at byte offset \(begin)")
                }
                if !endTag.isEmpty && endTag != open.tag {
                    throw TelegramMarkupError(
                        reason: "Unmatched end tag at byte offset \(begin), expected \"</\(open.tag)>\", found \"</\(endTag)>\"")
                }
                stack.removeLast()
                i += 1
                let length = out.utf16 - open.utf16Offset
                guard length > 0 else { continue }
                let offset = open.utf16Offset
                switch open.tag {
                case "b", "strong": entities.append(TelegramMarkup.entity("bold", offset: offset, length: length))
                case "i", "em": entities.append(TelegramMarkup.entity("italic", offset: offset, length: length))
                case "s", "strike", "del": entities.append(TelegramMarkup.entity("strikethrough", offset: offset, length: length))
                case "u", "ins": entities.append(TelegramMarkup.entity("underline", offset: offset, length: length))
                case "span", "tg-spoiler": entities.append(TelegramMarkup.entity("spoiler", offset: offset, length: length))
                case "blockquote":
                    let type = open.attributes["expandable"] != nil ? "expandable_blockquote" : "blockquote"
                    entities.append(TelegramMarkup.entity(type, offset: offset, length: length))
                case "tg-emoji":
                    guard let id = open.attributes["emoji-id"], Int64(id) != nil else {
                        throw TelegramMarkupError(reason: "Custom emoji entity must contain a tg://emoji URL")
                    }
                    entities.append(
                        TelegramMarkup.entity("custom_emoji", offset: offset, length: length, [("custom_emoji_id", .string(id))]))
                case "a":
                    var url = open.attributes["href"] ?? ""
                    if url.isEmpty { url = out.string(from: open.outputStart) }
                    if TelegramMarkup.isAcceptableURL(url) {
                        entities.append(
                            TelegramMarkup.entity("text_link", offset: offset, length: length, [("url", .string(url))]))
                    }
                case "pre":
                    if let last = entities.last, last["type"]?.stringValue == "code", last["offset"]?.int64Value == Int64(offset),
                        last["length"]?.int64Value == Int64(length), let language = last["language"]
                    {
                        entities[entities.count - 1] = TelegramMarkup.entity(
                            "pre", offset: offset, length: length, [("language", language)])
                    } else {
                        entities.append(TelegramMarkup.entity("pre", offset: offset, length: length))
                    }
                case "code":
                    let language = open.attributes["class"].flatMap { $0.hasPrefix("language-") ? String($0.dropFirst(9)) : nil }
                    if let outer = stack.last, outer.tag == "pre", let language, !language.isEmpty {
                        // Kept for the enclosing <pre> to pick up.
                        entities.append(
                            TelegramMarkup.entity("code", offset: offset, length: length, [("language", .string(language))]))
                    } else {
                        entities.append(TelegramMarkup.entity("code", offset: offset, length: length))
                    }
                default: break
                }
            }
        }
        if let open = stack.last {
            throw TelegramMarkupError(reason: "Can't find end tag corresponding to start tag \(open.tag)")
        }
        // A <code class="language-x"> not inside <pre> loses its language.
        entities = entities.map { entity in
            entity["type"]?.stringValue == "code" ? entity.setting("language", nil) : entity
        }
        return TelegramParsedText(text: out.string, entities: TelegramMarkup.sortEntities(entities))
    }
}

// MARK: - Legacy Markdown

private struct LegacyMarkdown {
    let input: [UInt8]
    init(_ text: String) { input = Array(text.utf8) }

    func parse() throws(TelegramMarkupError) -> TelegramParsedText {
        var out = OutputText()
        var entities: [JSON] = []
        var i = 0
        let specials: [UInt8] = Array("_*`[".utf8)
        while i < input.count {
            let c = input[i]
            if c == UInt8(ascii: "\\"), i + 1 < input.count, specials.contains(input[i + 1]) {
                out.append(input[i + 1])
                i += 2
                continue
            }
            guard specials.contains(c) else {
                out.append(c)
                i += 1
                continue
            }
            let begin = i
            let offset = out.utf16
            var endCharacter = c
            var type: String
            var extra: [(String, JSON)] = []
            switch c {
            case UInt8(ascii: "_"): type = "italic"
            case UInt8(ascii: "*"): type = "bold"
            case UInt8(ascii: "["): type = "text_link"; endCharacter = UInt8(ascii: "]")
            default:
                type = "code"
                if i + 2 < input.count, input[i + 1] == UInt8(ascii: "`"), input[i + 2] == UInt8(ascii: "`") {
                    type = "pre"
                    i += 2
                }
            }
            i += 1
            var closed = false
            while i < input.count {
                if type == "pre", input[i] == UInt8(ascii: "`"), i + 2 < input.count, input[i + 1] == UInt8(ascii: "`"),
                    input[i + 2] == UInt8(ascii: "`")
                {
                    i += 3
                    closed = true
                    break
                }
                if type != "pre", input[i] == endCharacter {
                    i += 1
                    closed = true
                    break
                }
                out.append(input[i])
                i += 1
            }
            if !closed {
                throw TelegramMarkupError(reason: "Can't find end of the entity starting at byte offset \(begin)")
            }
            if type == "text_link" {
                guard i < input.count, input[i] == UInt8(ascii: "(") else { continue }
                i += 1
                var url: [UInt8] = []
                while i < input.count, input[i] != UInt8(ascii: ")") { url.append(input[i]); i += 1 }
                if i >= input.count {
                    throw TelegramMarkupError(reason: "Can't find end of the entity starting at byte offset \(begin)")
                }
                i += 1
                let link = String(decoding: url, as: UTF8.self)
                guard TelegramMarkup.isAcceptableURL(link) else { continue }
                extra = [("url", .string(link))]
            }
            if out.utf16 > offset {
                entities.append(TelegramMarkup.entity(type, offset: offset, length: out.utf16 - offset, extra))
            }
        }
        return TelegramParsedText(text: out.string, entities: TelegramMarkup.sortEntities(entities))
    }
}
