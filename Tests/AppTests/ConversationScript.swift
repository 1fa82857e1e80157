import AgentCore
import BackOffice
import Foundation
@testable import App

/// A whole conversation written by someone outside the team (Resources/scripts): the
/// customer's or staff member's turns, the facts some replies must carry, and the rows the
/// conversation must leave in the back office.
struct ConversationScript: Decodable {
    struct Turn: Decodable {
        var user: String
        var expect: [String]?
    }

    var id: String
    var title: String
    var channel: String
    var role: String
    var client: String?
    var profileName: String?
    var turns: [Turn]
    var rows: [String: [[String: String]]]?

    enum CodingKeys: String, CodingKey {
        case id, title, channel, role, client, turns, rows
        case profileName = "profile_name"
    }

    static func load(_ name: String) throws -> [ConversationScript] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/scripts") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/scripts/\(name).json"])
        }
        return try JSONDecoder().decode([ConversationScript].self, from: Data(contentsOf: url))
    }

    /// Runs the script through the real pipeline on a fresh local workbook; returns what
    /// went wrong (empty: the script passed) and the transcript.
    func run(number: Int) async throws -> (failures: [String], transcript: [String]) {
        var bot = try await ConversationHarness()
        let chat: ChatRef
        if let client {
            chat = SampleClients.chat(client)
        } else if channel == "telegram" {
            chat = ChatRef(.telegram, String(880_000_000 + number))
        } else {
            chat = ChatRef(.whatsapp, String(format: "5214449%06d", number))
        }
        let role: Role? = self.role == "staff" ? .staff : nil
        var failures: [String] = []
        var transcript: [String] = []
        var sofar = ""
        for (index, turn) in turns.enumerated() {
            let replies = try await bot.send(turn.user, as: chat, role: role, profileName: profileName).joined(separator: "\n")
            transcript += ["> " + turn.user, replies]
            sofar += replies + "\n"
            for tag in turn.expect ?? [] {
                // A number given once (client number, folio) counts if it came at this turn or before.
                let oneTime = tag == "client_id" || tag == "folio"
                if !ReplyFact.holds(tag, in: oneTime ? sofar : replies) { failures.append("turn \(index + 1) lacks \(tag)") }
            }
        }
        for (tabName, expected) in rows ?? [:] {
            guard let tab = Tab(rawValue: tabName) else { continue }
            let got = try await bot.newRows(tab)
            if got.count != expected.count {
                failures.append("\(tabName): \(got.count) rows, expected \(expected.count)")
                continue
            }
            for (want, have) in zip(expected, got) {
                for (column, value) in want where Text.fold(have[column] ?? "") != Text.fold(value) {
                    failures.append("\(tabName).\(column) = \"\(have[column] ?? "")\", expected \"\(value)\"")
                }
            }
        }
        return (failures, transcript)
    }
}

/// The reply facts a script may expect (see the writers' brief), checked on a turn's replies.
enum ReplyFact {
    static func holds(_ tag: String, in text: String) -> Bool {
        let folded = Text.fold(text)
        let parts = tag.split(separator: ":", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1] : ""
        switch parts[0] {
        case "price": return text.contains("$" + argument)
        case "plan": return folded.contains("\(argument) mbps") || folded.contains("\(argument) megas")
        case "plans_list": return ["$350", "$450", "$600"].allSatisfy(text.contains)
        // Line by line: one message may answer two places ("sí llegamos al Sur… al Poniente todavía no").
        case "coverage_yes", "coverage_no":
            let place = Text.fold(argument)
            return text.split(separator: "\n").map { Text.fold(String($0)) }.contains { line in
                line.contains(place) && saysNoCoverage(line) == (parts[0] == "coverage_no")
            }
        case "client_id": return text.contains(try! Regex("C-[0-9]{4}"))
        case "folio": return text.contains(try! Regex("F-[0-9]{4}"))
        case "status":
            return text.contains(try! Regex("F-[0-9]{4}")) || ["no tienes reportes", "no reports", "no tiene reportes", "has no reports", "no open reports"].contains(where: folded.contains)
        case "billing": return text.contains("$") && (folded.contains("mbps") || folded.contains("plan"))
        case "handoff": return ["persona del equipo", "someone on the team", "someone from the team", "una persona", "a person"].contains(where: folded.contains)
        case "refusal":
            return ["solo para el personal", "staff only", "no puedo compartir", "i can t share", "datos de otras personas",
                    "other people s"].contains(where: folded.contains)
        case "stats":
            switch argument {
            case "revenue": return text.contains("$") && ["ingreso", "revenue", "factur"].contains(where: folded.contains)
            case "incidents": return ["incidentes abiertos", "reportes abiertos", "open incidents"].contains(where: folded.contains)
            // ("sign-ups" folds to "sign ups".)
            case "signups": return ["altas", "nuevos clientes", "sign-ups", "sign ups", "signups"].contains(where: folded.contains)
            case "prospects": return folded.contains("prospect")
            default: return folded.contains("cliente") || folded.contains("client")
            }
        case "search":
            let query = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard query.count == 2 else { return false }
            let ids = text.matches(of: try! Regex("C-[0-9]{4}")).count
            if query[0] == "zone" {
                // Some list of the turn (its client lines, one after another) is all of that zone: a turn may answer
                // "los del norte y los del oriente" with two lists.
                let zone = Text.fold(query[1])
                var lists: [[String]] = [[]]
                for line in text.split(separator: "\n").map(String.init) {
                    if line.contains(try! Regex("C-[0-9]{4}")) { lists[lists.count - 1].append(line) } else { lists.append([]) }
                }
                return lists.contains { !$0.isEmpty && $0.allSatisfy { Text.fold($0).contains(zone) } }
            }
            let words = Text.fold(query[1]).split(separator: " ").prefix(2)
            return ids > 0 && words.allSatisfy { folded.contains($0) }
        case "english": return [" the ", " you ", " your ", " we ", " is ", " for ", " and ", " of ", " this ", " open "].contains(where: (" " + folded + " ").contains)
        case "no_restart_advice":
            return !["prueba desconectar", "try unplugging", "reinicia tu", "restart your"].contains(where: folded.contains)
        default: return false
        }
    }

    static func saysNoCoverage(_ folded: String) -> Bool {
        ["no tenemos cobertura", "no podemos instalar", "no llegamos", "aun no llegamos", "fuera de nuestra cobertura",
         "no tengo registrada", "don t cover", "not covered", "don t have", "outside our coverage", "can t install"]
            .contains(where: folded.contains)
    }
}
