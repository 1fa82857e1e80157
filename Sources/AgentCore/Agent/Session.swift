import Foundation

/// Everything the bot remembers about one chat between messages. Stored in SQLite as JSON,
/// so a conversation survives a restart.
public struct Session: Sendable, Codable, Equatable {
    public var language: Language = .es
    public var flow: Flow?
    public var lastActivity: Date
    /// While set and in the future, a person handles the chat and the bot stays quiet.
    public var handoffUntil: Date?
    /// The sender's own number, when the channel vouched for it (WhatsApp, a shared Telegram contact).
    public var phone: String?
    /// The last few messages, for the model's context.
    public var recent: [Turn] = []
    /// The main menu was the last thing shown, so a bare "2" means its second option.
    public var menuShown = false
    /// What the bot's last reply did, so "ese", "¿y el de 50?" or "ahora Oriente" can be read.
    public var context = DialogueContext()
    /// "¿Ya quedó tu servicio?" was asked after staff closed a repair; the answer is awaited.
    public var repairCheck: RepairCheck?
    /// The one reminder of a sign-up left half way was sent: the draft waits for the answer.
    public var signupReminded = false
    /// Someone waiting for a person wrote again and was told once that they are still in line.
    public var handoffNoted = false
    /// The last words of the customer's previous message as typed, to spot a signature repeated under every message.
    public var lastWords: String?

    public init(lastActivity: Date) {
        self.lastActivity = lastActivity
    }

    enum CodingKeys: String, CodingKey {
        case language, flow, lastActivity, handoffUntil, phone, recent, menuShown, context, repairCheck, signupReminded,
             handoffNoted, lastWords
    }

    /// Sessions stored by an older version lack the newer fields: they start empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        language = try c.decodeIfPresent(Language.self, forKey: .language) ?? .es
        flow = try c.decodeIfPresent(Flow.self, forKey: .flow)
        lastActivity = try c.decode(Date.self, forKey: .lastActivity)
        handoffUntil = try c.decodeIfPresent(Date.self, forKey: .handoffUntil)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        recent = try c.decodeIfPresent([Turn].self, forKey: .recent) ?? []
        menuShown = try c.decodeIfPresent(Bool.self, forKey: .menuShown) ?? false
        context = try c.decodeIfPresent(DialogueContext.self, forKey: .context) ?? DialogueContext()
        repairCheck = try c.decodeIfPresent(RepairCheck.self, forKey: .repairCheck)
        signupReminded = try c.decodeIfPresent(Bool.self, forKey: .signupReminded) ?? false
        handoffNoted = try c.decodeIfPresent(Bool.self, forKey: .handoffNoted) ?? false
        lastWords = try c.decodeIfPresent(String.self, forKey: .lastWords)
    }

    mutating func remember(_ turn: Turn, keep: Int = 6) {
        recent.append(turn)
        if recent.count > keep { recent.removeFirst(recent.count - keep) }
    }
}

/// A conversation in progress, waiting for the customer's next answer.
public enum Flow: Sendable, Codable, Equatable {
    case signup(SignupDraft)
    case incident(IncidentDraft)
    /// "¿En qué zona vives?" after a coverage question without a zone.
    case coverageQuestion
    /// "¿Quieres que te avisemos cuando lleguemos a La Loma?"
    case notifyWhenCovered(zone: String)
    /// "¿Confirmas la solicitud de baja?"
    case cancelConfirmation
    /// A prospect row was written without the person's full name: "¿A nombre de quién te anoto?"
    case prospectName(key: String)
    /// The waiting list offered after a sign-up where there is no coverage: no row until a name or a yes.
    /// (`name`: whom the sign-up was for, if said, for the row a yes writes.)
    case prospectPending(zone: String, planMbps: Int?, name: String? = nil)
}

/// What the bot's last reply was about: the reference point of short, elliptical messages.
extension Flow {
    /// A sign-up or a report: what staff may take for a customer in front of them.
    var isForACustomer: Bool {
        switch self {
        case .signup, .incident: true
        default: false
        }
    }
}

