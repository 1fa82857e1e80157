import Foundation
import Synchronization

/// Reads what people type as one of the sheet's zones: typos ("oriete", "nrte"), sounds
/// ("sona sur"), words run together ("laloma", "sanisidro"), abbreviations ("nte") and the
/// aliases the operator lists in the Zonas tab. An inexact match says so, so the bot can ask
/// "¿Te refieres a Oriente?" when it matters.
/// A class: every message's extractor holds the one built for the sheet, and a struct of a
/// dozen collections cost a dozen retains at each copy.
final class ZoneResolver: Sendable {
    struct Match: Equatable {
        var zone: String
        var exact: Bool
    }

    private struct Entry {
        var zone: String
        var words: [String]
        var sounds: [String]
        /// "laloma", "sanisidro": the whole name run together, article included.
        var runTogether: [String]
        var runTogetherSound: String
        /// "la" of "La Loma": typed before a name cut short, it marks the name ("y en la lom").
        var article: String?
    }

    private let entries: [Entry]
    /// Folded alias → the sheet's zone: the Zonas tab's and the built-in English ones.
    let aliases: [String: String]
    /// Every exact spelling (the name, run together, an alias) → the zone: one lookup a span.
    private let exact: [String: String]
    /// The most words a zone's name or alias has (no longer span can be one).
    let longestName: Int
    /// The most significant words a zone's name has (fuzzy matching compares word by word).
    let longestSignificant: Int
    /// The words an exact spelling can start with: a span starting otherwise is no zone.
    let firstWords: Set<String>
    /// Each zone with its folded name padded (" la loma "), to find names spelt out in text.
    let paddedNames: [(zone: String, padded: String)]
    /// Every word of every zone's name ("loma", "san", "isidro").
    let zoneWords: Set<String>
    /// Each name's first word and the name run together, with their sounds and the slips allowed unmarked.
    private let beginnings: [(word: String, sound: String, allowed: Int)]
    /// The beginnings of the names run together ("ori", "po", "san"): a word dictated apart starts with one.
    private let namePrefixes: Set<String>
    /// The first two bytes of every name prefix, and the longest prefix's length: most words
    /// begin none, and are ruled out by these before any lookup.
    private let prefixStarts: [UInt16]
    private let longestPrefix: Int
    /// `mayBegin` of each word asked about: the same words come in message after message.
    private let mayBeginByWord = WordTable<Bool>()
    /// This resolver's number, unique in the process: what a word is to it is kept on the word's token (`Token.zoneFacts`).
    let serial: UInt32
    private static let built = Atomic<UInt32>(0)

