import Foundation

/// Which Sheets v4 method a request calls, parsed from the raw (percent-encoded) path.
enum SheetsRoute: Sendable, Equatable {
    case spreadsheetGet(id: String)
    case spreadsheetBatchUpdate(id: String)
    case valuesGet(id: String, range: String)
    case valuesBatchGet(id: String)
    case valuesAppend(id: String, range: String)
    case valuesBatchUpdate(id: String)

    static let prefix = "/v4/spreadsheets/"

    init?(method: String, path: String) {
        guard path.hasPrefix(Self.prefix) else { return nil }
        let rest = String(path.dropFirst(Self.prefix.count))
        guard !rest.isEmpty else { return nil }
        if let slash = rest.firstIndex(of: "/") {
            guard let id = Self.decode(rest[..<slash]), !id.isEmpty else { return nil }
            let tail = rest[rest.index(after: slash)...]
            switch (method, tail) {
            case ("GET", "values:batchGet"): self = .valuesBatchGet(id: id)
            case ("POST", "values:batchUpdate"): self = .valuesBatchUpdate(id: id)
            default:
                guard tail.hasPrefix("values/") else { return nil }
                var encoded = tail.dropFirst("values/".count)
                let append = encoded.hasSuffix(":append")
                if append { encoded = encoded.dropLast(":append".count) }
                // A range that cannot be percent-decoded is passed on raw: Sheets then cannot parse it.
                let range = Self.decode(encoded) ?? String(encoded)
                switch (method, append) {
                case ("GET", false): self = .valuesGet(id: id, range: range)
                case ("POST", true): self = .valuesAppend(id: id, range: range)
                default: return nil
                }
            }
        } else if rest.hasSuffix(":batchUpdate") {
            guard method == "POST", let id = Self.decode(rest.dropLast(":batchUpdate".count)), !id.isEmpty else { return nil }
            self = .spreadsheetBatchUpdate(id: id)
        } else {
            guard method == "GET", let id = Self.decode(Substring(rest)), !id.contains(":") else { return nil }
            self = .spreadsheetGet(id: id)
        }
    }

    private static func decode(_ s: Substring) -> String? {
        String(s).removingPercentEncoding
    }

    var spreadsheetID: String {
        switch self {
        case .spreadsheetGet(let id), .spreadsheetBatchUpdate(let id), .valuesBatchGet(let id), .valuesBatchUpdate(let id),
            .valuesGet(let id, _), .valuesAppend(let id, _):
            return id
        }
    }

    /// Counted against the write quota (POST), else the read quota.
    var isWrite: Bool {
        switch self {
        case .spreadsheetGet, .valuesGet, .valuesBatchGet: return false
        default: return true
        }
    }

    var kind: String {
        switch self {
        case .spreadsheetGet: return "spreadsheets.get"
        case .spreadsheetBatchUpdate: return "spreadsheets.batchUpdate"
        case .valuesGet: return "values.get"
        case .valuesBatchGet: return "values.batchGet"
        case .valuesAppend: return "values.append"
        case .valuesBatchUpdate: return "values.batchUpdate"
        }
    }
}

/// Query parameters, in order, repeated keys kept (`ranges=A&ranges=B`).
struct Query: Sendable {
    var pairs: [(String, String)]

    init(_ raw: String?) {
        pairs = raw.map(FormDecoding.pairs) ?? []
    }

    func first(_ key: String) -> String? {
        pairs.first(where: { $0.0 == key })?.1
    }

    func all(_ key: String) -> [String] {
        pairs.filter { $0.0 == key }.map(\.1)
    }

    func bool(_ key: String) -> Bool {
        first(key)?.lowercased() == "true"
    }
}
