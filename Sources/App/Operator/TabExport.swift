import Foundation
import AgentCore

/// `launcher export`: a tab as the bot sees it, as CSV or as a JSON array of objects keyed by
/// the header names, cells exactly as stored (a neutralised formula keeps its apostrophe).
public enum TabExport {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    public static func render(_ data: TabData, as format: Format) -> String {
        let rows = data.rows.filter { $0.contains { !$0.isEmpty } }
            .map { $0.count < data.header.count ? $0 + Array(repeating: "", count: data.header.count - $0.count) : $0 }
        switch format {
        case .csv:
            return ([data.header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .json:
            // Written by hand to keep the columns in the sheet's order.
            let objects = rows.map { row in
                "  {" + data.header.enumerated().map { i, name in
                    "\(jsonString(name)): \(jsonString(i < row.count ? row[i] : ""))"
                }.joined(separator: ", ") + "}"
            }
            return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
        }
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
