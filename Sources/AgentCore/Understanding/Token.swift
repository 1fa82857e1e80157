/// One word of a message after normalisation, with the word as the person typed it
/// (names, places and times are copied from `original`, keeping their accents).
struct Token: Sendable, Equatable {
    var word: String
    var original: String
    /// The folded word before spelling fixes: names are judged on what was typed.
    var typed: String { Text.fold(original) }
    /// A sentence or clause boundary (. , ; : ! ? or a line break).
    var isBoundary: Bool { word == Token.boundaryMark }

    static let boundaryMark = "|"
    static let boundary = Token(word: boundaryMark, original: "")

    var isNumber: Bool { !word.isEmpty && word.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    var isAlphabetic: Bool { !word.isEmpty && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } }
}

extension Array where Element == String {
    /// Where `phrase` starts as consecutive words, searching from `start`.
    func position(of phrase: [String], from start: Int = 0) -> Int? {
        guard !phrase.isEmpty, phrase.count <= count else { return nil }
        var i = start
        while i + phrase.count <= count {
            if self[i] == phrase[0] {
                var j = 1
                while j < phrase.count, self[i + j] == phrase[j] { j += 1 }
                if j == phrase.count { return i }
            }
            i += 1
        }
        return nil
    }
}
