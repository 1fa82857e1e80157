/// Turns a message as typed on a phone into tokens the rules can match: lowercase, no
/// accents, no stretched letters ("holaaa"), abbreviations expanded ("xq" → "porque"),
/// digits split from letters ("100mb" → "100 mb"), typos fixed against the rules' vocabulary.
struct Normalizer: Sendable {
    let spelling: SpellFixer
    /// Each word as typed (folded), read once: squeezing, abbreviations and spelling fixes
    /// depend on the word alone, and the spelling fix is the dearest step of all.
    private let readings = WordTable<Reading>()
    /// Each word as written, with its reading and the tokens it makes: a message's tokens are
    /// copied from here, made once per distinct spelling (capitals and accents included).
    private let typings = WordTable<Typing>()

    private final class Typing: Sendable {
        let reading: Reading
        let tokens: [Token]

        init(reading: Reading, tokens: [Token]) {
            self.reading = reading
            self.tokens = tokens
        }
    }

    /// A folded word squeezed ("holaaa" → "hola"), and the words it reads as: an abbreviation's
    /// expansion ("xq" → "porque"), or the word with its typo fixed. A class: it is taken from
    /// the table at every word of every message, and a struct of five collections was five retains.
    final class Reading: Sendable {
        let squeezed: String
        let words: [String]
        /// The words' ids (`WordIds`), looked up once with the rest.
        let ids: [Int32]
        /// What kind of word each is, and its intent model features: worked out once per
        /// distinct word, not per message.
        let kinds: [Token.Kind]
        let features: [IntentModel.WordFeatures]
        /// Whether the word can end a word dictation split in two or three (`dictatedEnds`,
        /// `dictatedRestartEnds`): asked of every word, answered once.
        let endsDictatedPair: Bool
        let endsDictatedRestart: Bool

        init(squeezed: String, words: [String]) {
            self.squeezed = squeezed
            self.words = words
            ids = WordIds.ids(words)
            kinds = words.map(Token.Kind.init)
            features = words.map(IntentModel.WordFeatures.init)
            endsDictatedPair = Normalizer.dictatedEnds.contains(squeezed)
            endsDictatedRestart = Normalizer.dictatedRestartEnds.contains(squeezed)
        }
    }

    func tokens(_ text: String) -> [Token] {
        read(text).tokens
    }

