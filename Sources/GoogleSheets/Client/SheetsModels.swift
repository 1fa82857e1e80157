/// The JSON shapes of Sheets v4 that the bot reads (only the fields it uses).
struct ValueRange: Codable, Sendable {
    var range: String?
    var majorDimension: String?
    /// Absent when the range is empty; rows are ragged (trailing empty cells dropped).
    var values: [[CellValue]]?
}

/// A cell as the API returns it: FORMATTED_VALUE gives strings, but numbers and booleans
/// are accepted too.
struct CellValue: Codable, Sendable {
    var text: String

    init(_ text: String) {
        self.text = text
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let s = try? container.decode(String.self) {
            text = s
        } else if let i = try? container.decode(Int.self) {
            text = String(i)
        } else if let d = try? container.decode(Double.self) {
            text = String(d)
        } else if let b = try? container.decode(Bool.self) {
            text = b ? "TRUE" : "FALSE"
        } else {
            text = ""
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

struct BatchGetResponse: Decodable {
    var valueRanges: [ValueRange]?
}

struct SpreadsheetResponse: Decodable {
    struct Properties: Decodable { var title: String? }
    struct Sheet: Decodable {
        struct Properties: Decodable {
            var sheetId: Int?
            var title: String
            var index: Int?
        }
        var properties: Properties
    }
    var spreadsheetId: String?
    var properties: Properties?
    var sheets: [Sheet]?
}

struct AppendResponse: Decodable {
    struct Updates: Decodable {
        var updatedRange: String?
        var updatedRows: Int?
    }
    var tableRange: String?
    var updates: Updates?
}

/// What spreadsheets.get tells about the file.
public struct SpreadsheetInfo: Sendable, Equatable {
    public var title: String
    public var tabs: [String]
}
