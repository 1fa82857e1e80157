import AgentCore
import BackOffice
import Foundation

/// `launcher bench` (build with -c release): classify throughput and per-turn latency through
/// the whole pipeline, SQLite commit included, on a scratch data folder.
public enum Benchmark {
    public struct Figures: Sendable {
        public var classifyPerSecond: Double
        public var turns: Int
        public var p50: Double
        public var p99: Double
        public var max: Double
        public var turnsPerSecond: Double
    }

    public static func run(config base: BotConfig, corpus: [String], turns: Int, report: (String) -> Void) async throws {
        let examples = try MessagingFiles.load(directory: base.messagingDirectory, config: base).corpus
        let clock = ContinuousClock()
        let trainingStart = clock.now
        let understanding = OfflineUnderstanding(corpus: examples)
        let training = (clock.now - trainingStart).seconds
        report(String(format: "start-up training of the intent model: %d examples in %.3f s", examples?.examples.count ?? 0, training))
        let context = UnderstandingContext(workbook: Workbook(tabs: SampleWorkbook.all), session: nil, role: .customer)
        let words = Double(corpus.reduce(0) { $0 + $1.split(separator: " ").count }) / Double(max(1, corpus.count))
        for (label, reader) in [("rules + model", understanding), ("rules only", OfflineUnderstanding())] {
            var classified = 0
            let start = clock.now
            while clock.now - start < .seconds(2) {
                for text in corpus { _ = reader.classify(text, context: context) }
                classified += corpus.count
            }
            let seconds = (clock.now - start).seconds
            report(String(format: "classify (%@): %d messages in %.2f s = %.0f messages/s (%d distinct messages, %.1f words on average)",
                          label, classified, seconds, Double(classified) / seconds, corpus.count, words))
        }

        let sessions = try await liveSessions(config: base, chats: 10_000)
        report(String(format: "10,000 live sessions (each mid sign-up): resident memory %.0f MB before, %.0f MB after (+%.1f MB), %.0f turns/s",
                      sessions.before, sessions.after, sessions.after - sessions.before, sessions.turnsPerSecond))
        for durable in [true, false] {
            let figures = try await turnLatency(config: base, turns: turns, durable: durable)
            report(String(format: "turns (SQLite synchronous=%@): %d turns, p50 %.3f ms, p99 %.3f ms, max %.3f ms, %.0f turns/s",
                          durable ? "FULL" : "NORMAL", figures.turns, figures.p50, figures.p99, figures.max, figures.turnsPerSecond))
        }
        report("resident memory: \(Int(residentMegabytes())) MB")
    }

    /// Many people halfway through a conversation at once: sessions live in SQLite, so memory
    /// should not grow with their number.
    static func liveSessions(config base: BotConfig, chats: Int) async throws -> (before: Double, after: Double, turnsPerSecond: Double) {
        var config = base
        config.dataDirectory = NSTemporaryDirectory() + "redsol-bench-\(UUID().uuidString)"
        config.durableWrites = false
        defer { try? FileManager.default.removeItem(atPath: config.dataDirectory) }
        let runtime = try await BotRuntime.build(config: config)
        _ = try await runtime.processor.process(InboundMessage(id: "warm", chat: ChatRef(.telegram, "1"), content: .text("hola")))
        let before = residentMegabytes()
        let clock = ContinuousClock()
        let started = clock.now
        for user in 0..<chats {
            let chat = ChatRef(user.isMultiple(of: 2) ? .telegram : .whatsapp, String(5_214_440_000_000 + user))
            for (n, text) in ["quiero contratar internet", "en el norte"].enumerated() {
                _ = try await runtime.processor.process(InboundMessage(id: "live-\(user)-\(n)", chat: chat, content: .text(text)))
            }
        }
        let seconds = (clock.now - started).seconds
        return (before, residentMegabytes(), Double(chats * 2) / seconds)
    }

    /// Customers in parallel conversations (sign-ups, incidents, questions), one message at a time.
    static func turnLatency(config base: BotConfig, turns: Int, durable: Bool) async throws -> Figures {
        var config = base
        config.dataDirectory = NSTemporaryDirectory() + "redsol-bench-\(UUID().uuidString)"
        config.durableWrites = durable
        defer { try? FileManager.default.removeItem(atPath: config.dataDirectory) }
        let runtime = try await BotRuntime.build(config: config)
        let writing = Task { await runtime.outbox.run() }
        defer { writing.cancel() }

        let scripts: [[String]] = [
            ["hola", "quiero contratar internet", "en el norte", "el de 50", "Laura Pérez", "4441234567", "sí"],
            ["no tengo internet desde ayer", "no lo he reiniciado"],
            ["cuanto cuesta el de 100?", "llegan a la loma?", "no gracias"],
            ["el internet esta muy lento desde la mañana, ya reinicie el modem"],
            ["como va mi reporte?", "gracias"],
        ]
        var latencies: [Double] = []
        latencies.reserveCapacity(turns)
        let clock = ContinuousClock()
        let started = clock.now
        var user = 0
        while latencies.count < turns {
            user += 1
            for (n, text) in scripts[user % scripts.count].enumerated() where latencies.count < turns {
                let message = InboundMessage(id: "bench-\(user)-\(n)", chat: ChatRef(.telegram, String(900_000 + user)),
                                             content: .text(text))
                let t0 = clock.now
                _ = try await runtime.processor.process(message)
                latencies.append((clock.now - t0).seconds * 1000)
            }
        }
        let total = (clock.now - started).seconds
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        return Figures(classifyPerSecond: 0, turns: latencies.count, p50: percentile(0.5), p99: percentile(0.99),
                       max: latencies.last ?? 0, turnsPerSecond: Double(latencies.count) / total)
    }

    /// This process's resident set (Linux /proc; 0 elsewhere).
    public static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    /// Messages to classify: the labelled sets when run from the project folder, else a sample.
    public static func corpus() -> [String] {
        let folder = "Tests/AgentCoreTests/Resources/nlu"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".jsonl") } ?? []
        var texts: [String] = []
        for file in files.sorted() {
            guard let content = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { continue }
            for line in content.split(separator: "\n") {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                   let text = object["text"] as? String { texts.append(text) }
            }
        }
        return texts.isEmpty ? ["hola", "cuanto cuesta el internet?", "no tengo internet desde ayer", "quiero contratar el de 50 en el centro"] : texts
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