    /// The tokens, `Text.fold(text)` (the scalars are folded here anyway, so the folded text
    /// costs no second walk), and the intent model's features of each token but the boundaries.
    func read(_ text: String) -> (tokens: [Token], folded: String, features: [IntentModel.WordFeatures]) {
        var split = Split(capacity: text.utf8.count)
        var folding = Text.Folding(capacity: text.utf8.count)
        // The scalars walked in place (no array of them made), the next one at hand for an
        // apostrophe or a hyphen.
        var scalars = text.unicodeScalars.makeIterator()
        var following = scalars.next()
        // What came before the word being read: "1) … 2) …" numbers a list; "(50)" is a number in brackets.
        var previous: Unicode.Scalar = " "
        var beforeWord: Unicode.Scalar = " "
        while let scalar = following {
            following = scalars.next()
            let before = previous
            previous = scalar
            let folded = Text.foldedLetterOrDigit(scalar)
            folding.add(folded)
            if scalar.value >= 0x1F000, let mapped = Self.emojiWords[scalar] {
                split.flush()
                split.raw.append((mapped, "", ""))
                continue
            }
            if let folded {
                let kind = folded.value < 58 ? 2 : 1
                if split.lastKind != 0, kind != split.lastKind { split.flush() }
                if split.word.isEmpty { beforeWord = before }
                split.append(folded, typed: scalar)
                split.lastKind = kind
            } else if scalar == "'" || scalar == "’" {
                // "I'm" → "im", "don't" → "dont"; a name keeps it as written ("O'Brien").
                // ("liam o'connor" typed in lower case keeps it too: an "o'" or "d'" starts a surname.)
                if !split.word.isEmpty, let next = following,
                   next.properties.isUppercase
                    || next.properties.isAlphabetic && split.word.count == 1 && [111, 100].contains(split.word[0]) {
                    split.original.append(contentsOf: scalar.utf8)
                    split.keptApostrophe = true
                }
                continue
            } else if scalar == "-", split.lastKind == 1, split.original.first.map({ $0 >= 65 && $0 <= 90 }) == true,
                      let next = following, next.properties.isAlphabetic {
                // "Ji-woo Kim", "Jean-Pierre": a capitalised hyphenated word is one name, written as typed.
                split.original.append(contentsOf: scalar.utf8)
                continue
            } else if Self.endsClause(scalar) || scalar.value >= 0x1F000
                        || (scalar.value >= 0x2600 && scalar.properties.isEmojiPresentation) {
                // An emoji ends a clause as a full stop would ("My name is Samantha Brooks 🙂 I'm opening…").
                // ("1) colonia Los Fresnos 2) La Loma": the list's number is no part of the place before it.)
                if scalar == ")", split.lastKind == 2, split.word.count <= 2, beforeWord == " " {
                    split.word.removeAll(keepingCapacity: true)
                    split.original.removeAll(keepingCapacity: true)
                }
                split.boundary()
            } else {
                split.flush()
            }
        }
        split.flush()

        var tokens: [Token] = []
        tokens.reserveCapacity(split.raw.count + 4)
        var features: [IntentModel.WordFeatures] = []
        features.reserveCapacity(split.raw.count + 4)
        for (word, original, typed) in split.raw {
            if word == Token.boundaryMark {
                tokens.append(.boundary)
                continue
            }
            // The word as written decides its folding and reading: an emoji read as a word has
            // nothing written to key it by.
            let reading: Reading, made: [Token]
            if original.isEmpty {
                reading = readings.value(for: word, make: read)
                made = Self.tokens(of: reading, original: original, typed: typed)
            } else {
                let typing = typings.value(for: original) { original in
                    let reading = readings.value(for: word, make: read)
                    return Typing(reading: reading, tokens: Self.tokens(of: reading, original: original, typed: typed))
                }
                (reading, made) = (typing.reading, typing.tokens)
            }
            // "Saucedo con s": a letter spelt out, not a word cut short ("s" is otherwise "se", "l" "el").
            if word.utf8.count == 1, Self.abbreviations[word] != nil, let last = tokens.last,
               ["con", "with", "letra", "an"].contains(last.word) {
                tokens.append(Token(word: word, original: original))
                features.append(IntentModel.WordFeatures(word))
                continue
            }
            // Dictation splits other words too: "contra seña", "ante na", "mo dem", "lalo ma"; "rein y cié" in three.
            // (A set lookup first: joining two words into a key copies them, and almost no word ends such a pair.)
            if reading.endsDictatedPair, let last = tokens.last,
               let joined = Self.dictatedPairs[last.typed + " " + reading.squeezed] {
                tokens.removeLast()
                features.removeLast()
                for word in joined {
                    tokens.append(Token(word: word, original: last.original + " " + original))
                    features.append(IntentModel.WordFeatures(word))
                }
                continue
            }
            if reading.endsDictatedRestart, tokens.count >= 2,
               tokens[tokens.count - 1].word == "y", tokens[tokens.count - 2].typed == "rein" {
                let whole = "reini" + reading.squeezed
                tokens.removeLast(2)
                features.removeLast(2)
                tokens.append(Token(word: whole, original: whole))
                features.append(IntentModel.WordFeatures(whole))
                continue
            }
            // Dictation splits words: "inter net" is one internet, not two.
            if reading.squeezed == "net", tokens.last?.word == "internet", Text.fold(tokens.last?.original ?? "") == "inter" { continue }
            // Dictation writes "cincuenta" as "sin cuenta" ("cámbiemelo al de sin cuenta").
            if reading.squeezed == "cuenta", let last = tokens.last, last.word == "sin", tokens.count >= 2,
               ["de", "los", "unos"].contains(tokens[tokens.count - 2].word) {
                tokens[tokens.count - 1] = Token(word: "cincuenta", original: last.original + " " + original)
                features[features.count - 1] = IntentModel.WordFeatures("cincuenta")
                continue
            }
            // …and "megas" as "me gas" ("el de cincuenta me gas").
            if reading.squeezed == "gas", let last = tokens.last, last.word == "me", tokens.count >= 2,
               Lexicon.number(tokens[tokens.count - 2].word) != nil {
                tokens[tokens.count - 1] = Token(word: "megas", original: last.original + " " + original)
                features[features.count - 1] = IntentModel.WordFeatures("megas")
                continue
            }
            tokens.append(contentsOf: made)
            features.append(contentsOf: reading.features)
        }
        while tokens.last?.isBoundary == true { tokens.removeLast() }
        if tokens.first?.isBoundary == true { tokens.removeFirst() }
        return (tokens, folding.text, features)
    }

    private static func tokens(of reading: Reading, original: String, typed: String) -> [Token] {
        reading.words.indices.map { k in
            Token(word: reading.words[k], original: original, typed: typed, id: reading.ids[k], kind: reading.kinds[k])
        }
    }

