/// The words of the phrases matched word by word (the rules, the slot finders' triggers) and
/// of the word lists asked of every word (`WordIdSet`), numbered. A message's words are looked
/// up once, one hash each; after that every phrase compared is integers compared, not strings.
/// A word no list has is `unknown`, an id no list holds, so ids are equal exactly when the words are.
enum WordIds {
    static let unknown: Int32 = -1

    /// Every list matched by id. A list not named here stops at its first use (see `phrases`),
    /// so a word of a phrase can never be missing from the table.
    private static let table: [String: Int32] = {
        let lists: [[[String]]] = [
            IntentRules.rules.map(\.words), Lexicon.presenceTriggers, Lexicon.nameTriggers, Lexicon.searchTriggers,
            OfflineUnderstanding.personPhrases, OfflineUnderstanding.ownBillPhrases, SlotExtractor.onAndOff,
            SlotExtractor.leftAlone, LanguageGuess.englishRequests, Answers.deferrals,
            // (Sorted: a set's order changes from run to run, and ids need not.)
            LanguageGuess.english.sorted().map { [$0] }, LanguageGuess.spanish.sorted().map { [$0] },
            LanguageGuess.englishCues.sorted().map { [$0] },
            // Words the finders ask about nearly every word of a message (`WordIdSet`).
            (SlotExtractor.subPlaceWords + SlotExtractor.wholePlaceWords + SlotExtractor.sinceLeads + SlotExtractor.betterWords
                + SlotExtractor.changeWords + SlotExtractor.relativeWords.sorted() + Lexicon.placeMarkers.sorted()
                + Lexicon.restartVerbs.sorted() + Lexicon.numberWords.keys.sorted() + Lexicon.articles + Answers.agreeing.sorted()
                + SlotExtractor.hundreds.keys.sorted() + SlotExtractor.offAndOnLeads + SlotExtractor.toldThenWords)
                .map { [$0] },
        ]
        var table: [String: Int32] = [:]
        for word in lists.joined().joined() where table[word] == nil { table[word] = Int32(table.count) }
        return table
    }()

    /// How many words have an id (ids run from 0 to `count - 1`).
    static var count: Int { table.count }

    static func id(_ word: String) -> Int32 { table[word] ?? unknown }

    static func ids(_ words: [String]) -> [Int32] { words.map(id) }

    /// A list of phrases as ids; each of its words must be in the table.
    static func phrases(_ list: [[String]]) -> [[Int32]] {
        list.map { phrase in
            phrase.map { word in
                guard let id = table[word] else { preconditionFailure("'\(word)': name its list in WordIds.table") }
                return id
            }
        }
    }
}

extension Array where Element == Int32 {
    /// Where `phrase` starts as consecutive word ids, searching from `start`.
    func position(of phrase: [Int32], from start: Int = 0) -> Int? {
        guard !phrase.isEmpty, phrase.count <= count else { return nil }
        let first = phrase[0]
        var i = start
        while i + phrase.count <= count {
            if self[i] == first {
                var j = 1
                while j < phrase.count, self[i + j] == phrase[j] { j += 1 }
                if j == phrase.count { return i }
            }
            i += 1
        }
        return nil
    }
}
