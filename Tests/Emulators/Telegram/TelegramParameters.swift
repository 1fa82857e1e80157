import Foundation

/// The parameters of one Bot API call, merged from the query string and the body
/// (`application/json`, `application/x-www-form-urlencoded` or `multipart/form-data`).
/// Query and form values are strings; JSON values keep their type. A body value wins over a
/// query value with the same name.
struct TelegramParameters: Sendable {
    private(set) var pairs: [(String, JSON)] = []

    init(pairs: [(String, JSON)] = []) {
        for (key, value) in pairs { set(key, value) }
    }

    init(query: String?, contentType: String?, body: [UInt8]) {
        if let query, !query.isEmpty {
            for (key, value) in Self.formPairs(query) { set(key, .string(value)) }
        }
        guard !body.isEmpty else { return }
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("application/json") || (type.isEmpty && body.first == UInt8(ascii: "{")) {
            if case .object(let fields)? = try? JSON.parse(body) {
                for (key, value) in fields { set(key, value) }
            }
        } else if type.hasPrefix("multipart/form-data") {
            for (key, value) in Self.multipartPairs(body, contentType: contentType ?? "") { set(key, .string(value)) }
        } else {
            for (key, value) in Self.formPairs(String(decoding: body, as: UTF8.self)) { set(key, .string(value)) }
        }
    }

    mutating func set(_ key: String, _ value: JSON) {
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
            pairs[index].1 = value
        } else {
            pairs.append((key, value))
        }
    }

    subscript(key: String) -> JSON? {
        pairs.first(where: { $0.0 == key })?.1
    }

    /// Present and not JSON `null`.
    func has(_ key: String) -> Bool {
        guard let value = self[key] else { return false }
        return value != .null
    }

    func int64(_ key: String) -> Int64? { self[key]?.int64Value }
    func string(_ key: String) -> String? { self[key]?.textValue }
    func bool(_ key: String) -> Bool { self[key]?.truthy ?? false }

    var json: JSON { .object(pairs) }

    // MARK: Decoding

    /// `a=1&b=x+y%21`: `+` is a space, `%XX` are UTF-8 bytes.
    static func formPairs(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The text fields of a multipart body (file parts are read as text too; the emulator does
    /// not store uploads).
    static func multipartPairs(_ body: [UInt8], contentType: String) -> [(String, String)] {
        guard let range = contentType.range(of: "boundary=", options: .caseInsensitive) else { return [] }
        var boundary = String(contentType[range.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { return [] }
        let text = String(decoding: body, as: UTF8.self)
        var result: [(String, String)] = []
        for part in text.components(separatedBy: "--" + boundary) {
            guard let headerEnd = part.range(of: "\r\n\r\n") else { continue }
            let headers = part[..<headerEnd.lowerBound]
            guard let nameRange = headers.range(of: "name=\"") else { continue }
            let afterName = headers[nameRange.upperBound...]
            guard let quote = afterName.firstIndex(of: "\"") else { continue }
            let name = String(afterName[..<quote])
            var value = String(part[headerEnd.upperBound...])
            if value.hasSuffix("\r\n") { value.removeLast(1) }  // "\r\n" is one Character
            result.append((name, value))
        }
        return result
    }
}
