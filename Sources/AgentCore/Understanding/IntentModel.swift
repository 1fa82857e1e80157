import Foundation

/// A learned intent classifier for the long tail the phrase rules miss: multinomial logistic
/// regression over hashed word unigrams, word bigrams and character n-grams of each word
/// (the n-grams make "intenet", "lentisimo" and "reinicie" close to what it has seen).
/// Trained at start-up from the labelled examples in messaging/intents.txt, in well under a
/// second for a few thousand examples, with no dependency.
public struct IntentModel: Sendable {
    /// 2^17 hashed features: few collisions for the ~40k distinct features of the corpus.
    static let dimensionBits = 17
    static let dimensions = 1 << dimensionBits

    /// Measured by leaving one writer's messages out of training: 25 epochs at rate 1 is where
    /// accuracy stops rising.
    static let baseRate: Float = 1.0
    let intents: [Intent]
    /// dimensions × `rowStride`, row-major by feature, from `skip`: each feature's row is one
    /// aligned 64-byte cache line (13 intents and 3 zeros), read with one load where a row of
    /// 13 would straddle two lines half the time.
    let weights: [Float]
    /// Where the first row starts: the first float of the buffer on a 64-byte boundary.
    let skip: Int
    let bias: [Float]
    public let exampleCount: Int

    public struct Prediction: Sendable {
        public var intent: Intent
        public var probability: Double
        /// Every intent's probability, most likely first.
        public var ranked: [(intent: Intent, probability: Double)]
    }

    /// Trains on normalised words and their intent. Deterministic: the same corpus gives the
    /// same model.
    init(training examples: [(words: [String], intent: Intent)], epochs: Int = 25) {
        let intents = Intent.allCases
        let k = intents.count
        let classIndex = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })
        let data = examples.map { (features: Self.features($0.words), label: classIndex[$0.intent]!) }
        let stride = Self.rowStride(k)
        // (Room before the first row to start it on a cache line: see `skip`.)
        var weights = [Float](repeating: 0, count: Self.dimensions * stride + Self.lanes)
        var skip = 0
        var bias = [Float](repeating: 0, count: k)
        var order = Array(data.indices)
        var random = SplitMix(seed: 0x5EED)
        let l2: Float = 1e-6
        var step = 0
        let total = Float(max(1, epochs * data.count))
        weights.withUnsafeMutableBufferPointer { all in
            skip = ((64 - (Int(bitPattern: all.baseAddress) & 63)) & 63) / MemoryLayout<Float>.stride
            let w = UnsafeMutableBufferPointer(rebasing: all[skip...])
            var scores = [Float](repeating: 0, count: k)
            for _ in 0..<epochs {
                random.shuffle(&order)
                for i in order {
                    let (features, label) = data[i]
                    let rate = Self.baseRate * (1 - Float(step) / total) + 0.01
                    step += 1
                    Self.scores(features, w: UnsafeBufferPointer(w), bias: bias, k: k, into: &scores)
                    Self.softmax(&scores)
                    for c in 0..<k {
                        let gradient = scores[c] - (c == label ? 1 : 0)
                        bias[c] -= rate * gradient
                        let g = rate * gradient
                        for index in features.hashes {
                            let at = index &* stride &+ c
                            w[at] -= g * features.value + rate * l2 * w[at]
                        }
                    }
                }
            }
        }
        self.intents = intents
        self.weights = weights
        self.skip = skip
        self.bias = bias
        self.exampleCount = examples.count
    }

    /// `words`: each word's own features (`WordFeatures`), as the normaliser keeps them with
    /// its reading of the word: only the bigrams depend on the message.
    func predict(words: [WordFeatures]) -> Prediction {
        let k = intents.count
        var scores = [Float](repeating: 0, count: k)
        weights.withUnsafeBufferPointer { all in
            Self.scores(Self.features(words), w: UnsafeBufferPointer(rebasing: all[skip...]), bias: bias, k: k, into: &scores)
        }
        Self.softmax(&scores)
        let ranked = zip(intents, scores).map { (intent: $0, probability: Double($1)) }.sorted { $0.probability > $1.probability }
        return Prediction(intent: ranked[0].intent, probability: ranked[0].probability, ranked: ranked)
    }

    /// Every intent's score: the bias plus each feature's weights. The thirteen intents are
    /// added 16 lanes at a time, one vector multiply and add a feature (the lanes past the
    /// last intent are the row's padding, and dropped). Each lane adds the same products in
    /// the same order as a scalar loop, so the sums are the same to the bit.
    private static func scores(_ features: Features, w: UnsafeBufferPointer<Float>, bias: [Float], k: Int,
                               into scores: inout [Float]) {
        let stride = rowStride(k)
        guard k <= lanes, let base = w.baseAddress, w.count >= dimensions * stride else {
            for c in 0..<k { scores[c] = bias[c] }
            for index in features.hashes {
                let row = index &* stride
                for c in 0..<k { scores[c] += w[row &+ c] * features.value }
            }
            return
        }
        var sum = SIMD16<Float>(repeating: 0)
        for c in 0..<k { sum[c] = bias[c] }
        let value = SIMD16<Float>(repeating: features.value)
        let raw = UnsafeRawPointer(base)
        for index in features.hashes {
            sum += raw.loadUnaligned(fromByteOffset: index &* stride &* MemoryLayout<Float>.stride, as: SIMD16<Float>.self) * value
        }
        for c in 0..<k { scores[c] = sum[c] }
    }

    /// How many intents' scores are added at once.
    private static let lanes = 16

    /// A feature's row: `lanes` floats when the intents fit in them, so each row is one load.
    private static func rowStride(_ k: Int) -> Int { k <= lanes ? lanes : k }

    private static func softmax(_ scores: inout [Float]) {
        let top = scores.max() ?? 0
        var sum: Float = 0
        for c in scores.indices {
            scores[c] = expf(scores[c] - top)
            sum += scores[c]
        }
        for c in scores.indices { scores[c] /= sum }
    }

    /// A message's features: binary, so L2-normalised each has the same value.
    struct Features {
        /// Feature indices, ascending, each once (the order the scores add them in).
        let hashes: [Int]
        let value: Float
    }

    /// Hashed, L2-normalised binary features of the normalised words.
    static func features(_ words: [String]) -> Features {
        features(words.map(WordFeatures.init))
    }

    /// The same from each word's own features.
    static func features(_ words: [WordFeatures]) -> Features {
        var hashes: [Int] = []
        hashes.reserveCapacity(words.count * 12)
        let mask = UInt64(dimensions - 1)
        var previous: UInt64 = 0x9E37_79B9
        for own in words {
            hashes.append(contentsOf: own.hashes)
            hashes.append(Int(FNV.mix(previous, own.whole) & mask))
            previous = own.whole
        }
        hashes.append(Int(FNV.mix(previous, 0xE0D) & mask))
        let unique = sortedUnique(hashes)
        return Features(hashes: unique, value: 1 / Float(unique.count).squareRoot())
    }

    /// `hashes` (each below `dimensions`) ascending, each once. They are marked in a bitmap of
    /// every index and read back in order: cheaper than sorting the hundred or so of a message.
    /// Only the bitmap's words marked are ever read, so only the summary of which words those
    /// are (a bit a word) needs clearing first.
    static func sortedUnique(_ hashes: [Int]) -> [Int] {
        let wordCount = dimensions / 64, summaryCount = wordCount / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: wordCount + summaryCount) { bits in
            let summary = UnsafeMutableBufferPointer(rebasing: bits[wordCount...])
            summary.initialize(repeating: 0)
            for hash in hashes {
                let word = hash &>> 6
                let summaryBit: UInt64 = 1 &<< (word & 63)
                if summary[word &>> 6] & summaryBit == 0 {
                    summary[word &>> 6] |= summaryBit
                    bits[word] = 0
                }
                bits[word] |= 1 &<< (hash & 63)
            }
            var unique: [Int] = []
            unique.reserveCapacity(hashes.count)
            for s in 0..<summaryCount {
                var words = summary[s]
                while words != 0 {
                    let word = s &<< 6 | words.trailingZeroBitCount
                    words &= words &- 1
                    var marks = bits[word]
                    while marks != 0 {
                        unique.append(word &<< 6 | marks.trailingZeroBitCount)
                        marks &= marks &- 1
                    }
                }
            }
            return unique
        }
    }
}

