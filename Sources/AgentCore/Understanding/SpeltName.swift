/// A word of a name with what `isSameName` compares worked out once: a staff message is held
/// against every client's name, so each of its words meets each name many times over.
struct SpeltName: Sendable {
    let word: String
    /// UTF-8 length and first byte: the cheap questions that rule out most pairs.
    let length: Int
    let first: UInt8?
    /// How the first two letters sound, and the whole word; empty when too short to be asked
    /// (a name is compared by sound only from three letters, a typed word from four).
    let openingSound: String
    let sound: String

    init(_ word: String) {
        self.word = word
        length = word.utf8.count
        first = word.utf8.first
        let comparable = length >= 3
        openingSound = comparable ? SpellFixer.soundKey(String(word.prefix(2))) : ""
        sound = comparable ? SpellFixer.soundKey(word) : ""
    }

    /// "peres" is "pérez", "rodrigez" is "rodríguez": one slip, or the same sound.
    func isSameName(as name: SpeltName) -> Bool {
        if word == name.word { return true }
        // Cheap checks first: most words of a message are nowhere near a client's name.
        guard length >= 4, abs(length - name.length) <= 1, first == name.first || openingSound == name.openingSound
        else { return false }
        return SpellFixer.boundedDistance(word, name.word, limit: 1) <= 1 || sound == name.sound
    }
}