public struct DialogueContext: Sendable, Codable, Equatable {
    /// Plans the reply quoted ("ese" is the only one; "¿y el de 50?" another).
    public var quotedPlans: [Int] = []
    /// The reply listed every plan.
    public var listedPlans = false
    /// The zone the reply was about (a coverage answer).
    public var zone: String?
    /// The reply offered to sign up ("¿Quieres contratar?"): a bare "sí" accepts.
    public var offeredSignup = false
    /// Staff: the zone of the last search, the ids it showed, and the last statistics topic.
    public var searchZone: String?
    public var searchResults: [String] = []
    public var statsTopic: String?
    /// Staff: the zone the last statistics were about ("pásamelos con sus teléfonos").
    public var statsZone: String?
    /// The zone was read from a misspelling ("oriete" → Oriente): a "no" next undoes it.
    public var guessedZone: String?
    /// The reply refused other people's data: insisting gets the same answer.
    public var refusedData = false
    /// The folio of the report this reply registered (a name given next goes in its row).
    public var writtenIncident: String?
    /// The report staff just asked after by its folio ("¿y cómo va ese inc?").
    public var shownIncident: String?
    /// The reply recorded the customer's cancellation: "y el módem qué hago, se los llevo" next is about returning it.
    public var cancelRecorded: Bool?
    /// The customer's own report whose state the reply told: "¿y como cuánto tiempo más?" next asks after it.
    public var statusShown: String?
    /// Every report whose state this turn's replies told, and those the turn before told: the same failure told again
    /// next is a note on that report, a question in between or not ("…y cuánto me toca pagar" then "se sigue cortando").
    public var statusTold: [String]?
    public var statusToldBefore: [String]?
    /// A name the person gave as theirs before any form asked for it ("le escribe Carmen Ruiz").
    public var statedName: String?
    /// The client number this chat just signed up with: "¿y cuándo vienen?" is about its installation.
    public var signedUp: String?
    /// The plan quoted last, turns ago too: "contrato ese último que le pregunté" after a coverage answer.
    public var lastQuotedPlan: Int?
    /// The one plan whose price the last message asked ("y el de 100 cuanto sale? pq el de 50 se me hace q se va a trabar"),
    /// when the reply quoted more than it: "ese" next is that one.
    public var askedPlan: Int?
    /// Whether the modem was restarted, told while a cancellation was being confirmed ("YA LO DESCONECTE Y CONECTE MIL
    /// VECES"): the report that may follow keeps it.
    public var toldRestart: Bool?
    /// A cancellation was asked for and no client matched this chat: who they are comes next.
    /// (Optional, so sessions stored before it decode.)
    public var cancelUnmatched: Bool?
    /// Someone writes for the holder of this client's number ("le escribo de su celular"):
    /// "¿cuánto debe ella?" is the holder's account. Kept for the conversation.
    public var writesForHolder: Bool?
    /// A client's phone used to ask service for another home ("mis abuelos quieren internet en su casa"):
    /// a sign-up later in the conversation is a new one, not the holder's. Kept for the conversation.
    public var forAnotherHome: Bool?
    /// The reply answered a question about another place while a cancellation waited for its yes
    /// ("me voy a cambiar a La Loma, ¿ahí tienen?"): "entonces sí lo doy de baja" next confirms it.
    public var cancelAsked: Bool?
    /// A client number told by someone writing for that client ("su número de cliente es C-0005"),
    /// for a report that follows. Kept for the conversation.
    public var accountTold: String?
    /// The last plans quoted together, in order ("¿el de 20 y el de 50?"): "mejor el primero" turns later
    /// is the first of them. Kept for the conversation.
    public var quotedOrder: [Int]?
    /// Where the people the customer spoke of live, as they said it ("mi tía Chela en La Loma" → tia: La Loma):
    /// "¿y la de mi tía no hay manera?" later is about that place. Kept for the conversation.
    public var peoplesPlaces: [String: String]?
    /// "No tienes reportes abiertos" was the answer: "¡sí hice uno la semana pasada!" next is insisting.
    public var toldNoReports: Bool?
    /// "No encuentro un servicio a nombre de este chat" was the answer to a bill asked: the account described next is
    /// one this chat cannot show, not a sign-up.
    public var toldNotClient: Bool?
    /// The last place the waiting list was offered for: "put me on the list anyway" a few turns later means it.
    public var listOffered: String?
    /// A sign-up under way when another place was asked about ("oiga y a san isidro si llegan?"): it goes on after the
    /// answer to the waiting-list offer.
    public var heldSignup: SignupDraft?
    /// When the failure began, told while a cancellation was asked about: the report chosen instead keeps it.
    public var toldSince: String?
    /// "¿Qué falla tiene el servicio?" was asked: "no hay", "nada", "down", "red light" next is the answer.
    public var askedWhatFails: Bool?
    /// Staff were shown the installations still pending: "¿y en centro?" next asks the same of that zone.
    public var pendingShown: Bool?

    public init() {}

