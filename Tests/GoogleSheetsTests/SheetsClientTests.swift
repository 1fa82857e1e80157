import AgentCore
import Emulators
import Foundation
import Synchronization
import Testing
@testable import GoogleSheets

/// The client against the emulator: real HTTP, real token exchange, Google's JSON shapes.
@Suite struct SheetsClientTests {
    @Test func readsTheSpreadsheetAndToleratesEmptyAndRaggedRanges() async throws {
        let fixture = try await SheetsFixture.start(tabs: [
            (title: "Clientes", rows: [["ID", "Nombre", "Notas"], ["C-1", "Ana"], [], ["C-2", "", "x"]]),
            (title: "Vacía", rows: []),
        ])
        let client = try fixture.client()
        let info = try await client.spreadsheet()
        #expect(info.title == "Red Soluciones — Back office")
        #expect(info.tabs == ["Clientes", "Vacía"])
        let values = try await client.batchGet([A1.range("Clientes"), A1.range("Vacía")])
        #expect(values[0] == [["ID", "Nombre", "Notas"], ["C-1", "Ana"], [], ["C-2", "", "x"]])
        #expect(values[1].isEmpty)
    }

    @Test func appendsAreRawSoFormulasStayText() async throws {
        let fixture = try await SheetsFixture.start(tabs: [(title: "Jon's Señal", rows: [["ID", "Nombre"]])])
        let client = try fixture.client()
        let row = try await client.append(A1.range("Jon's Señal", "A1"), rows: [["C-9", "=IMPORTXML(\"http://x\",\"//a\")"]])
        #expect(row == 2)
        #expect(fixture.emulator.values(spreadsheetID: fixture.spreadsheetID, tab: "Jon's Señal")[1] == ["C-9", "=IMPORTXML(\"http://x\",\"//a\")"])
        let append = try #require(fixture.emulator.requests.last { $0.kind == "values.append" })
        #expect(append.path.contains("valueInputOption=RAW") && append.path.contains("insertDataOption=INSERT_ROWS"))
        #expect(append.path.contains("%27Jon%27%27s%20Se%C3%B1al%27%21A1:append"))
    }

    @Test func aTooManyRequestsAnswerIsRetriedAndLandsOnce() async throws {
        let fixture = try await SheetsFixture.start()
        let client = try fixture.client()
        fixture.emulator.inject(.tooManyRequests, times: 2)
        try await client.append(A1.range("Prospectos", "A1"), rows: [["P-0001"]])
        #expect(fixture.rows("Prospectos").map { $0["ID"] } == ["P-0001"])
        #expect(fixture.emulator.requests.filter { $0.kind == "values.append" }.map(\.status) == [429, 429, 200])
    }

    @Test func aServerErrorIsNotRetriedForAnAppend() async throws {
        let fixture = try await SheetsFixture.start()
        let client = try fixture.client()
        fixture.emulator.inject(.unavailable)
        await #expect(throws: SheetsError.self) { try await client.append(A1.range("Prospectos", "A1"), rows: [["P-0001"]]) }
        #expect(fixture.emulator.requests.filter { $0.kind == "values.append" }.count == 1, "the outbox decides, after checking")
        fixture.emulator.inject(.unavailable)
        let read = try await client.batchGet([A1.range("Planes")])
        #expect(read[0].count == 4, "reads are retried")
    }

    @Test func errorsAreDecodedFromGoogleBodies() async throws {
        let fixture = try await SheetsFixture.start()
        let notShared = SheetsClient(baseURL: URL(string: fixture.emulator.baseURL)!, spreadsheetID: "1NotSharedSheet0000000000000",
                                     tokens: TokenProvider(key: try ServiceAccountKey.load(path: fixture.keyPath)))
        fixture.emulator.createSpreadsheet(id: "1NotSharedSheet0000000000000", title: "Otro", sharedWith: [], tabs: [])
        do {
            _ = try await notShared.spreadsheet()
            Issue.record("expected 403")
        } catch let error as SheetsError {
            guard case .api(403, "PERMISSION_DENIED", _) = error else { Issue.record("got \(error)"); return }
            #expect(error.description.contains("share the spreadsheet with the service account"))
        }
    }
}

/// Tokens: reused until close to expiry, one exchange for many callers, clear refusals.
@Suite struct TokenTests {
    @Test func aTokenIsReusedUntilNearExpiry() async throws {
        let fixture = try await SheetsFixture.start(tokenLifetimeSeconds: 40)
        // The provider's clock runs ahead on demand, so a slow machine cannot make it stale early.
        let ahead = Mutex<TimeInterval>(0)
        let tokens = TokenProvider(key: try ServiceAccountKey.load(path: fixture.keyPath),
                                   now: { Date().addingTimeInterval(ahead.withLock { $0 }) })
        let first = try await tokens.token()
        ahead.withLock { $0 = 10 }
        #expect(try await tokens.token() == first)
        #expect(await tokens.exchanges == 1)
        ahead.withLock { $0 = 35 }  // past 3/4 of a 40-second life
        #expect(try await tokens.token() != first)
        #expect(await tokens.exchanges == 2)
    }

    @Test func fiftyConcurrentRequestsShareOneTokenExchange() async throws {
        let fixture = try await SheetsFixture.start()
        let client = try fixture.client()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 { group.addTask { _ = try await client.batchGet([A1.range("Planes")]) } }
            try await group.waitForAll()
        }
        #expect(fixture.emulator.requests.filter { $0.kind == "token" }.count == 1)
        #expect(fixture.emulator.requests.filter { $0.kind == "values.batchGet" }.count == 50)
    }

    @Test func aRevokedKeyIsAPlainErrorWithoutSecrets() async throws {
        let fixture = try await SheetsFixture.start()
        fixture.emulator.revokeServiceAccount(email: fixture.email)
        let client = try fixture.client()
        do {
            _ = try await client.spreadsheet()
            Issue.record("expected a refusal")
        } catch {
            let text = "\(error)"
            #expect(text.contains("invalid_grant") && text.contains("no longer exists"))
            #expect(!text.contains("BEGIN") && !text.contains("eyJ"), "neither the key nor the assertion")
        }
    }
}
