import AgentCore
import Foundation

/// Turns a Cloud API notification into channel-neutral messages and delivery statuses.
struct NotificationMapper {
    struct DeliveryStatus: Equatable {
        var messageID: String
        var status: String
        var errorCode: Int?
        var errorTitle: String?
    }

    struct Result {
        var messages: [InboundMessage] = []
        var statuses: [DeliveryStatus] = []
        /// Message types the bot ignores on purpose (reactions).
        var ignored = 0
    }

    /// `phoneNumberID`: this bot's number; changes for another number of the same app are
    /// not ours to answer.
    static func map(_ notification: Notification, phoneNumberID: String? = nil, receivedAt: Date = Date()) -> Result {
        var result = Result()
        for entry in notification.entry ?? [] {
            for change in entry.changes ?? [] where change.field ?? "messages" == "messages" {
                guard let value = change.value else { continue }
                if let phoneNumberID, let addressed = value.metadata?.phoneNumberID, addressed != phoneNumberID {
                    result.ignored += (value.messages?.count ?? 0)
                    continue
                }
                for message in value.messages ?? [] {
                    // Batches carry one contact per sender: never lend one person's name to another.
                    let sender = value.contacts?.first { contact in
                        (message.from != nil && contact.waID == message.from)
                            || (message.fromUserID != nil && contact.userID == message.fromUserID)
                    } ?? (value.contacts?.count == 1 && value.messages?.count == 1 ? value.contacts?.first : nil)
                    // The wa_id is the phone; a username user may only have a business-scoped id.
                    guard let chatID = message.from ?? message.fromUserID ?? sender?.userID else { continue }
                    guard let content = content(of: message) else {
                        result.ignored += 1
                        continue
                    }
                    let date = message.timestamp.flatMap(Double.init).map { Date(timeIntervalSince1970: $0) } ?? receivedAt
                    result.messages.append(InboundMessage(
                        id: message.id, chat: ChatRef(.whatsapp, chatID), content: content, receivedAt: date,
                        profileName: sender?.profile?.name, verifiedPhone: message.from, mediaID: message.audio?.id))
                }
                for status in value.statuses ?? [] {
                    let failure = status.errors?.first
                    result.statuses.append(DeliveryStatus(messageID: status.id, status: status.status,
                                                          errorCode: failure?.code, errorTitle: failure?.title ?? failure?.message))
                }
            }
        }
        return result
    }

    static func content(of message: Notification.Message) -> Content? {
        switch message.type {
        case "text":
            return .text(message.text?.body ?? "")
        case "interactive":
            guard let reply = message.interactive?.buttonReply ?? message.interactive?.listReply else { return .media(.other) }
            return .quickReply(id: reply.id, title: reply.title ?? reply.id)
        case "button":
            let payload = message.button?.payload ?? message.button?.text ?? ""
            return .quickReply(id: payload, title: message.button?.text ?? payload)
        case "location":
            guard let location = message.location else { return .media(.other) }
            return .location(GeoPoint(latitude: location.latitude, longitude: location.longitude))
        case "contacts":
            guard let phone = message.contacts?.first?.phones?.first, let number = phone.waID ?? phone.phone else {
                return .media(.other)
            }
            // Somebody else's card: a number to note, not proof of the sender's own.
            return .contact(phone: number, name: message.contacts?.first?.name?.formattedName, isOwn: false)
        case "image": return .media(.image)
        case "audio": return .media(message.audio?.voice == true ? .voice : .audio)
        case "video": return .media(.video)
        case "document": return .media(.document)
        case "sticker": return .media(.sticker)
        case "reaction": return nil
        default: return .media(.other)
        }
    }
}
