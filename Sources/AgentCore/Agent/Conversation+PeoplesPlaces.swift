/// Which relative lives where, as the customer tells it ("mi mamá vive en el Centro, mi tía Chela en
/// La Loma y mi hermano en…"), so that "¿y la de mi tía no hay manera?" turns later is about La Loma.
extension Conversation {
    /// Each relative named in this message with the sheet's zone said after it, before the next relative.
    var peoplesPlacesTold: [String: String] {
        let words = folded.split(separator: " ").map(String.init)
        let at = words.indices.filter { i in
            i > 0 && ["mi", "my", "la", "el", "su"].contains(words[i - 1]) && Lexicon.relatives.contains(words[i])
        }
        guard !at.isEmpty else { return [:] }
        var places: [String: String] = [:]
        for (n, i) in at.enumerated() {
            let end = n + 1 < at.count ? at[n + 1] : min(words.count, i + 12)
            guard i + 1 < end else { continue }
            let segment = " " + words[(i + 1)..<end].joined(separator: " ") + " "
            // ("my wife corrects me, it's Oriente not Sur": the place said first that is not taken back.)
            let said = workbook.zones.compactMap { zone -> (Zone, String.Index)? in
                guard !takesBack(place: zone.name), let at = segment.range(of: " " + Text.fold(zone.name) + " ")?.lowerBound
                else { return nil }
                return (zone, at)
            }
            if let zone = said.min(by: { $0.1 < $1.1 })?.0 {
                places[words[i]] = zone.name
            }
        }
        return places
    }

    /// "Ese, el de 350 esta bien para mi, a nombre de Irma Ledesma. Mi numero es… este es el de mi hijo": the writer's own
    /// ("para mí" with no relative after it, "yo vivo en…").
    var speaksForThemselves: Bool {
        let words = folded.split(separator: " ").map(String.init)
        return folded.contains(" yo vivo ") || folded.contains(" for myself ") || words.indices.contains { i in
            ["para", "pa", "for"].contains(words[i]) && i + 1 < words.count && ["mi", "me"].contains(words[i + 1])
                && (i + 2 == words.count || !Lexicon.relatives.contains(words[i + 2]))
        }
    }

    /// "la de mi suegra", "y para mi tía?": the one relative this message points at, when a place was said for them.
    func placeOfPersonMentioned(_ places: [String: String]) -> String? {
        guard !places.isEmpty, !speaksForThemselves else { return nil }
        let pointed = places.keys.filter { relative in
            [" la de mi ", " lo de mi ", " casa de mi ", " para mi ", " y mi ", " la casa de mi ", " de mi ", " for my ", " my "]
                .contains { folded.contains($0 + relative + " ") }
        }
        guard pointed.count == 1, let relative = pointed.first,
              // (One relative named now with another place: this message's own.)
              peoplesPlacesTold[relative] == nil else { return nil }
        return places[relative]
    }
}
