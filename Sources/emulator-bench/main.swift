import AgentCore
import App
import BackOffice
import Emulators
import Foundation
import GoogleSheets
import Logging
import Store

// Figures measured against the loopback emulators (never timed in tests):
// Sheets calls per 1,000 customer messages, delivering 1,000 sign-ups queued at once,
// refreshing a spreadsheet of 10,000 clients (wall time, CPU time, memory), and the time a
// turn spends on Gemini when the model answers instantly.

LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }

// `emulator-bench serve-whatsapp`: a Graph API that accepts every send, for the ingest
// benchmark (bench/webhook-ingest.sh), so the bot's replies go somewhere real. Prints its address.
if CommandLine.arguments.dropFirst().first == "serve-whatsapp" {
    let graph = WhatsAppEmulator(accessToken: "bench")
    graph.statusWebhooks = false
    try await graph.start()
    FileHandle.standardOutput.write(Data((graph.baseURL + "\n").utf8))
    while true { try await Task.sleep(for: .seconds(3600)) }
}

let spreadsheetID = "1RedSolucionesBench_0123456789abcdefXYZ"
let email = "bench@red-soluciones-test.iam.gserviceaccount.com"

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func makeBot(_ emulator: GoogleEmulator, clients: TabData, requestsPerMinute: Int) async throws -> BotRuntime {
    let directory = NSTemporaryDirectory() + "redsol-sheets-bench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try ServiceAccountFile.create(for: emulator, email: email, at: directory + "/key.json")
    let id = spreadsheetID + String(Int.random(in: 0..<1_000_000))
    var tabs = SampleWorkbook.all
    tabs[.clients] = clients
    emulator.createSpreadsheet(id: id, title: "Bench", sharedWith: [email],
                               tabs: Tab.allCases.map { (title: $0.title, rows: [tabs[$0]!.header] + tabs[$0]!.rows) })
    let root = FileManager.default.currentDirectoryPath
    let config = try await BotConfig.load(environment: [
        "DATA_DIR": directory, "LOG_DIR": directory, "MESSAGING_DIR": root + "/messaging",
        "GOOGLE_SHEETS_ID": id, "GOOGLE_APPLICATION_CREDENTIALS": directory + "/key.json",
        "SHEETS_API_BASE": emulator.baseURL, "SHEETS_REQUESTS_PER_MINUTE": String(requestsPerMinute),
    ], dotEnvPath: directory + "/.env")
    return try await BotRuntime.build(config: config)
}

func kinds(_ emulator: GoogleEmulator) -> String {
    Dictionary(grouping: emulator.requests, by: \.kind).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", ")
}

let emulator = GoogleEmulator()
try await emulator.start()

// 1. Calls per 1,000 messages: 200 customers in conversations of mixed intents, the outbox writer
//    and the 60-second refresh running as in production.
do {
    let bot = try await makeBot(emulator, clients: SampleWorkbook.clients, requestsPerMinute: 60)
    emulator.resetRecording()
    let background = bot.startBackgroundWork()
    let scripts = [["hola", "quiero contratar", "en el centro", "el de 50", "Ana Pérez", "sí"],
                   ["cuanto cuesta el internet?", "llegan a la loma?", "no gracias"],
                   ["no tengo internet desde ayer, ya reinicie el modem"], ["gracias"]]
    var sent = 0
    var user = 0
    let started = Date()
    while sent < 1000 {
        user += 1
        for (n, text) in scripts[user % scripts.count].enumerated() where sent < 1000 {
            let chat = ChatRef(.whatsapp, "52144400\(String(format: "%05d", user))")
            _ = try await bot.processor.process(InboundMessage(id: "b\(user)-\(n)", chat: chat, content: .text(text),
                                                               verifiedPhone: chat.chatID))
            sent += 1
        }
    }
    _ = await bot.outbox.drain(deadline: Date().addingTimeInterval(120))
    background.cancel()
    let reads = emulator.requests.filter { $0.method == "GET" && $0.kind != "token" }.count
    let writes = emulator.requests.filter { $0.method != "GET" && $0.kind != "token" }.count
    print(String(format: "1,000 messages (200 customers, %.1f s): %d Sheets reads, %d writes (%@)",
                 Date().timeIntervalSince(started), reads, writes, kinds(emulator)))
}

