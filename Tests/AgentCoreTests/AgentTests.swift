import BackOffice
import Foundation
import Testing
@testable import AgentCore

/// The agent alone: values in, values out — no store, no clock, no network.
@Suite struct AgentTests {
    final class FixedKeys: KeySource, @unchecked Sendable {
        func next(_ tab: Tab) -> String { (tab.keyPrefix ?? "") + "TEST" }
    }

    static let book: ReplyBook = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! ReplyBook(parsing: String(contentsOf: root.appendingPathComponent("messaging/replies.txt"), encoding: .utf8))
    }()

    let agent = Agent(settings: AgentSettings(), book: AgentTests.book, keys: FixedKeys())
    let workbook = Workbook(tabs: SampleWorkbook.all)
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func turn(_ text: String, session: Session?, chat: ChatRef = ChatRef(.whatsapp, "5214440001111"),
              understood: Understood? = nil) -> TurnOutput {
        let context = UnderstandingContext(zones: workbook.zones.map(\.name), planSpeeds: [20, 50, 100], awaiting: session?.awaiting)
        let message = InboundMessage(id: UUID().uuidString, chat: chat, content: .text(text), receivedAt: now,
                                     verifiedPhone: chat.channel == .whatsapp ? chat.chatID : nil)
        return agent.handle(TurnInput(message: message, understood: understood ?? OfflineUnderstanding().classify(text, context: context),
                                      role: .customer, session: session, workbook: workbook, now: now))
    }

    @Test func anUncertainReadingAsksWithButtonsInsteadOfGuessing() {
        var unsure = Understood(intent: .billing, confidence: 0.3)
        unsure.alternatives = [.incidentStatus, .outOfScope]
        let out = turn("oiga y lo de la otra vez como quedo", session: nil, understood: unsure)
        let reply = try! #require(out.replies.first)
        #expect(reply.text.contains("Pagos") && reply.text.contains("Mi reporte"))
        #expect(reply.quickReplies.map(\.id) == ["menu:billing", "menu:incident_status", "menu"])
        #expect(out.effects.isEmpty)
        var sure = unsure
        sure.confidence = 0.9
        #expect(turn("cuanto debo", session: nil, understood: sure).replies.first?.text.contains("Quiero entenderte") == false)
    }

    @Test func aConfirmedSignupIsOneAppendEffect() {
        var out = turn("quiero el de 50 en el sur, soy Ana Díaz", session: nil)
        #expect(out.effects.isEmpty)
        #expect(out.session.awaiting == .confirmation)
        out = turn("sí", session: out.session)
        let appends = out.effects.compactMap { effect -> RowValues? in
            if case .appendRow(.clients, let row) = effect { return row } else { return nil }
        }
        #expect(appends.count == 1)
        #expect(appends.first?.cells["Nombre"] == "Ana Díaz" && appends.first?.cells["Plan (Mbps)"] == "50")
        #expect(appends.first?.key == "C-TEST")
        #expect(out.session.flow == nil)
    }

    @Test func aModelCannotInventAPlanTheSheetDoesNotHave() {
        let invented = Understood(intent: .register, slots: Slots(zone: "Centro", planMbps: 300), confidence: 1)
        let out = turn("el de 300", session: nil, understood: invented)
        #expect(out.replies.first?.text.contains("No tenemos un plan de 300 Mbps") == true)
        #expect(out.session.awaiting == .plan)
    }
}