    var isEmpty: Bool { self == DialogueContext() }
}

public struct SignupDraft: Sendable, Codable, Equatable {
    public var zone: String?
    public var planMbps: Int?
    public var name: String?
    public var phone: String?
    /// The name the channel shows, offered until the person gives theirs.
    public var profileName: String?
    /// The phone is the channel's own proof (the WhatsApp number, a shared own Telegram
    /// contact), not digits the person typed.
    public var phoneVerified = false
    public var confirming = false
    /// The first digits of a phone typed in two messages ("su cel es 444 187", then "2309").
    public var phoneStart: String?
    /// The name was said as someone else's ("se llama Lucía…"): the writer's own waiting-list row keeps theirs.
    public var nameIsAnothers: Bool?
    /// The other services asked for in the same sign-up ("dos contratos, uno en Centro y otro en Sur"), in the order told:
    /// each takes what is said of it, is shown at the summary and written after the same yes, or asked for in turn.
    public var others: [SignupDraft]?
    /// Words that point at this service in later messages ("la casa", "ella", "the office"), from the clause that placed it.
    public var marks: [String]?
    /// "son 2 lugares, la estética y mi casa": several services announced before their places are said.
    public var expectsSeveral: Bool?

    public init(zone: String? = nil, planMbps: Int? = nil, name: String? = nil, phone: String? = nil,
                profileName: String? = nil) {
        self.zone = zone
        self.planMbps = planMbps
        self.name = name
        self.phone = phone
        self.profileName = profileName
    }

    enum CodingKeys: String, CodingKey {
        case zone, planMbps, name, phone, profileName, phoneVerified, confirming, phoneStart, others, marks, expectsSeveral
    }

    /// Drafts saved by an older version have no `phoneVerified`: their phone counts as typed.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        zone = try c.decodeIfPresent(String.self, forKey: .zone)
        planMbps = try c.decodeIfPresent(Int.self, forKey: .planMbps)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        profileName = try c.decodeIfPresent(String.self, forKey: .profileName)
        phoneVerified = try c.decodeIfPresent(Bool.self, forKey: .phoneVerified) ?? false
        confirming = try c.decodeIfPresent(Bool.self, forKey: .confirming) ?? false
        phoneStart = try c.decodeIfPresent(String.self, forKey: .phoneStart)
        others = try c.decodeIfPresent([SignupDraft].self, forKey: .others)
        marks = try c.decodeIfPresent([String].self, forKey: .marks)
        expectsSeveral = try c.decodeIfPresent(Bool.self, forKey: .expectsSeveral)
    }

    public var hasProgress: Bool { zone != nil || planMbps != nil }
}

public struct IncidentDraft: Sendable, Codable, Equatable {
    public var description: String
    public var since: String?
    public var modemRestarted: Bool?
    /// "no sé, déjame le pregunto a mi mamá": not asked again; the report goes with the column empty.
    public var restartUnknown: Bool?
    public var zone: String?
    public var name: String?
    public var priority: Priority
    /// The account the report is for, named by its number ("a nombre de mi roomie, C-0028").
    public var holder: String?
    /// A client reporting for a relative with an account of their own ("es otra cuenta, Teresa Castro, vive en la sur"):
    /// the row is that account's, found by name and zone, not the caller's.
    public var forAnotherAccount: Bool?
    /// Staff named the client ("levanta reporte pal sr Héctor Jiménez de norte") but not what fails: that comes next.
    public var failurePending: Bool?

    public init(description: String, priority: Priority) {
        self.description = description
        self.priority = priority
    }
}

extension Session {
    /// The answer the conversation is waiting for, so understanding can read "el de 20",
    /// "Luis" or "sí" as that answer.
    public var awaiting: SlotName? {
        switch flow {
        case .signup(let draft): draft.confirming ? .confirmation : Conversation.awaiting(draft)
        case .incident(let draft): Conversation.awaiting(draft)
        case .coverageQuestion: .zone
        case .notifyWhenCovered, .cancelConfirmation: .confirmation
        case .prospectName, .prospectPending: .name
        case nil: nil
        }
    }
}

/// The question asked when staff close a repair: first "¿Ya quedó?", then the 1–5 rating.
public struct RepairCheck: Sendable, Codable, Equatable {
    public var folio: String
    public var askedAt: Date
    public var awaitingRating = false

    public init(folio: String, askedAt: Date) {
        self.folio = folio
        self.askedAt = askedAt
    }

    /// Answers later than this are taken as a new conversation.
    public static let lifetime: TimeInterval = 3 * 86_400
}