    /// The message cut into words, folded and as typed. A value of its own rather than variables
    /// captured by local functions, which Swift checks for exclusive access at run time.
    private struct Split {
        /// `typed` is `Text.fold(original)`: the word itself, unless an apostrophe was kept.
        var raw: [(word: String, original: String, typed: String)] = []
        // UTF-8 bytes, made into strings once per word.
        var word: [UInt8] = []
        var original: [UInt8] = []
        var keptApostrophe = false
        var lastKind = 0  // 1 letter, 2 digit

        /// `capacity`: the text's length in bytes (a word a few bytes long on average).
        init(capacity: Int) {
            raw.reserveCapacity(capacity / 3 + 2)
            word.reserveCapacity(32)
            original.reserveCapacity(32)
        }

        mutating func append(_ folded: Unicode.Scalar, typed: Unicode.Scalar) {
            // Nearly every letter typed is ASCII, and so is its folding: a byte each, no encoding.
            if typed.isASCII {
                word.append(UInt8(truncatingIfNeeded: folded.value))
                original.append(UInt8(truncatingIfNeeded: typed.value))
                return
            }
            UTF8.encode(folded) { word.append($0) }
            UTF8.encode(typed) { original.append($0) }
        }

        mutating func flush() {
            if !word.isEmpty {
                // The word is its letters folded one by one, as `Text.fold` folds them. Typed in
                // lowercase without accents (most words), it is written as it folds: one string.
                let folded = String(decoding: word, as: UTF8.self)
                let written = original == word ? folded : String(decoding: original, as: UTF8.self)
                raw.append((folded, written, keptApostrophe ? Text.fold(written) : folded))
                // (Only a word's letters are kept as typed, so with no word there is nothing to
                // clear: most flushes come at a second separator.)
                word.removeAll(keepingCapacity: true)
                original.removeAll(keepingCapacity: true)
            }
            keptApostrophe = false
            lastKind = 0
        }

        mutating func boundary() {
            flush()
            if let last = raw.last, last.word != Token.boundaryMark { raw.append((Token.boundaryMark, "", "")) }
        }
    }