// 2. 1,000 sign-ups queued at once (Google down, then back): how many calls, how long.
do {
    let bot = try await makeBot(emulator, clients: SampleWorkbook.clients, requestsPerMinute: 60)
    await emulator.stop()
    for n in 0..<1000 {
        let chat = ChatRef(.whatsapp, "52144410\(String(format: "%05d", n))")
        for (i, text) in ["quiero el de 20 en el sur", "Cliente \(n)", "sí"].enumerated() {
            _ = try await bot.processor.process(InboundMessage(id: "s\(n)-\(i)", chat: chat, content: .text(text),
                                                               verifiedPhone: chat.chatID))
        }
    }
    try await emulator.start()
    emulator.resetRecording()
    let started = Date()
    _ = await bot.outbox.drain(deadline: Date().addingTimeInterval(600))
    let elapsed = Date().timeIntervalSince(started)
    let appends = emulator.requests.filter { $0.kind == "values.append" }.count
    let backlog = try await bot.store.outboxBacklog().count
    print(String(format: "1,000 sign-ups queued at once: delivered in %.2f s with %d append calls (%d Sheets calls in all: %@), %d left",
                 elapsed, appends, emulator.requests.count, kinds(emulator), backlog))
}

// 3. A spreadsheet of 10,000 clients: one refresh, CPU and memory.
do {
    let base = SampleWorkbook.clients
    var rows: [[String]] = []
    for i in 0..<10_000 {
        var row = base.rows[i % base.rows.count]
        row[0] = String(format: "C-%05d", i + 1)
        row[4] = String(800_000_000 + i)
        rows.append(row)
    }
    let bot = try await makeBot(emulator, clients: TabData(header: base.header, rows: rows), requestsPerMinute: 600)
    let before = Benchmark.residentMegabytes()
    var wall: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<5 {
        let (t0, c0) = (Date(), cpuSeconds())
        try await bot.refreshCache()
        wall.append(Date().timeIntervalSince(t0))
        cpu.append(cpuSeconds() - c0)
    }
    let clients = await bot.cache.snapshot().clients.count
    print(String(format: "refresh of %d clients: wall %.0f ms (best %.0f), CPU %.0f ms incl. the emulator in this process (best %.0f); resident %.0f MB (%.0f MB before the refreshes)",
                 clients, wall.reduce(0, +) / Double(wall.count) * 1000, wall.min()! * 1000,
                 cpu.reduce(0, +) / Double(cpu.count) * 1000, cpu.min()! * 1000, Benchmark.residentMegabytes(), before))
}
await emulator.stop()

// 4. Gemini: turns with understanding and phrasing by an emulator that answers at once, against
//    the same turns with the offline rules. The difference is the bot's own cost per Gemini turn
//    (request building, JSON, checks) plus loopback HTTP and the emulator's own handling.
do {
    let gemini = GeminiEmulator()
    try await gemini.start()
    gemini.setDefaultAnswer(.json(#"{"intent":"plans_prices","slots":{"plan_mbps":50},"language":"es"}"#))
    gemini.when("BORRADOR:", answer: .text("Claro, el plan de 50 Mbps cuesta $450 al mes."))
    func turns(_ environment: [String: String]) async throws -> [Double] {
        let directory = NSTemporaryDirectory() + "redsol-gemini-bench-\(UUID().uuidString)"
        let config = try await BotConfig.load(environment: environment.merging([
            "DATA_DIR": directory, "LOG_DIR": directory, "MESSAGING_DIR": FileManager.default.currentDirectoryPath + "/messaging",
        ]) { $1 }, dotEnvPath: directory + "/.env")
        let bot = try await BotRuntime.build(config: config)
        var latencies: [Double] = []
        for n in 0..<500 {
            let chat = ChatRef(.telegram, String(800_000 + n % 50))
            let started = ContinuousClock.now
            _ = try await bot.processor.process(InboundMessage(id: "g\(n)", chat: chat, content: .text("oigan y el de cincuenta en cuanto me sale al mes")))
            let elapsed = ContinuousClock.now - started
            latencies.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        return latencies.sorted()
    }
    let offline = try await turns([:])
    let withGemini = try await turns(["GEMINI_API_KEY": gemini.apiKey, "GEMINI_API_BASE": gemini.baseURL])
    func p(_ values: [Double], _ q: Double) -> Double { values[min(values.count - 1, Int(Double(values.count) * q))] }
    print(String(format: "turns with Gemini (understanding + phrasing, instant emulator): p50 %.2f ms, p99 %.2f ms; offline rules: p50 %.2f ms, p99 %.2f ms; %d model calls",
                 p(withGemini, 0.5), p(withGemini, 0.99), p(offline, 0.5), p(offline, 0.99), gemini.requests.count))
    await gemini.stop()
}
