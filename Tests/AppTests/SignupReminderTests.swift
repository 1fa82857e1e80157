import AgentCore
import BackOffice
import Foundation
import Store
import Testing
@testable import App

/// A sign-up left half way gets one reminder, and answering it goes on where it stopped.
@Suite struct SignupReminderTests {
    let chat = ChatRef(.whatsapp, "5214440000021")

    func reminders(_ bot: ConversationHarness) async throws -> [Reply] {
        try await bot.runtime.store.pendingOutbound(channel: .whatsapp).compactMap { message in
            if case .reply(let reply) = message.payload, message.chat == chat, message.inReplyTo == nil { return reply }
            return nil
        }
    }

    @Test func oneReminderAfterAnHourAndYesGoesOnWhereItStopped() async throws {
        var bot = try await ConversationHarness()
        let askZone = try await bot.send("quiero contratar el de 50", as: chat).joined()
        #expect(askZone.contains("zona"))
        let stopped = bot.clock
        let reminders = bot.runtime.reminders

        #expect(try await reminders.sendDue(now: stopped.addingTimeInterval(30 * 60)) == 0, "not before the hour")
        #expect(try await reminders.sendDue(now: stopped.addingTimeInterval(61 * 60)) == 1)
        #expect(try await reminders.sendDue(now: stopped.addingTimeInterval(120 * 60)) == 0, "never twice")
        let reminder = try #require(try await self.reminders(bot).last)
        #expect(reminder.text.contains("¿Seguimos con tu contratación") && reminder.quickReplies.map(\.id) == ["yes", "no"])

        let answer = try await bot.send(.quickReply(id: "yes", title: "Sí"), as: chat, after: 90 * 60).replies.map(\.text).joined()
        #expect(answer.contains("zona"), "the pending question again, not the greeting: \(answer)")
        let done = try await bot.send("Centro", as: chat).joined()
        #expect(!done.contains("¿En qué zona"), "the plan given before the reminder is still there: \(done)")
    }

    @Test func noEndsTheSignupAndAQuietChatOrAFinishedOneIsNotReminded() async throws {
        var bot = try await ConversationHarness()
        try await bot.send("quiero contratar internet en el Centro", as: chat)
        try await bot.send("hola", as: ChatRef(.whatsapp, "5214440000022"))  // no sign-up: nothing to remind
        #expect(try await bot.runtime.reminders.sendDue(now: bot.clock.addingTimeInterval(61 * 60)) == 1)
        #expect(try await bot.runtime.reminders.sendDue(now: bot.clock.addingTimeInterval(25 * 3600)) == 0, "past the window: none")
        let answer = try await bot.send(.quickReply(id: "no", title: "No"), as: chat, after: 70 * 60).replies.map(\.text).joined()
        #expect(answer.contains("Sin problema"))
        #expect(try await bot.newRows(.prospects).count == 1, "kept as a lead for staff")
    }
}