    /// . , ; : ! ? ¿ ¡ ( ) and line breaks end a clause.
    private static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "!", "?", "¿", "¡", "\n", "\r", "(", ")": true
        default: false
        }
    }

    private func read(_ word: String) -> Reading {
        let squeezed = Self.squeezeRepeats(word)
        return Reading(squeezed: squeezed, words: Self.abbreviations[squeezed] ?? [spelling.fix(squeezed)])
    }

    /// "holaaaa" → "hola", "siiii" → "si"; doubled l, r, c, e stay doubled ("llama", "perro", "leer").
    static func squeezeRepeats(_ word: String) -> String {
        // Bytes first: nearly no word has three equal letters in a row.
        var run = 0
        var previous: UInt8 = 0
        var hasLongRun = false
        for byte in word.utf8 {
            run = byte == previous && byte > 57 ? run + 1 : 1
            previous = byte
            if run >= 3 { hasLongRun = true; break }
        }
        guard hasLongRun else { return word }
        let scalars = Array(word.unicodeScalars)
        var out = String.UnicodeScalarView()
        var start = 0
        while start < scalars.count {
            let first = scalars[start]
            var end = start + 1
            while end < scalars.count, scalars[end] == first { end += 1 }
            let run = end - start
            let isDigit = first.value >= 48 && first.value <= 57
            let keep = run >= 3 && !isDigit ? ("lrce".unicodeScalars.contains(first) ? 2 : 1) : run
            for _ in 0..<keep { out.append(first) }
            start = end
        }
        return String(out)
    }

    static let emojiWords: [Unicode.Scalar: String] = [
        "👋": "hola", "👍": "ok", "🙏": "porfavor", "👌": "ok",
    ]

    /// Words voice dictation writes in two pieces, and what they are.
    static let dictatedPairs: [String: [String]] = [
        "contra sena": ["contrasena"], "ante na": ["antena"], "mo dem": ["modem"], "lalo ma": ["la", "loma"],
        "mode m": ["modem"], "inter ne": ["internet"],
        // ("ya lo re inicie dos veces")
        "re inicie": ["reinicie"], "re inicio": ["reinicio"], "re iniciado": ["reiniciado"], "re iniciamos": ["reiniciamos"],
        "re inicia": ["reinicia"], "re iniciar": ["reiniciar"],
        // ("no tengo in ternet de sde ayer", "vivo en la o riente", "el de cin cuenta")
        "in ternet": ["internet"], "inter net": ["internet"], "de sde": ["desde"], "o riente": ["oriente"], "cin cuenta": ["cincuenta"],
        // ("ya lo de sconecte como tres veces de la pared", "a ver si me pue den", "me lo a punta", "quiero con tratar")
        "de sconecte": ["desconecte"], "des conecte": ["desconecte"], "de sconectado": ["desconectado"], "pue den": ["pueden"],
        "a punta": ["apunta"], "a punte": ["apunte"], "a puntame": ["apuntame"], "a visarme": ["avisarme"], "con tratar": ["contratar"],
    ]
    static let dictatedEnds = Set(dictatedPairs.keys.compactMap { $0.split(separator: " ").last.map(String.init) })
    /// "rein y cié", "rein y ciado": a restart dictated in three pieces, by its last.
    static let dictatedRestartEnds: Set<String> = ["cie", "ciado", "cio", "ciamos", "ciaron"]

    /// How people shorten words in chats, and a few common misspellings worth fixing exactly.
    static let abbreviations: [String: [String]] = {
        var map: [String: [String]] = [
            // ("el in ternet nofunciona", dictated run together)
            "nofunciona": ["no", "funciona"], "nosirve": ["no", "sirve"],
            "q": ["que"], "k": ["que"], "ke": ["que"], "qe": ["que"], "xq": ["porque"], "pq": ["porque"],
            "porq": ["porque"], "porke": ["porque"], "porqe": ["porque"], "xke": ["porque"], "xk": ["porque"], "pk": ["porque"], "tmb": ["tambien"], "tb": ["tambien"],
            "tmbn": ["tambien"], "tambn": ["tambien"], "porfa": ["por", "favor"], "porfas": ["por", "favor"],
            "porfis": ["por", "favor"], "porfavor": ["por", "favor"], "plis": ["por", "favor"],
            "pls": ["please"], "plz": ["please"], "xfa": ["por", "favor"], "xfavor": ["por", "favor"],
            "x": ["por"], "d": ["de"], "dl": ["del"], "tons": ["entonces"], "bn": ["bien"], "dnd": ["donde"],
            // ("elde 50 a nombre d jesus ibarra", "enel sur", "nohay internet": words run together.)
            "elde": ["el", "de"], "enel": ["en", "el"], "enla": ["en", "la"], "dela": ["de", "la"], "nohay": ["no", "hay"],
            "cdo": ["cuando"], "pa": ["para"], "pal": ["para", "el"], "toy": ["estoy"], "nd": ["nada"],
            "nel": ["no"], "nop": ["no"], "nope": ["no"], "simon": ["si"], "sip": ["si"], "sep": ["si"],
            "grax": ["gracias"], "grasias": ["gracias"], "grcs": ["gracias"], "gracia": ["gracias"],
            "thx": ["thanks"], "ty": ["thanks"], "msj": ["mensaje"], "hrs": ["horas"], "hr": ["horas"],
            "min": ["minutos"], "mins": ["minutos"], "info": ["informacion"], "ola": ["hola"], "ase": ["hace"],
            "vdd": ["verdad"], "sn": ["san"], "col": ["colonia"], "fracc": ["fraccionamiento"],
            "frac": ["fraccionamiento"], "inter": ["internet"], "net": ["internet"], "intenet": ["internet"], "inet": ["internet"],
            "interne": ["internet"], "internert": ["internet"], "internes": ["internet"], "wify": ["wifi"], "guifi": ["wifi"],
            "guaifai": ["wifi"], "guaifi": ["wifi"], "waifai": ["wifi"], "wuifi": ["wifi"],
            "moden": ["modem"], "moodem": ["modem"], "modm": ["modem"], "router": ["modem"], "ruter": ["modem"],
            "rooter": ["modem"], "routers": ["modem"], "mb": ["megas"], "mbps": ["megas"], "mbs": ["megas"],
            "mega": ["megas"], "megs": ["megas"], "meg": ["megas"], "megabytes": ["megas"], "megabits": ["megas"],
            "questa": ["cuesta"], "okey": ["ok"], "oki": ["ok"],
            "okay": ["ok"], "oka": ["ok"], "guey": ["wey"], 
            "tel": ["telefono"], "ntp": ["no", "te", "preocupes"], "dsd": ["desde"], "aki": ["aqui"], 
            // ("NO AI INTERNET DENDE EL MARTES", "el de cinciemta")
            "dende": ["desde"], "cinciemta": ["cincuenta"],
            "ps": ["pues"], "pos": ["pues"], "bno": ["bueno"], "hla": ["hola"], "hl": ["hola"],
            // ("l d 100 cuanto", "n la sur": letters dropped by someone typing fast.)
            "gizmo": ["modem"], "vente": ["veinte"], "l": ["el"], "n": ["en"], "s": ["se"], "m": ["me"], "zna": ["zona"], "intrnet": ["internet"],
        ]
        map["wi"] = ["wifi"]  // "wi-fi" arrives as "wi" + "fi"; "fi" alone is dropped below
        map["fi"] = []
        return map
    }()
}
