/// The rule scores of one message, by intent: a slot per intent (indexed by `tieRank`) and
/// which of them a rule scored, in place of a dictionary that hashed an intent at every
/// rule matched and every score read.
struct IntentScores {
    private var values = [Double](repeating: 0, count: Intent.allCases.count)
    /// Bit `tieRank` set: the intent has a score (a dictionary's key present).
    private var scored: UInt32 = 0

    subscript(intent: Intent) -> Double? {
        scored & (1 << intent.tieRank) != 0 ? values[intent.tieRank] : nil
    }

    mutating func add(_ weight: Double, to intent: Intent) {
        values[intent.tieRank] += weight
        scored |= 1 << intent.tieRank
    }

    mutating func set(_ value: Double, for intent: Intent) {
        values[intent.tieRank] = value
        scored |= 1 << intent.tieRank
    }

    /// The intents scored, highest first; equal scores in `tieRank` order.
    var ranked: [(key: Intent, value: Double)] {
        Intent.byTieRank.compactMap { intent in self[intent].map { (intent, $0) } }
            .sorted { a, b in a.value != b.value ? a.value > b.value : a.key.tieRank < b.key.tieRank }
    }

    /// The highest score of an intent other than `excluded` (the first in `tieRank` order of equal ones).
    func best(excluding excluded: Intent) -> (key: Intent, value: Double)? {
        var best: (key: Intent, value: Double)?
        for intent in Intent.byTieRank where intent != excluded {
            if let value = self[intent], best == nil || value > best!.value { best = (intent, value) }
        }
        return best
    }
}

extension Intent {
    /// Every intent, in `tieRank` order.
    static let byTieRank = allCases.sorted { $0.tieRank < $1.tieRank }
}
