import Foundation

/// A person talking to a customer through the bot: staff take a waiting chat ("Atender" or
/// `tomar canal:chat`), then what the customer writes reaches them and what they write reaches
/// the customer as the business, until `liberar`. `pendientes` lists who is waiting.
extension Conversation {
    /// The handoff this customer is in, when a staff member holds it.
    var heldHandoff: Handoff? {
        input.handoffs.first { $0.customer == chat && $0.holder != nil }
    }

    /// The customer's words go to the staff member who holds the chat; the bot says nothing.
    mutating func relayToStaff(_ handoff: Handoff) {
        guard let holder = handoff.holder else { return }
        silent = true
        intent = .humanAgent
        let said: String = switch input.message.content {
        // A voice note Gemini transcribed arrives as its words, with the media id kept.
        case .text(let words) where input.message.mediaID != nil: "🎤 nota de voz: «\(words)»"
        case .media(let kind): Self.mediaLabel[kind] ?? "[\(kind.rawValue)]"
        case .location(let point): "📍 \(point.latitude), \(point.longitude)"
        case .contact(let phone, let name, _): "📇 \(name ?? "") \(phone)"
        default: text
        }
        let ref = Self.shortRef(chat)
        effects.append(.relay(to: holder, Reply(words(.relayFromCustomer, .es,
                                                                ["who": handoff.label, "ref": ref, "text": said]))))
    }

    /// The alert that a customer wants a person: who, the channel, the last few turns, and a
    /// button to take the chat.
    mutating func alertHandoff() {
        let turns = session.recent.dropLast().suffix(4).map { "\($0.speaker == .customer ? "👤" : "🤖") \($0.text.prefix(120))" }
        var alert = words(.staffAlertHandoff, .es, ["text": CellText.inert(text, maxLength: 200), "who": callerLabel,
                                                    "chat": chat.description])
        if !turns.isEmpty { alert += "\n" + turns.joined(separator: "\n") }
        effects.append(.openHandoff(chat, label: callerLabel))
        effects.append(.alertStaff(StaffAlert(kind: .handoff, text: alert, about: chat,
                                              buttons: [QuickReply(id: Handoff.takeID(chat),
                                                                   title: words(.buttonTake, .es))])))
    }

    /// Staff's side: take, release, the waiting list, and their words to the customer they hold.
    /// Returns false when the message is for the bot (statistics, search).
    mutating func staffRelay() -> Bool {
        let held = input.handoffs.filter { $0.holder == chat }
        if case .quickReply(let id, _) = input.message.content, id.hasPrefix(Handoff.takePrefix) {
            take(String(id.dropFirst(Handoff.takePrefix.count)))
            return true
        }
        let parts = text.trimmingSpaces.split(separator: " ", maxSplits: 1).map(String.init)
        let verb = parts.first.map(Text.fold) ?? ""
        let rest = parts.count > 1 ? parts[1].trimmingSpaces : ""
        switch verb {
        case "tomar", "atender", "take":
            guard !rest.isEmpty else { say(.staffTakeUsage); return true }
            take(rest)
            return true
        case "liberar", "release", "soltar":
            if rest.isEmpty, held.count == 1 { release(held[0]); return true }
            if rest.isEmpty, held.count > 1 {
                say(.staffWhichChat, ["chats": Self.list(held)])
                return true
            }
            if let target = held.first(where: { matches($0.customer, rest) }) { release(target); return true }
            return false  // the older `liberar canal:chat` for a chat nobody holds
        case "pendientes", "pending":
            // ("pendientes ahi?" after a zone's clients, "pendientes d instalar?": installations, not the chats waiting.)
            guard rest.isEmpty || previous.searchResults.isEmpty && !Text.fold(rest).contains("instal") else { break }
            listHandoffs()
            return true
        default:
            break
        }
        // A reply to a relayed message goes to its customer: "💬 Lupita (#0031): …" names them.
        if let quoted = input.message.replyToText, let ref = Self.quotedRef(quoted),
           let target = held.first(where: { Self.shortRef($0.customer) == ref }), !text.trimmingSpaces.isEmpty {
            relayToCustomer(target, text)
            return true
        }
        if let first = parts.first, first.hasPrefix("#"), !rest.isEmpty,
           let target = held.first(where: { matches($0.customer, String(first.dropFirst())) }) {
            relayToCustomer(target, rest)
            return true
        }
        guard !held.isEmpty, !text.trimmingSpaces.isEmpty else { return false }
        if held.count == 1 {
            relayToCustomer(held[0], text)
        } else {
            say(.staffWhichChat, ["chats": Self.list(held)])
        }
        return true
    }

