import BackOffice
import Foundation
import Testing
@testable import AgentCore

/// Accuracy of the offline understanding (rules + the model trained on messaging/intents.txt)
/// on labelled messages in Resources/nlu, each set written by a different person briefed as
/// different customers and staff. The model learns from the sets it is measured on, so the
/// honest development figure leaves each writer out of training in turn (L and M scored 95.7 %
/// and 97.0 % of intents before they were added; BF, BG and BH 94.5 % each; BI–BL 95.5 % together; BM–BO, the newest, 95.7 %); writers F and G, then N and O,
/// are held out entirely (Resources/nlu/heldout): read once, reported as figures only.
@Suite(.serialized) struct UnderstandingAccuracyTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let corpus: IntentCorpus = {
        let path = repositoryRoot.appendingPathComponent("messaging/intents.txt").path
        return try! IntentCorpus(parsing: String(contentsOfFile: path, encoding: .utf8), file: path)
    }()

    static let writers = ["A", "B", "C", "D", "E", "L", "M", "BF", "BG", "BH", "BI", "BJ", "BK", "BL", "BM", "BN", "BO"]

    @Test func eachNewWriterLeftOutOfTraining() throws {
        var total = AccuracyReport()
        for writer in Self.writers {
            let rest = IntentCorpus(examples: Self.corpus.examples.filter { !$0.section.hasPrefix("writer \(writer):") })
            #expect(rest.examples.count < Self.corpus.examples.count, "writer \(writer)'s section is in intents.txt")
            let report = try LabelledSet.load("author\(writer)").evaluate(with: OfflineUnderstanding(corpus: rest))
            print(report.summary(title: "writer \(writer), left out of training", listErrors: ProcessInfo.processInfo.environment["NLU_SHOW_ERRORS"] != nil))
            total.merge(report)
        }
        print(total.summary(title: "writers A–E, L, M and BF–BO, each left out of training", listErrors: false))
        #expect(total.intentAccuracy >= 0.92)
    }

    /// The shipped understanding (trained on all of messaging/intents.txt) on the sets named.
    static func shipped(on names: [String]) throws -> AccuracyReport {
        let understanding = OfflineUnderstanding.trained(on: corpus)
        var total = AccuracyReport()
        for name in names { total.merge(try LabelledSet.load(name).evaluate(with: understanding)) }
        return total
    }

    @Test func theShippedUnderstandingOnEveryDevelopmentSet() throws {
        let total = try Self.shipped(on: ["dev", "dev2", "dev3", "holdout"] + Self.writers.map { "author\($0)" })
        print(total.summary(title: "every development set, shipped model (trained on them)", listErrors: false))
        #expect(total.intentAccuracy >= 0.98)
        #expect(total.slotAccuracy >= 0.93)
    }

    /// Writers F and G: never seen while building the understanding. Figures only.
    @Test func heldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorF", "heldout/authorG"])
        print(total.summary(title: "held out (writers F and G)", listErrors: false))
        // Read once on 2026-12-02: 95.2 % intents (621/652), 91.7 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.94)
        #expect(total.slotAccuracy >= 0.90)
    }

    /// Writers N and O: written at the start of the third round, never read while it went on. Figures only.
    @Test func thirdHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorN", "heldout/authorO"])
        print(total.summary(title: "third held out (writers N and O)", listErrors: false))
        // Read once on 2026-12-03: 93.9 % intents (611/651), 93.9 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.93)
        #expect(total.slotAccuracy >= 0.92)
    }

    @Test func fourthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorZ", "heldout/authorAA"])
        print(total.summary(title: "fourth held out (writers Z and AA)", listErrors: false))
        // Read once on 2026-12-03: 93.5 % intents (608/650), 90.8 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.92)
        #expect(total.slotAccuracy >= 0.89)
    }

    /// Writers AH and AI: written in the fourth round, committed unread, read once at the fifth's end.
    @Test func fifthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorAH", "heldout/authorAI"])
        print(total.summary(title: "fifth held out (writers AH and AI)", listErrors: false))
        // Read once on 2026-12-03: 94.7 % intents (624/659), 95.9 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.93)
        #expect(total.slotAccuracy >= 0.94)
    }

    /// Writers AP and AQ: written in the fifth round, committed unread, read once at the sixth's end. Figures only.
    @Test func sixthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorAP", "heldout/authorAQ"])
        print(total.summary(title: "sixth held out (writers AP and AQ)", listErrors: false))
        // Read once on 2026-12-03: 97.0 % intents (642/662), 94.2 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.92)
    }

    /// Writers BA and BB: added unread at the start of the seventh round, read once at its end.
    @Test func seventhHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorBA", "heldout/authorBB"])
        print(total.summary(title: "seventh held out (writers BA and BB)", listErrors: false))
        // Read once on 2026-12-03: 97.1 % intents (640/659), 93.9 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.91)
    }

    /// Writers BV and BW: added unread in the seventh round, read once at the end of the eighth.
    @Test func eighthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorBV", "heldout/authorBW"])
        print(total.summary(title: "eighth held out (writers BV and BW)", listErrors: false))
        // Read once on 2026-12-03 (late evening): 93.6 % intents (612/654), 92.6 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.92)
        #expect(total.slotAccuracy >= 0.91)
    }

    /// Writers CG and CH: added unread in the eighth round, read once at the end of the ninth.
    @Test func ninthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorCG", "heldout/authorCH"])
        print(total.summary(title: "ninth held out (writers CG and CH)", listErrors: false))
        // Read once on 2026-12-04: 96.3 % intents (633/657), 96.4 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func tenthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorCQ", "heldout/authorCR"])
        print(total.summary(title: "tenth held out (writers CQ and CR)", listErrors: false))
        // Read once on 2026-12-04: 96.9 % intents (626/646), 97.1 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func eleventhHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorDA", "heldout/authorDB"])
        print(total.summary(title: "eleventh held out (writers DA and DB)", listErrors: false))
        // Read once on 2026-12-04: 98.5 % intents (641/651), 98.4 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twelfthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorDK", "heldout/authorDL"])
        print(total.summary(title: "twelfth held out (writers DK and DL)", listErrors: false))
        // Read once on 2026-12-04: 97.8 % intents (631/645), 97.6 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    /// Writers DY and DZ: written in the twelfth round, committed unread, read once at the thirteenth's end.
    @Test func thirteenthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorDY", "heldout/authorDZ"])
        print(total.summary(title: "thirteenth held out (writers DY and DZ)", listErrors: false))
        // Read once on 2026-12-04: 96.5 % intents (635/658), 98.0 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.94)
        #expect(total.slotAccuracy >= 0.95)
    }

    /// Writers EY and EZ: written in the thirteenth round, committed unread, read once at the fourteenth's end.
    @Test func fourteenthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorEY", "heldout/authorEZ"])
        print(total.summary(title: "fourteenth held out (writers EY and EZ)", listErrors: false))
        // Read once on 2026-12-04: 96.8 % intents (632/653), 97.9 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func fifteenthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorFY", "heldout/authorFZ"])
        print(total.summary(title: "fifteenth held out (writers FY and FZ)", listErrors: false))
        // Read once on 2026-12-04: 97.7 % intents (629/644), 98.6 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func sixteenthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorGY", "heldout/authorGZ"])
        print(total.summary(title: "sixteenth held out (writers GY and GZ)", listErrors: false))
        // Read once on 2026-12-05: 98.1 % intents (629/641), 97.9 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func seventeenthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorHY", "heldout/authorHZ"])
        print(total.summary(title: "seventeenth held out (writers HY and HZ)", listErrors: false))
        // Read once on 2026-12-05: 97.7 % intents (631/646), 97.0 % slots. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func eighteenthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorIY", "heldout/authorIZ"])
        print(total.summary(title: "eighteenth held out (writers IY and IZ)", listErrors: false))
        // Read once on 2026-12-05: 95.7 % intents (628/656), 97.3 % slots; weakest staff_stats 43/48, out_of_scope 48/54,
        // incident_status 40/44. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func nineteenthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorJY", "heldout/authorJZ"])
        print(total.summary(title: "nineteenth held out (writers JY and JZ)", listErrors: false))
        // Read once on 2026-12-05 10:55 UTC: 97.0 % intents (622/641), 95.5 % slots; weakest out_of_scope 40/48, since
        // 28/37. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentiethHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorKY", "heldout/authorKZ"])
        print(total.summary(title: "twentieth held out (writers KY and KZ)", listErrors: false))
        // Read once on 2026-12-05 13:37 UTC: 98.9 % intents (633/640), 98.9 % slots; weakest register 77/80, zone 154/157.
        // Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentyFirstHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorLY", "heldout/authorLZ"])
        print(total.summary(title: "twenty-first held out (writers LY and LZ)", listErrors: false))
        // Read once on 2026-12-05 16:26 UTC: 97.7 % intents (625/640), 97.2 % slots; weakest staff_stats 34/38, since 45/53.
        // Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentySecondHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorMY", "heldout/authorMZ"])
        print(total.summary(title: "twenty-second held out (writers MY and MZ)", listErrors: false))
        // Read once on 2026-12-05 19:14 UTC: 97.7 % intents (625/640), 97.1 % slots; weakest greeting 40/42, name 45/52.
        // Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentyThirdHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorNY", "heldout/authorNZ"])
        print(total.summary(title: "twenty-third held out (writers NY and NZ)", listErrors: false))
        // Read once on 2026-12-05 23:06 UTC: 96.4 % intents (617/640), 97.4 % slots; weakest register 67/71, staff_stats
        // 37/40, name 35/39. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentyFourthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorOY", "heldout/authorOZ"])
        print(total.summary(title: "twenty-fourth held out (writers OY and OZ)", listErrors: false))
        // Read once on 2026-12-06 01:52 UTC: 92.8 % intents (594/640), 98.6 % slots; weakest out_of_scope 51/86 (one writer
        // labelled 86 messages so), staff_stats 45/50, name 54/57. Guards below that.
        #expect(total.intentAccuracy >= 0.92)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentyFifthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorPY", "heldout/authorPZ"])
        print(total.summary(title: "twenty-fifth held out (writers PY and PZ)", listErrors: false))
        // Read once on 2026-12-06 04:45 UTC: 96.2 % intents (616/640), 97.9 % slots; weakest cancel 27/30, out_of_scope
        // 35/40, plans_prices 55/60, staff_stats 37/40, plan 69/72. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentySixthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorQY", "heldout/authorQZ"])
        print(total.summary(title: "twenty-sixth held out (writers QY and QZ)", listErrors: false))
        // Read once on 2026-12-06 08:01 UTC: 97.8 % intents (626/640), 97.8 % slots; weakest out_of_scope 37/40, incident_status
        // 48/50, staff_stats 38/40, name 40/43, plan 80/83. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentySeventhHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorRY", "heldout/authorRZ"])
        print(total.summary(title: "twenty-seventh held out (writers RY and RZ)", listErrors: false))
        // Read once on 2026-12-06 10:55 UTC: 96.9 % intents (620/640), 96.8 % slots; weakest plans_prices 55/60, billing
        // 47/50, staff_search 37/40, name 43/53. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentyEighthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorSY", "heldout/authorSZ"])
        print(total.summary(title: "twenty-eighth held out (writers SY and SZ)", listErrors: false))
        // Read once on 2026-12-06 14:00 UTC: 98.3 % intents (629/640), 97.7 % slots; weakest incident_status 48/50,
        // plans_prices 58/60, report_incident 88/90, zone 120/124. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func twentyNinthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorTY", "heldout/authorTZ"])
        print(total.summary(title: "twenty-ninth held out (writers TY and TZ)", listErrors: false))
        // Read once on 2026-12-06 16:48 UTC: 97.3 % intents (623/640), 97.2 % slots; weakest out_of_scope 36/40,
        // staff_search 38/40, name 39/43, zone 132/136. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    /// Writers UY and UZ: written at the end of the twenty-ninth round, never read while the thirtieth went on. Figures only.
    @Test func thirtiethHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorUY", "heldout/authorUZ"])
        print(total.summary(title: "thirtieth held out (writers UY and UZ)", listErrors: false))
        // Read once on 2026-12-06 20:02 UTC: 98.6 % intents (631/640), 98.1 % slots; weakest out_of_scope 35/40,
        // human_agent 38/40, name 43/47, zone 155/158. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    /// Writers VY and VZ: written at the end of the thirtieth round, never read while the thirty-first went on. Figures only.
    @Test func thirtyFirstHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorVY", "heldout/authorVZ"])
        print(total.summary(title: "thirty-first held out (writers VY and VZ)", listErrors: false))
        // Read once on 2026-12-06 23:06 UTC: 97.8 % intents (626/640), 98.6 % slots; weakest out_of_scope 37/40,
        // incident_status 48/50, name 53/56. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func thirtySecondHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorWY", "heldout/authorWZ"])
        print(total.summary(title: "thirty-second held out (writers WY and WZ)", listErrors: false))
        // Read once on 2026-12-07 02:09 UTC: 96.9 % intents (620/640), 99.2 % slots; weakest staff_stats 35/40,
        // out_of_scope 36/40, plans_prices 56/60. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func thirtyThirdHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorXY", "heldout/authorXZ"])
        print(total.summary(title: "thirty-third held out (writers XY and XZ)", listErrors: false))
        // Read once on 2026-12-07 05:11 UTC: 96.9 % intents (620/640), 98.9 % slots; weakest out_of_scope 35/40,
        // staff_stats 37/40, incident_status 46/50. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func thirtyFourthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorYY", "heldout/authorYZ"])
        print(total.summary(title: "thirty-fourth held out (writers YY and YZ)", listErrors: false))
        // Read once on 2026-12-07 08:02 UTC: 98.8 % intents (632/640), 98.4 % slots; weakest out_of_scope 36/40, name
        // 53/56. Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
    }

    @Test func thirtyFifthHeldOutWriters() throws {
        let total = try Self.shipped(on: ["heldout/authorZY", "heldout/authorZZ"])
        print(total.summary(title: "thirty-fifth held out (writers ZY and ZZ)", listErrors: false))
        // Read once on 2026-12-07 11:38 UTC: 98.6 % intents (631/640), 98.6 % slots; weakest coverage 58/60, name 36/38.
        // Guards below that.
        #expect(total.intentAccuracy >= 0.95)
        #expect(total.slotAccuracy >= 0.95)
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

    /// Read as the bot reads them: with the sample sheet's zones and plans, and (staff messages
    /// only) its client names.
    func evaluate(with understanding: OfflineUnderstanding) -> AccuracyReport {
        let workbook = Workbook(tabs: SampleWorkbook.all)
        var report = AccuracyReport()
        for message in messages {
            let role: Role = message.intent.hasPrefix("staff_") ? .staff : .customer
            let context = UnderstandingContext(workbook: workbook, session: nil, role: role)
            report.add(message, understanding.classify(message.text, context: context))
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

    /// Labelled slot values found exactly.
    var slotAccuracy: Double {
        let labelled = perSlot.values.reduce(0) { $0 + $1.labelled }
        return labelled == 0 ? 0 : Double(perSlot.values.reduce(0) { $0 + $1.right }) / Double(labelled)
    }

    mutating func merge(_ other: AccuracyReport) {
        total += other.total
        correct += other.correct
        for (intent, c) in other.perIntent {
            perIntent[intent, default: (0, 0)].right += c.right
            perIntent[intent, default: (0, 0)].all += c.all
        }
        for (slot, c) in other.perSlot {
            perSlot[slot, default: (0, 0, 0)].right += c.right
            perSlot[slot, default: (0, 0, 0)].labelled += c.labelled
            perSlot[slot, default: (0, 0, 0)].wrong += c.wrong
        }
        errors += other.errors
    }

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

    /// "desde las 7am" and "las 7 am" are the same answer.
    static func since(_ s: String) -> String {
        var folded = Text.fold(s)
        for prefix in ["desde ", "since "] where folded.hasPrefix(prefix) { folded.removeFirst(prefix.count) }
        var spaced = ""
        var previousIsDigit = false
        for character in folded {
            if previousIsDigit, character.isLetter { spaced.append(" ") }
            spaced.append(character)
            previousIsDigit = character.isNumber
        }
        return spaced
    }

    func summary(title: String, listErrors: Bool) -> String {
        var lines = ["NLU \(title): intent accuracy \(correct)/\(total) = \(String(format: "%.1f", intentAccuracy * 100)) %, "
            + "slot accuracy \(String(format: "%.1f", slotAccuracy * 100)) %"]
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
