/// Words by id (`WordIds`), one bit each: whether a token's word is one of them is a bit test,
/// with no hashing and no string compared (the finders ask it of nearly every word).
struct WordIdSet: Sendable {
    private var bits: [UInt64]

    /// `words` must be in `WordIds`' table.
    init(_ words: some Sequence<String>) {
        self.init(ids: WordIds.phrases(words.map { [$0] }).map { $0[0] })
    }

    /// Words with no id (`WordIds.unknown`) are left out: no phrase has them.
    init(ids: some Sequence<Int32>) {
        bits = [UInt64](repeating: 0, count: (WordIds.count + 63) / 64)
        for id in ids where id != WordIds.unknown { bits[Int(id) &>> 6] |= 1 &<< (UInt64(id) & 63) }
    }

    func contains(_ id: Int32) -> Bool {
        id != WordIds.unknown && bits[Int(id) &>> 6] & (1 &<< (UInt64(id) & 63)) != 0
    }
}

/// A message's word ids and which of them it has: a phrase with a word the message lacks is
/// ruled out without a scan (a message is searched for a hundred-odd phrases, most absent).
struct MessageIds: Sendable {
    let all: [Int32]
    private let present: WordIdSet

    init(_ ids: [Int32]) {
        all = ids
        present = WordIdSet(ids: ids)
    }

    subscript(i: Int) -> Int32 { all[i] }

    /// Where `phrase` starts as consecutive word ids, searching from `start`.
    func position(of phrase: [Int32], from start: Int = 0) -> Int? {
        // (A plain loop: the generic allSatisfy over a closure cost more than the bit tests.)
        for id in phrase where !present.contains(id) { return nil }
        return all.position(of: phrase, from: start)
    }
}