    private mutating func take(_ target: String) {
        intent = .humanAgent
        guard let handoff = input.handoffs.first(where: { matches($0.customer, target) }) else {
            say(.staffNoHandoff, ["chat": target])
            return
        }
        if let holder = handoff.holder, holder != chat {
            say(.staffAlreadyTaken, ["name": handoff.holderName ?? holder.masked, "who": handoff.label])
            return
        }
        let name = input.message.profileName.flatMap { $0.isEmpty ? nil : $0 } ?? words(.staffDefaultName, .es)
        if handoff.holder == nil {
            effects.append(.takeHandoff(handoff.customer, by: chat, name: name))
            effects.append(.relay(to: handoff.customer, Reply(words(.handoffJoined, .es, ["name": name]))))
            effects.append(.alertStaff(StaffAlert(kind: .handoff, text: words(.staffAlertTaken, .es,
                                                                                      ["name": name, "who": handoff.label]),
                                                  about: handoff.customer, except: chat)))
        }
        say(.staffTook, ["who": handoff.label, "ref": Self.shortRef(handoff.customer)])
    }

    private mutating func release(_ handoff: Handoff) {
        intent = .humanAgent
        effects.append(.releaseHandoff(handoff.customer))
        effects.append(.relay(to: handoff.customer, Reply(words(.handoffEnded, .es))))
        say(.staffReleased, ["chat": handoff.label])
    }

    private mutating func relayToCustomer(_ handoff: Handoff, _ message: String) {
        intent = .humanAgent
        silent = true
        effects.append(.relay(to: handoff.customer, Reply(message)))
    }

    private mutating func listHandoffs() {
        intent = .humanAgent
        guard !input.handoffs.isEmpty else { say(.staffNoneWaiting); return }
        let lines = input.handoffs.map { h in
            let minutes = Int(now.timeIntervalSince(h.requestedAt) / 60)
            let state = h.holderName.map { "con \($0)" } ?? "esperando \(minutes) min"
            return "• #\(Self.shortRef(h.customer)) \(h.label) (\(h.customer.channel.rawValue)) — \(state)"
        }
        say(.staffWaitingList, ["list": lines.joined(separator: "\n")],
            buttons: input.handoffs.filter { $0.holder == nil }.prefix(3).map {
                QuickReply(id: Handoff.takeID($0.customer), title: "Atender #\(Self.shortRef($0.customer))")
            })
    }

    /// `whatsapp:5214441234567`, the chat id, or its last digits (#4567).
    private func matches(_ customer: ChatRef, _ target: String) -> Bool {
        let t = target.trimmingCharacters(in: CharacterSet(charactersIn: "# "))
        guard !t.isEmpty else { return false }
        return customer.description == t || customer.chatID == t || (t.count >= 3 && customer.chatID.hasSuffix(t))
    }

    /// What staff see for what cannot be relayed as words (the file stays with the channel).
    static let mediaLabel: [MediaKind: String] = [
        .image: "📷 [foto]", .voice: "🎤 [nota de voz]", .audio: "🎵 [audio]", .video: "🎬 [video]",
        .document: "📄 [documento]", .sticker: "[sticker]",
    ]

    /// "#0031 Lupita, #4242 Ramón": the chats a staff member holds, as they name them.
    static func list(_ held: [Handoff]) -> String {
        held.map { "#\(shortRef($0.customer)) \($0.label)" }.joined(separator: ", ")
    }

    /// The "#0031" of a relayed message's "(#0031):".
    static func quotedRef(_ quoted: String) -> String? {
        guard let open = quoted.range(of: "(#"), let close = quoted[open.upperBound...].range(of: "):") else { return nil }
        return String(quoted[open.upperBound..<close.lowerBound])
    }

    /// The last four digits of the chat id: how staff name a chat they hold (#4567).
    static func shortRef(_ chat: ChatRef) -> String { String(chat.chatID.suffix(4)) }
}
