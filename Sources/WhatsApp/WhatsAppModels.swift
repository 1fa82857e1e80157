/// The webhook notification shapes the bot reads. Unknown fields are ignored; every array
/// (entry, changes, messages, statuses) is iterated, as Meta may batch them.
struct Notification: Decodable {
    var object: String?
    var entry: [Entry]?

    struct Entry: Decodable {
        var id: String?
        var changes: [Change]?
    }

    struct Change: Decodable {
        var field: String?
        var value: Value?
    }

    struct Value: Decodable {
        var metadata: Metadata?
        var contacts: [ContactInfo]?
        var messages: [Message]?
        var statuses: [Status]?
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