    init(zones: [String], aliases: [String: String]) {
        serial = Self.built.wrappingAdd(1, ordering: .relaxed).newValue
        entries = zones.map { zone in
            let words = Lexicon.significantWords(of: zone)
            let all = Text.fold(zone).split(separator: " ").map(String.init)
            let article = all.first.flatMap { Lexicon.articles.contains($0) && words.count < all.count ? $0 : nil }
            return Entry(zone: zone, words: words, sounds: words.map(SpellFixer.soundKey),
                         runTogether: [words.joined(), Text.fold(zone).replacingOccurrences(of: " ", with: "")],
                         runTogetherSound: SpellFixer.soundKey(words.joined()), article: article)
        }
        var all = aliases
        for (alias, canonical) in Self.builtInAliases where all[alias] == nil {
            if let zone = zones.first(where: { Text.fold($0) == canonical }) { all[alias] = zone }
        }
        self.aliases = all
        var exact = all
        for entry in entries {
            exact[entry.words.joined(separator: " ")] = exact[entry.words.joined(separator: " ")] ?? entry.zone
            for together in entry.runTogether where exact[together] == nil { exact[together] = entry.zone }
        }
        self.exact = exact
        longestName = max(1, exact.keys.map { $0.split(separator: " ").count + 1 }.max() ?? 1)
        firstWords = Set(exact.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
        zoneWords = Set(entries.flatMap(\.words))
        paddedNames = zones.map { ($0, " " + Text.fold($0) + " ") }
        longestSignificant = max(1, entries.map(\.words.count).max() ?? 1)
        namePrefixes = Set(entries.flatMap { entry in
            entry.runTogether.flatMap { name in (2..<max(2, name.count)).map { String(name.prefix($0)) } }
        })
        prefixStarts = Array(Set(namePrefixes.compactMap(Self.firstTwoBytes)))
        longestPrefix = namePrefixes.map(\.utf8.count).max() ?? 0
        beginnings = entries.flatMap { entry -> [(word: String, sound: String, allowed: Int)] in
            guard let first = entry.words.first else { return [] }
            return [(first, entry.sounds[0]), (entry.runTogether[0], entry.runTogetherSound)].map { word, sound in
                (word, sound, Self.slipsAllowed(in: word, marked: false))
            }
        }
    }

    /// Built once per set of zones: every message is read against the same sheet.
    static func cached(zones: [String], aliases: [String: String]) -> ZoneResolver {
        if let last = lastBuilt.withLock({ $0 }), last.zones == zones, last.aliases == aliases { return last.resolver }
        let resolver = ZoneResolver(zones: zones, aliases: aliases)
        lastBuilt.withLock { $0 = (zones, aliases, resolver) }
        return resolver
    }

    private static let lastBuilt = Mutex<(zones: [String], aliases: [String: String], resolver: ZoneResolver)?>(nil)

    /// English names and the abbreviations staff and customers write.
    static let builtInAliases: [String: String] = [
        "downtown": "centro", "north": "norte", "south": "sur", "east": "oriente", "west": "poniente",
        "oeste": "poniente", "nte": "norte", "ote": "oriente", "pte": "poniente", "ctro": "centro",
        // ("she lives in the orient zone"; dictated: "por la oriental", "a la lona allá arriba")
        "orient": "oriente", "oriental": "oriente", "la lona": "la loma",
        // ("what about the town center?", "depto 1 en la lomas")
        "town center": "centro", "town centre": "centro", "city center": "centro", "la lomas": "la loma",
        // ("esta en el sir, x la calle de los talleres": a vowel slipped, after the article that says a place)
        "el sir": "sur", "zona sir": "sur",
        // (dictated by ear: "el rancho de San cidro ahí por la presa", "san isidrio")
        "san cidro": "san isidro", "san sidro": "san isidro", "san isidrio": "san isidro", "la lomita": "la loma",
        // (voice-typed: "el rancho de san y sidro")
        "san y sidro": "san isidro", "san y isidro": "san isidro",
    ]

    /// Whether `word`, however misspelt, may be the first word of a zone's name (or the whole
    /// name run together), by the rule `resolve` applies unmarked: most words are not, and
    /// then no span starting with them needs resolving.
    func mayBegin(_ word: String) -> Bool {
        mayBeginByWord.value(for: word, make: resemblesABeginning)
    }

    private func resemblesABeginning(_ word: String) -> Bool {
        var sound: String?
        for beginning in beginnings {
            if SpellFixer.boundedDistance(word, beginning.word, limit: beginning.allowed) <= beginning.allowed { return true }
            if word.utf8.count >= 5, beginning.word.hasPrefix(word), beginning.word.utf8.count - word.utf8.count <= 2 { return true }
            if word.utf8.count >= 3, beginning.word.hasPrefix(word), beginning.word.utf8.count - word.utf8.count == 1 { return true }
            if Self.isDiminutive(word, of: beginning.word) { return true }
            guard word.utf8.count >= 4 else { continue }
            if sound == nil { sound = SpellFixer.soundKey(word) }
            if sound == beginning.sound || Self.soundsNear(sound!, beginning.sound) { return true }
        }
        return false
    }

    /// The zone `words` (folded, 1–3 words) name. `marked`: the words follow "colonia", "zona"
    /// or similar, so even a short name may be misspelt ("zona sir").
    func resolve(_ words: [String], marked: Bool, exactOnly: Bool = false) -> Match? {
        let significant = words.filter { !Lexicon.articles.contains($0) }
        guard !significant.isEmpty else { return nil }
        if let zone = exact[significant.joined(separator: " ")] ?? aliases[words.joined(separator: " ")] {
            return Match(zone: zone, exact: true)
        }
        if exactOnly { return nil }
        // Fuzzy, word by word: one slip in a word of four letters or more (two from nine), or
        // the same sound. A lone short word ("sir") only after a marker.
        // Sounds only when a word is not close by spelling (most comparisons end at the first word).
        var typedSounds: [String]?
        var best: (zone: String, distance: Int)?
        for entry in entries {
            // ("y en la lom": the name's own article before it, one letter missing at the end.)
            let ownArticle = entry.article != nil && words.first == entry.article && words.count > significant.count
            for variant in 0..<(significant.count == 1 ? 2 : 1) {
                let (words, sounds) = variant == 0 ? (entry.words, entry.sounds) : ([entry.runTogether[0]], [entry.runTogetherSound])
                guard words.count == significant.count else { continue }
                var total = 0
                var close = true
                for (i, typed) in significant.enumerated() {
                    let wanted = words[i]
                    let allowed = Self.slipsAllowed(in: wanted, marked: marked)
                    // "x la orien": a name cut short (five letters or more, two at most missing) is one slip.
                    let clipped = typed.utf8.count >= 5 && wanted.hasPrefix(typed) && wanted.utf8.count - typed.utf8.count <= 2
                        || ownArticle && i == significant.count - 1 && typed.utf8.count >= 3 && wanted.hasPrefix(typed)
                            && wanted.utf8.count - typed.utf8.count == 1
                    // ("zona norteño", "la zona sureña": the zone's name made an adjective, after a marker.)
                    let adjective = marked && wanted.utf8.count >= 3 && typed.hasPrefix(wanted)
                        && ["no", "na", "eno", "ena", "nos", "nas", "enos", "enas"].contains(String(typed.dropFirst(wanted.count)))
                    let d = clipped || adjective || Self.isDiminutive(typed, of: wanted) ? min(1, allowed)
                        : SpellFixer.boundedDistance(typed, wanted, limit: allowed)
                    total += d
                    if d > allowed {
                        if typedSounds == nil { typedSounds = significant.map { $0.utf8.count >= 4 ? SpellFixer.soundKey($0) : "" } }
                        if typedSounds![i].isEmpty || typedSounds![i] != sounds[i] && !Self.soundsNear(typedSounds![i], sounds[i]) {
                            close = false
                            break
                        }
                    }
                }
                if close, best == nil || total < best!.distance { best = (entry.zone, total) }
            }
        }
        return best.map { Match(zone: $0.zone, exact: false) }
    }

    /// "sento" for Centro: sounds one slip apart, in a word of five letters or more that begins with the name's sound
    /// ("dentro" is no Centro).
    static func soundsNear(_ typed: String, _ wanted: String) -> Bool {
        typed.utf8.count >= 5 && wanted.utf8.count >= 5 && typed.utf8.first == wanted.utf8.first
            && SpellFixer.boundedDistance(typed, wanted, limit: 1) <= 1
    }

    /// Whether a word may be the first piece of a name dictated apart ("ori", "po"; "pone", with a slip of its own).
    func mayStartPieces(_ first: String) -> Bool {
        // (A prefix's bytes begin the word, which has at most one letter more: up to four bytes.)
        guard first.utf8.count <= longestPrefix + 4, let start = Self.firstTwoBytes(first), prefixStarts.contains(start) else {
            return false
        }
        return namePrefixes.contains(first) || first.utf8.count >= 4 && namePrefixes.contains(String(first.dropLast()))
    }

    private static func firstTwoBytes(_ word: String) -> UInt16? {
        var bytes = word.utf8.makeIterator()
        guard let a = bytes.next(), let b = bytes.next() else { return nil }
        return UInt16(a) << 8 | UInt16(b)
    }

    /// "la su": a one-word name with its last letter not heard (Sur), for when the zone is asked.
    func cutShort(_ typed: String) -> Match? {
        guard typed.utf8.count >= 2 else { return nil }
        return entries.first { $0.words.count == 1 && $0.words[0].utf8.count == typed.utf8.count + 1 && $0.words[0].hasPrefix(typed) }
            .map { Match(zone: $0.zone, exact: false) }
    }

    /// "ori ente", "po niente", "san y sidro": a name dictated in pieces, read run together. Only the sheet's names
    /// (no alias: "o este" is no Oeste); a slip only in a name of seven letters or more ("pone ente").
    func runTogether(_ pieces: [String]) -> Match? {
        guard pieces.count > 1, let first = pieces.first, mayStartPieces(first) else { return nil }
        let joined = pieces.joined()
        guard joined.utf8.count >= 5, aliases[joined] == nil else { return nil }
        if let zone = exact[joined] { return Match(zone: zone, exact: true) }
        guard joined.utf8.count >= 7 else { return nil }
        return entries.first { entry in
            entry.runTogether.contains { SpellFixer.boundedDistance(joined, $0, limit: 1) <= 1 }
        }.map { Match(zone: $0.zone, exact: false) }
    }

    /// "hasta la lomita": a name made small, as places are spoken of ("loma" → "lomita", "centro" → "centrito").
    static func isDiminutive(_ typed: String, of wanted: String) -> Bool {
        guard wanted.utf8.count >= 4, typed.utf8.count == wanted.utf8.count + 2 || typed.utf8.count == wanted.utf8.count + 3,
              typed.hasPrefix(wanted.dropLast()) else { return false }
        let ending = typed.dropFirst(wanted.count - 1)
        return ["ita", "ito", "itas", "itos"].contains(String(ending))
    }

    /// Slips read in a word of a zone's name: two from nine letters, one from five, one in any
    /// word after a marker ("zona sir"); none otherwise ("toma" is not La Loma).
    static func slipsAllowed(in wanted: String, marked: Bool) -> Int {
        let letters = wanted.utf8.count
        return letters >= 9 ? 2 : (letters >= 5 || marked ? 1 : 0)
    }
}
