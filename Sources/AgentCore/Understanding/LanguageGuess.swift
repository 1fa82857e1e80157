/// Spanish or English, from common words. nil when a message gives no clue ("ok", "50").
enum LanguageGuess {
    static let english: Set<String> = [
        "the", "my", "is", "i", "im", "you", "your", "do", "does", "have", "has", "want", "how", "much", "what",
        "can", "please", "thanks", "thank", "hello", "hi", "down", "since", "already", "sign", "area", "price",
        "prices", "coverage", "talk", "person", "cancel", "yes", "yeah", "yep", "sure", "it", "and", "to", "for",
        "with", "this", "that", "there", "are", "am", "was", "not", "dont", "didnt", "havent", "any", "of", "on",
        "in", "at", "be", "we", "our", "us", "guys", "internet", "service", "slow", "working", "plan", "plans",
        "bye", "ok", "would", "like", "id", "get", "pay", "bill", "home", "where", "when", "who", "which", "why",
        "keeps", "dropping", "available", "much", "good", "morning", "afternoon", "evening", "night", "hey",
        "customer", "become", "real", "agent", "human", "about", "update", "ticket", "report", "technician",
        "perfect", "cheers", "great", "awesome", "thx", "but", "name", "everybody", "calls", "call", "just", "then", "so",
        "go", "let", "lets", "okay", "wife", "husband", "put", "under", "will", "could", "should", "if", "or", "from",
        "know", "think", "also", "really", "here", "they", "them", "their", "she", "her", "his", "him",
        // ("Could you please tell me your monthly rates?" is not "they me your monthly ratos"; "has gone out")
        "tell", "rates", "rate", "monthly", "gone",
    ]
    static let spanish: Set<String> = [
        "que", "el", "la", "de", "en", "tengo", "quiero", "hola", "gracias", "mi", "es", "por", "para", "cuanto",
        "hay", "los", "las", "un", "una", "con", "se", "me", "lo", "le", "esta", "estoy", "buenas", "buenos",
        "dias", "tardes", "noches", "si", "ya", "pero", "como", "donde", "cuando", "porque", "tambien", "muy",
        "bien", "y", "a", "al", "del", "su", "sus", "servicio", "favor", "ustedes", "oigan", "oye", "nada",
        "tienen", "llegan", "cuesta", "precio", "falla", "reporte", "pago", "contratar", "vivo", "soy", "sin",
        "desde", "hace", "ayer", "hoy", "mañana", "manana", "todo", "otra", "otro", "vez", "mas", "puedo", "pueden",
    ]
    /// English words that vote without entering the spelling vocabulary (`english` does): staff's
    /// terse English ("open incidents by priority") is told from Spanish, while "incidents" is still
    /// read as the rules' "incidentes".
    static let englishCues: Set<String> = [
        "open", "incidents", "incident", "priority", "by", "clients", "client", "many", "high", "low", "medium", "only",
        "lookup", "search", "find", "list", "number", "phone", "revenue", "stats", "signups", "waiting", "month", "week",
        "now", "pls", "new",
    ]

    /// Words both languages use: they count for neither.
    static let shared: Set<String> = ["internet", "plan", "ok", "no", "wifi", "modem", "a", "me"]

    /// "Sorry, mi español no es muy bueno. Do you speak English?": asked for, whatever else is mixed in.
    static func asksForEnglish(_ words: [String]) -> Bool {
        englishRequests.contains { words.position(of: $0) != nil }
    }

    static let englishRequests = [["speak", "english"], ["in", "english"], ["english", "please"], ["hablas", "ingles"], ["habla", "ingles"],
                                  ["en", "ingles"]]
    private static let englishRequestIds = WordIds.phrases(englishRequests)

    /// Which language each counted word speaks for: one lookup a word instead of three.
    private static let votes: [String: (en: Bool, es: Bool)] = Dictionary(uniqueKeysWithValues:
        english.union(englishCues).union(spanish).subtracting(shared).map { word in
            (word, (english.contains(word) || englishCues.contains(word), spanish.contains(word)))
        })

    /// `votes` by word id (`WordIds`): a message's words are counted with no hashing.
    private static let votesById: [(en: Bool, es: Bool)?] = {
        var byId = [(en: Bool, es: Bool)?](repeating: nil, count: WordIds.count)
        for (word, vote) in votes { byId[Int(WordIds.phrases([[word]])[0][0])] = vote }
        return byId
    }()

    static func guess(_ tokens: [Token]) -> Language? {
        let ids = tokens.map(\.id)
        if englishRequestIds.contains(where: { ids.position(of: $0) != nil }) { return .en }
        var en = 0, es = 0
        // ("yes correct, si si": a word said twice in a row votes once.)
        var last = ""
        for token in tokens where !token.isBoundary {
            if token.typed == last { continue }
            last = token.typed
            // ("Perfect, gracias. Cheers!": a word the spelling fix turned Spanish still speaks as typed.)
            let known = token.id != WordIds.unknown ? votesById[Int(token.id)] : nil
            guard let vote = known ?? (token.typed != token.word ? votes[token.typed] : nil) else { continue }
            if vote.en { en += 1 }
            if vote.es { es += 1 }
        }
        if en > es, en >= 2 || tokens.count <= 2 { return .en }
        // ("lookup Patricia Flores": an English word leading a name, nothing Spanish.)
        if en == 1, es == 0, tokens.count <= 4, let first = tokens.first(where: { !$0.isBoundary }), first.id != WordIds.unknown,
           votesById[Int(first.id)]?.en == true {
            return .en
        }
        // ("la loma" in an English conversation: one Spanish word in a short message is a place's article, no switch.)
        if es > en, es >= 2 || tokens.count > 2 { return .es }
        return nil
    }
}
