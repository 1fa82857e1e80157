import AgentCore
import ChannelKit

/// The webhook notification shapes the bot reads. Unknown fields are ignored; every array
/// (entry, changes, messages, statuses) is iterated, as Meta may batch them. Read leniently:
/// an element of an unexpected shape is skipped, a content field of one reads as absent (the
/// customer then gets the "can't read that" reply), and the rest of the batch still counts.
struct Notification: Decodable {
    var object: String?
    var entry: [Entry]?

    enum CodingKeys: String, CodingKey { case object, entry }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        object = c.lenient(String.self, forKey: .object)
        entry = c.lossy([Entry].self, forKey: .entry)
    }

    struct Entry: Decodable {
        var id: String?
        var changes: [Change]?

        enum CodingKeys: String, CodingKey { case id, changes }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenient(String.self, forKey: .id)
            changes = c.lossy([Change].self, forKey: .changes)
        }
    }

    struct Change: Decodable {
        var field: String?
        var value: Value?

        enum CodingKeys: String, CodingKey { case field, value }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            field = c.lenient(String.self, forKey: .field)
            value = c.lenient(Value.self, forKey: .value)
        }
    }

    struct Value: Decodable {
        var metadata: Metadata?
        var contacts: [ContactInfo]?
        var messages: [Message]?
        var statuses: [Status]?

        enum CodingKeys: String, CodingKey { case metadata, contacts, messages, statuses }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            metadata = c.lenient(Metadata.self, forKey: .metadata)
            contacts = c.lossy([ContactInfo].self, forKey: .contacts)
            messages = c.lossy([Message].self, forKey: .messages)
            statuses = c.lossy([Status].self, forKey: .statuses)
        }
    }

    struct Metadata: Decodable {
        var phoneNumberID: String?
        enum CodingKeys: String, CodingKey { case phoneNumberID = "phone_number_id" }
    }

    struct ContactInfo: Decodable {
        struct Profile: Decodable { var name: String? }
        var profile: Profile?
        var waID: String?
        var userID: String?
        enum CodingKeys: String, CodingKey { case profile, waID = "wa_id", userID = "user_id" }
    }

    struct Message: Decodable {
        struct Text: Decodable { var body: String }
        struct Interactive: Decodable {
            struct Reply: Decodable { var id: String; var title: String? }
            var type: String?
            var buttonReply: Reply?
            var listReply: Reply?
            enum CodingKeys: String, CodingKey { case type, buttonReply = "button_reply", listReply = "list_reply" }
        }
        struct Button: Decodable { var payload: String?; var text: String? }
        struct Location: Decodable { var latitude: Double; var longitude: Double }
        struct SharedContact: Decodable {
            struct Phone: Decodable { var phone: String?; var waID: String?
                enum CodingKeys: String, CodingKey { case phone, waID = "wa_id" } }
            struct Name: Decodable { var formattedName: String?
                enum CodingKeys: String, CodingKey { case formattedName = "formatted_name" } }
            var phones: [Phone]?
            var name: Name?
        }
        struct Audio: Decodable {
            var id: String?
            var mimeType: String?
            var voice: Bool?
            enum CodingKeys: String, CodingKey { case id, mimeType = "mime_type", voice }
        }

        var from: String?
        var fromUserID: String?
        var id: String
        var timestamp: String?
        var type: String
        var text: Text?
        var interactive: Interactive?
        var button: Button?
        var location: Location?
        var contacts: [SharedContact]?
        var audio: Audio?

        enum CodingKeys: String, CodingKey {
            case from, fromUserID = "from_user_id", id, timestamp, type, text, interactive, button, location, contacts, audio
        }

        /// Only the id is required; content that does not fit reads as absent.
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            from = c.lenient(String.self, forKey: .from)
            fromUserID = c.lenient(String.self, forKey: .fromUserID)
            timestamp = c.lenient(String.self, forKey: .timestamp)
            type = c.lenient(String.self, forKey: .type) ?? "unknown"
            text = c.lenient(Text.self, forKey: .text)
            interactive = c.lenient(Interactive.self, forKey: .interactive)
            button = c.lenient(Button.self, forKey: .button)
            location = c.lenient(Location.self, forKey: .location)
            contacts = c.lossy([SharedContact].self, forKey: .contacts)
            audio = c.lenient(Audio.self, forKey: .audio)
        }
    }

    struct Status: Decodable {
        struct Failure: Decodable {
            var code: Int?
            var title: String?
            var message: String?
        }
        var id: String
        var status: String
        var recipientID: String?
        var errors: [Failure]?
        enum CodingKeys: String, CodingKey { case id, status, recipientID = "recipient_id", errors }
    }
}
