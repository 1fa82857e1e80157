import Foundation
import Testing

/// Whole conversations written by people outside the team, each briefed as a different
/// customer or staff member and never shown the rules (Resources/scripts). Writers A–E are
/// the development set; F and G are held out: read once, reported as figures only.
@Suite(.serialized) struct ScriptedConversationTests {
    struct Report {
        var passed = 0
        var total = 0
        var lines: [String] = []
        var rate: Double { total == 0 ? 0 : Double(passed) / Double(total) }
    }

    static func run(_ names: [String], details: Bool) async throws -> Report {
        var report = Report()
        var number = 0
        for name in names {
            for script in try ConversationScript.load(name) {
                number += 1
                let (failures, transcript) = try await script.run(number: number)
                report.total += 1
                if failures.isEmpty {
                    report.passed += 1
                } else if details {
                    report.lines.append("✗ \(script.id) \(script.title): " + failures.joined(separator: "; "))
                    if ProcessInfo.processInfo.environment["SCRIPTS_TRANSCRIPTS"] != nil {
                        report.lines += transcript.map { "    " + $0.replacingOccurrences(of: "\n", with: "\n    ") }
                    }
                }
            }
        }
        return report
    }

    /// Writers H and I, added after the held-out reading; their first runs are recorded here.
    @Test func newWriterScripts() async throws {
        for writer in ["authorH", "authorI"] {
            let report = try await Self.run([writer], details: true)
            print("Scripts (\(writer)): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
            for line in report.lines { print(line) }
        }
    }

    @Test func developmentScriptsEndWithTheRightRowsAndReplies() async throws {
        let report = try await Self.run(["authorA", "authorB", "authorC", "authorD", "authorE"], details: true)
        print("Scripts (development, writers A–E): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        for line in report.lines { print(line) }
        #expect(report.rate >= 0.9)
    }
}

extension ScriptedConversationTests {
    /// Writers F and G: never read while the conversations were built. Figures only.
    @Test func heldOutScriptsEndWithTheRightRowsAndReplies() async throws {
        let report = try await Self.run(["heldout/authorF", "heldout/authorG"], details: false)
        print("Scripts (held out, writers F and G): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-02: 18/28 = 64.3 % (development scripts: 97.1 %). A guard, not a goal.
        #expect(report.rate >= 0.6)
    }

    /// Writers J and K, written after that reading while writers H and I became development
    /// material: read once, at the end of the second round. Figures only.
    @Test func secondHeldOutScripts() async throws {
        let report = try await Self.run(["heldout/authorJ", "heldout/authorK"], details: false)
        print("Scripts (second held out, writers J and K): \(report.passed)/\(report.total) = \(String(format: "%.1f", report.rate * 100)) %")
        // Read once on 2026-12-02: 19/32 = 59.4 % (writers H and I: 47.5 % at first reading, 80 % after). A guard.
        #expect(report.rate >= 0.55)
    }
}
