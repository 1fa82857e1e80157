import Foundation
import Testing
@testable import AgentCore

/// A thought sent as two messages is read as one only when the first is plainly unfinished.
@Suite struct CutMessageTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func session(after customer: String, secondsAgo: TimeInterval = 20) -> Session {
        var session = Session(lastActivity: now.addingTimeInterval(-secondsAgo))
        session.remember(Turn(.customer, customer))
        session.remember(Turn(.bot, "¿A nombre de quién te anoto?"))
        return session
    }

    @Test func aMessageEndingOnAPrepositionTakesTheNextOne() {
        let joined = CutMessage.joined("la salida a la presa, el de 350 pesos",
                                       after: session(after: "quiero contratar el internet pa mi fonda q esta en la col. poniente por"),
                                       now: now)
        #expect(joined == "quiero contratar el internet pa mi fonda q esta en la col. poniente por la salida a la presa, el de 350 pesos")
    }

    @Test func wholeMessagesStayApart() {
        // A question without its mark ends on a question word; a stop, a late answer or a capital start a new thought.
        #expect(CutMessage.joined("es pa un compadre", after: session(after: "q paquetes tienen y a como"), now: now) == nil)
        #expect(CutMessage.joined("la salida a la presa", after: session(after: "mi fonda esta en el poniente, por."), now: now) == nil)
        #expect(CutMessage.joined("la salida a la presa", after: session(after: "mi fonda esta en el poniente por", secondsAgo: 300),
                                  now: now) == nil)
        #expect(CutMessage.joined("La salida a la presa", after: session(after: "mi fonda esta en el poniente por"), now: now) == nil)
        #expect(CutMessage.joined("la presa", after: nil, now: now) == nil)
    }
}