extension IntentModel {
    /// What a word contributes whatever its neighbours: its hash, its sound's, and the
    /// character n-grams of its sound.
    struct WordFeatures: Sendable {
        /// The word's hash, which its bigrams combine.
        let whole: UInt64
        /// Feature indices.
        let hashes: [Int]

        init(_ word: String) {
            let mask = UInt64(IntentModel.dimensions - 1)
            let bytes = Array(word.utf8)
            whole = FNV.hash(bytes, seed: 0xA1)
            var hashes = [Int(whole & mask)]
            // How it sounds ("kiero", "qiero" → "kiero"), and the character 3- and 4-grams of
            // that, so misspellings share most features with the spelling the corpus has.
            let sound = Array(SpellFixer.soundKey(word).utf8)
            if sound != bytes { hashes.append(Int(FNV.hash(sound, seed: 0xB2) & mask)) }
            let padded = [UInt8(ascii: "<")] + sound + [UInt8(ascii: ">")]
            for n in 3...4 where padded.count >= n {
                for start in 0...(padded.count - n) {
                    hashes.append(Int(FNV.hash(padded[start..<(start + n)], seed: UInt64(n)) & mask))
                }
            }
            self.hashes = hashes
        }
    }
}

/// FNV-1a, stable from run to run (Swift's Hasher is seeded per process).
enum FNV {
    static func hash(_ bytes: some Collection<UInt8>, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var hash = a ^ (b &* 0x9E37_79B9_7F4A_7C15)
        hash ^= hash >> 29
        return hash &* 0xBF58_476D_1CE4_E5B9
    }
}

/// A small deterministic generator, so training shuffles the same way every start.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            array.swapAt(i, j)
        }
    }
}
