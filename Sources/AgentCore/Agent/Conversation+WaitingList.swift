/// Several people put on the waiting list in one message: "apúnteme pa cuando llegue, Cirilo Ledesma.
/// y también a mis compadres, Crescencio Ibarra y Tomás Rangel", "apúnteme a las dos: marisol ortega en
/// san isidro y guadalupe méndez en el poniente". Each gets a row for the place said with their name,
/// else the place talked about.
extension Conversation {
    mutating func listSeveralPeople() -> Bool {
        // ("…son Rogelio Cárdenas y Marta Ibarra, ponlo a nombre de mi suegro": one row, under that name.)
        guard input.role == .customer, asksToBeTold || [" apunt", " anot"].contains(where: folded.contains),
              ![" a nombre de", " ponlo a nombre", " pongalo a nombre", " under the name", " in the name of"].contains(where: folded.contains)
        else { return false }
        let people = peopleNamed()
        guard people.count >= 2 else { return false }
        let fallback = understood.slots.zone ?? session.context.zone ?? previous.zone
        let mine = workbook.prospects.filter { $0.channel == chat.channel && $0.chatID == chat.chatID }
        var listed: [(name: String, zone: Zone)] = []
        for person in people where !listed.contains(where: { Text.fold($0.name) == Text.fold(person.name) }) {
            guard let named = person.zone ?? fallback, let zone = workbook.zone(named: named), !zone.hasCoverage else { continue }
            listed.append((person.name, zone))
        }
        guard listed.count >= 2 else { return false }
        var places: [String] = []
        for (name, zone) in listed {
            // (Someone already on the list for that place, from an earlier message, is not written twice.)
            if !mine.contains(where: { Text.fold($0.name) == Text.fold(name) && $0.zone == zone.name }) {
                writeProspect(zone: zone.name, planMbps: nil, name: name, phone: nil, reason: "sin cobertura", notes: zone.notes)
            }
            if !places.contains(zone.name) { places.append(zone.name) }
        }
        intent = .coverage
        session.flow = nil
        session.context.zone = places.first
        let and = lang == .en ? " and " : " y "
        let names = listed.map(\.name)
        say(.prospectNamesSaved, ["names": names.dropLast().joined(separator: ", ") + and + names[names.count - 1],
                                  "zones": places.joined(separator: and)])
        return true
    }

    /// The full names in the message (two to four words), each with the sheet zone said after it
    /// before the next name, if any. Capitalised names, or lowercase ones that hold a common name.
    func peopleNamed() -> [(name: String, zone: String?)] {
        let zoneWords = Set(workbook.zones.flatMap { Text.fold($0.name).split(separator: " ").map(String.init) })
        var runs: [(words: [String], end: Int)] = []
        var run: [String] = []
        var capitalisedRun = false
        let pieces = text.split(whereSeparator: \.isWhitespace).map(String.init)
        // In a message typed in capitals or With Every Word Capitalised, capitals say nothing: only common names count.
        let lettered = pieces.filter { $0.first?.isLetter == true }
        let capitalsMean = text.contains(where: \.isLowercase)
            && lettered.filter { $0.first?.isUppercase == true }.count * 2 <= lettered.count
        let joiners: Set<String> = ["de", "del", "la", "los"]
        func close(at index: Int) {
            while let last = run.last, joiners.contains(last) { run.removeLast() }
            let folded = run.map { Text.fold($0) }
            let holdsAName = capitalisedRun || folded.contains(where: CommonWords.names.contains)
            if (2...4).contains(folded.filter { !joiners.contains($0) }.count), holdsAName { runs.append((run, index)) }
            run = []
        }
        for (index, piece) in pieces.enumerated() {
            let word = piece.trimmingCharacters(in: .punctuationCharacters.union(.symbols))
            let plain = Text.fold(word)
            let isCapitalised = capitalsMean && word.first?.isUppercase == true
            let nameLike = !word.isEmpty && word.allSatisfy(\.isLetter) && !zoneWords.contains(plain)
                && !Lexicon.relatives.contains(plain) && (!CommonWords.all.contains(plain) || CommonWords.names.contains(plain))
                && !Conversation.notAName.contains(plain)
            // "Maria del Rosario Garcia Lara": "de", "del", "de la" inside a capitalised name.
            if capitalisedRun, !run.isEmpty, joiners.contains(word), piece.last.map(\.isLetter) == true,
               index + 1 < pieces.count, pieces[index + 1].first?.isUppercase == true || ["la", "los"].contains(pieces[index + 1]) {
                run.append(word)
                continue
            }
            if nameLike, run.isEmpty || isCapitalised == capitalisedRun {
                if run.isEmpty { capitalisedRun = isCapitalised }
                run.append(word)
            } else {
                close(at: index)
                if nameLike {
                    capitalisedRun = isCapitalised
                    run = [word]
                }
            }
            if piece.last.map({ ",.;:!?".contains($0) }) == true { close(at: index + 1) }
        }
        close(at: pieces.count)
        // Names in a list: "X, Y y Z", "X. y también a … Y".
        let joined = runs.indices.dropFirst().allSatisfy { i in
            let gap = pieces[(runs[i - 1].end - 1)..<(runs[i].end - runs[i].words.count)]
            return gap.first?.last == "," || gap.dropFirst().contains { ["y", "and", "e", "tambien"].contains(Text.fold($0)) }
        }
        guard joined else { return [] }
        // The place said after each name, up to the next one.
        return runs.enumerated().map { i, found in
            let until = i + 1 < runs.count ? runs[i + 1].end - runs[i + 1].words.count : pieces.count
            let after = " " + Text.fold(pieces[found.end..<max(found.end, until)].joined(separator: " ")) + " "
            let zone = workbook.zones.first { after.contains(" " + Text.fold($0.name) + " ") }?.name
            return (Text.titleCased(found.words.joined(separator: " ")), zone)
        }
    }

    /// Everyday words that are no one's name, capitalised or not.
    static let notAName: Set<String> = [
        "hola", "buenas", "buenos", "oiga", "oye", "joven", "senorita", "gracias", "ok", "pues", "pos", "bueno", "tambien",
        "apunteme", "apuntame", "apunte", "apuntela", "apuntelo", "apuntelos", "anoteme", "anote", "anotela", "avisen", "avise",
        "soy", "se", "llama", "llaman", "su", "sus", "nombre", "nombres", "completo", "es", "son", "a", "al", "la", "las", "los",
        "el", "de", "del", "dos", "tres", "para", "pa", "que", "q", "les", "le", "lo", "en", "y", "o", "por", "con", "sin", "mi",
        "mis", "tu", "me", "te", "nos", "esta", "estan", "ya", "no", "si", "como", "cuando", "donde", "ellos", "ellas", "ella",
        "vive", "viven", "todos", "somos", "quiere", "quieren", "lista", "espera", "favor", "porfa", "im", "my", "name", "her",
        "his", "the", "to", "for", "and", "on", "list", "please", "put", "add", "both", "also", "too",
    ]
}
