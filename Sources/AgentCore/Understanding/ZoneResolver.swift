import Foundation

/// Reads what people type as one of the sheet's zones: typos ("oriete", "nrte"), sounds
/// ("sona sur"), words run together ("laloma", "sanisidro"), abbreviations ("nte") and the
/// aliases the operator lists in the Zonas tab. An inexact match says so, so the bot can ask
/// "¿Te refieres a Oriente?" when it matters.
struct ZoneResolver: Sendable {
    struct Match: Equatable {
        var zone: String
        var exact: Bool
    }

    private struct Entry {
        var zone: String
        var words: [String]
        /// "laloma", "sanisidro": the whole name run together, article included.
        var runTogether: [String]
    }

    private let entries: [Entry]
    private let aliases: [String: String]

    init(zones: [String], aliases: [String: String]) {
        entries = zones.map { zone in
            let words = Lexicon.significantWords(of: zone)
            return Entry(zone: zone, words: words, runTogether: [words.joined(), Text.fold(zone).replacingOccurrences(of: " ", with: "")])
        }
        var all = aliases
        for (alias, canonical) in Self.builtInAliases where all[alias] == nil {
            if let zone = zones.first(where: { Text.fold($0) == canonical }) { all[alias] = zone }
        }
        self.aliases = all
    }

    /// English names and the abbreviations staff and customers write.
    static let builtInAliases: [String: String] = [
        "downtown": "centro", "north": "norte", "south": "sur", "east": "oriente", "west": "poniente",
        "oeste": "poniente", "nte": "norte", "ote": "oriente", "pte": "poniente", "ctro": "centro",
    ]

    /// The zone `words` (folded, 1–3 words) name. `marked`: the words follow "colonia", "zona"
    /// or similar, so even a short name may be misspelt ("zona sir").
    func resolve(_ words: [String], marked: Bool) -> Match? {
        let significant = words.filter { !Lexicon.articles.contains($0) }
        guard !significant.isEmpty else { return nil }
        if let zone = aliases[significant.joined(separator: " ")] ?? aliases[words.joined(separator: " ")] {
            return Match(zone: zone, exact: true)
        }
        if let entry = entries.first(where: { $0.words == significant || (significant.count == 1 && $0.runTogether.contains(significant[0])) }) {
            return Match(zone: entry.zone, exact: true)
        }
        // Fuzzy, word by word: one slip in a word of four letters or more (two from nine), or
        // the same sound. A lone short word ("sir") only after a marker.
        var best: (zone: String, distance: Int)?
        for entry in entries {
            let targets: [[String]] = significant.count == 1 ? [entry.words, [entry.runTogether[0]]] : [entry.words]
            for target in targets where target.count == significant.count {
                var total = 0
                let close = zip(significant, target).allSatisfy { typed, wanted in
                    let allowed = wanted.count >= 9 ? 2 : (wanted.count >= 4 || marked ? 1 : 0)
                    let d = SpellFixer.distance(typed, wanted)
                    total += d
                    return d <= allowed || (typed.count >= 4 && SpellFixer.soundKey(typed) == SpellFixer.soundKey(wanted))
                }
                if close, best == nil || total < best!.distance { best = (entry.zone, total) }
            }
        }
        return best.map { Match(zone: $0.zone, exact: false) }
    }
}
