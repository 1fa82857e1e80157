import Foundation
import Testing
@testable import AgentCore

/// Accuracy of the offline rules on the labelled messages in Resources/nlu. `dev.jsonl` is
/// the set the rules were tuned on; `holdout.jsonl` was written by someone else and is never
/// tuned on, so its figure is the honest one.
@Suite struct UnderstandingAccuracyTests {
    @Test func devSetIntentAccuracy() throws {
        let report = try LabelledSet.load("dev").evaluate()
        print(report.summary(title: "dev (tuned on)", listErrors: true))
        #expect(report.intentAccuracy >= 0.97)
    }

    @Test func secondDevSetIntentAccuracy() throws {
        let report = try LabelledSet.load("dev2").evaluate()
        print(report.summary(title: "dev2 (tuned on, second author)", listErrors: true))
        #expect(report.intentAccuracy >= 0.95)
    }

    @Test func thirdDevSetIntentAccuracy() throws {
        let report = try LabelledSet.load("dev3").evaluate()
        print(report.summary(title: "dev3 (tuned on, third author)", listErrors: true))
        #expect(report.intentAccuracy >= 0.95)
    }

    @Test func holdoutIntentAccuracy() throws {
        let report = try LabelledSet.load("holdout").evaluate()
        print(report.summary(title: "holdout (never tuned on)", listErrors: ProcessInfo.processInfo.environment["NLU_SHOW_HOLDOUT"] != nil))
        #expect(report.intentAccuracy >= 0.93)
    }
}

struct LabelledMessage: Decodable {
    var text: String
    var intent: String
    var slots: Slots
}

struct LabelledSet {
    var messages: [LabelledMessage]

    static func load(_ name: String) throws -> LabelledSet {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Resources/nlu"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return LabelledSet(messages: try lines.map { try JSONDecoder().decode(LabelledMessage.self, from: Data($0.utf8)) })
    }

    func evaluate() -> AccuracyReport {
        let understanding = OfflineUnderstanding()
        var report = AccuracyReport()
        for message in messages {
            let got = understanding.classify(message.text)
            report.add(message, got)
        }
        return report
    }
}

struct AccuracyReport {
    var total = 0
    var correct = 0
    var perIntent: [String: (right: Int, all: Int)] = [:]
    /// Per slot: labelled and found equal, labelled, found without a label or with another value.
    var perSlot: [String: (right: Int, labelled: Int, wrong: Int)] = [:]
    var errors: [String] = []

    var intentAccuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    mutating func add(_ expected: LabelledMessage, _ got: Understood) {
        total += 1
        let ok = got.intent.rawValue == expected.intent
        if ok { correct += 1 }
        perIntent[expected.intent, default: (0, 0)].all += 1
        if ok { perIntent[expected.intent]!.right += 1 }
        if !ok { errors.append("intent \(expected.intent) ≠ \(got.intent.rawValue): \(expected.text)") }
        let pairs: [(String, String?, String?)] = [
            ("zone", expected.slots.zone.map(Text.fold), got.slots.zone.map(Text.fold)),
            ("plan_mbps", expected.slots.planMbps.map(String.init), got.slots.planMbps.map(String.init)),
            ("name", expected.slots.name.map(Text.fold), got.slots.name.map(Text.fold)),
            ("since", expected.slots.since.map(Self.since), got.slots.since.map(Self.since)),
            ("modem_restarted", expected.slots.modemRestarted.map { "\($0)" }, got.slots.modemRestarted.map { "\($0)" }),
            ("phone", expected.slots.phone, got.slots.phone),
        ]
        for (slot, want, have) in pairs {
            if want != nil { perSlot[slot, default: (0, 0, 0)].labelled += 1 }
            if want != nil, want == have { perSlot[slot, default: (0, 0, 0)].right += 1 }
            if have != nil, want != have { perSlot[slot, default: (0, 0, 0)].wrong += 1 }
            if want != have { errors.append("\(slot) \(want ?? "–") ≠ \(have ?? "–"): \(expected.text)") }
        }
    }

    static func since(_ s: String) -> String {
        var folded = Text.fold(s)
        for prefix in ["desde ", "since "] where folded.hasPrefix(prefix) { folded.removeFirst(prefix.count) }
        return folded
    }

    func summary(title: String, listErrors: Bool) -> String {
        var lines = ["NLU \(title): intent accuracy \(correct)/\(total) = \(String(format: "%.1f", intentAccuracy * 100)) %"]
        for (intent, c) in perIntent.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(intent.padding(toLength: 16, withPad: " ", startingAt: 0)) \(c.right)/\(c.all)")
        }
        for (slot, c) in perSlot.sorted(by: { $0.key < $1.key }) {
            lines.append("  slot \(slot.padding(toLength: 16, withPad: " ", startingAt: 0)) found \(c.right)/\(c.labelled), wrong or unlabelled \(c.wrong)")
        }
        if listErrors { lines += errors.map { "  ✗ " + $0 } }
        return lines.joined(separator: "\n")
    }
}
