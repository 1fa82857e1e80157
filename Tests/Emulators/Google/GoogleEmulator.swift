import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import _CryptoExtras

/// A loopback emulator of Google's OAuth token endpoint (service-account JWT bearer grant) and of the
/// Google Sheets API v4, for tests. Start it, write `tokenURL` as `token_uri` in a test key file and use
/// `baseURL` as the Sheets API base.
public final class GoogleEmulator: Sendable {
    public enum Fault: Sendable, Equatable {
        /// 429 RESOURCE_EXHAUSTED with Google's quota body.
        case tooManyRequests
        /// 503 UNAVAILABLE.
        case unavailable
        /// 500 INTERNAL.
        case internalError
        /// Answer normally after a delay.
        case slow(seconds: Double)
        /// Apply the request (e.g. a write), then wait before answering: the client may time out although
        /// the server applied it.
        case applyThenStall(seconds: Double)
        /// The token endpoint answers 503 (this is the only fault that applies to token requests).
        case tokenUnavailable
    }

    public struct RecordedRequest: Sendable, Equatable {
        /// "GET", "POST".
        public var method: String
        /// "token", "spreadsheets.get", "values.get", "values.batchGet", "values.append", "values.batchUpdate",
        /// "spreadsheets.batchUpdate" ("unknown" for anything else).
        public var kind: String
        /// The raw path with query, percent-encoded as received.
        public var path: String
        /// The HTTP status answered (0 while the request is still being answered).
        public var status: Int
        /// The request body as received.
        public var body: String

        public init(method: String, kind: String, path: String, status: Int, body: String) {
            self.method = method
            self.kind = kind
            self.path = path
            self.status = status
            self.body = body
        }
    }

    private let state: Mutex<EmulatorState>
    private let host = LoopbackHost(emulator: "Google")

    public init(tokenLifetimeSeconds: Int = 3599) {
        state = Mutex(EmulatorState(tokenLifetimeSeconds: tokenLifetimeSeconds))
    }

    deinit {
        host.stopInBackground()
    }

    // MARK: Server

    /// Listens on 127.0.0.1: any free port the first time, the same port after `stop()`.
    public func start() async throws {
        try await host.start(cuttingConnections: true, serverName: "ESF") { [weak self] request in
            guard let self else { return Response(status: .serviceUnavailable) }
            return await self.respond(to: request)
        }
        let port = host.port
        state.withLock { $0.port = port }
    }

    /// Stops listening: new connections are refused and open (keep-alive) connections are closed, as when
    /// Google is unreachable.
    public func stop() async {
        await host.stop()
    }

    public var port: Int { host.port }
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var tokenURL: String { baseURL + "/token" }

    // MARK: Accounts

    /// Registers (or re-keys) a service account. `publicKeyPEM` is the account's public key (a private key
    /// PEM is also accepted and its public half used).
    public func registerServiceAccount(email: String, keyID: String, publicKeyPEM: String) {
        let key: _RSA.Signing.PublicKey
        if let pub = try? _RSA.Signing.PublicKey(pemRepresentation: publicKeyPEM) {
            key = pub
        } else if let priv = try? _RSA.Signing.PrivateKey(pemRepresentation: publicKeyPEM) {
            key = priv.publicKey
        } else {
            preconditionFailure("GoogleEmulator.registerServiceAccount: not an RSA key PEM")
        }
        state.withLock {
            $0.accounts[email.lowercased()] = ServiceAccount(email: email, keyID: keyID, publicKey: key)
        }
    }

    /// The account is deleted: token requests get 400 invalid_grant "Invalid grant: account not found"
    /// and the tokens already issued to it stop working (401).
    public func revokeServiceAccount(email: String) {
        state.withLock { $0.accounts[email.lowercased()]?.revoked = true }
    }

    /// Every access token issued so far stops working (401), e.g. to test the client's refresh on 401.
    public func invalidateAccessTokens() {
        state.withLock { $0.tokens.removeAll() }
    }

    // MARK: Spreadsheets

    /// Creates (or replaces) a spreadsheet. Cells are stored as text exactly as given ("" is an empty cell).
    /// Each tab gets the default grid of 1000 rows × 26 columns (larger if the rows need it).
    public func createSpreadsheet(id: String, title: String, sharedWith emails: [String],
                                  tabs: [(title: String, rows: [[String]])]) {
        var book = Spreadsheet(id: id, title: title, sharedWith: Set(emails.map { $0.lowercased() }), sheets: [],
                               generator: SheetIDGenerator(seed: UInt64(truncatingIfNeeded: id.hashValueStable)))
        for (i, tab) in tabs.enumerated() {
            let sheetID = i == 0 ? 0 : book.nextSheetID()
            var sheet = Sheet(sheetID: sheetID, title: tab.title, rowCount: max(1000, tab.rows.count),
                              columnCount: max(26, tab.rows.map(\.count).max() ?? 0))
            Self.fill(&sheet, with: tab.rows, userEntered: false)
            book.sheets.append(sheet)
        }
        state.withLock { $0.spreadsheets[id] = book }
    }

    /// Who the spreadsheet is shared with (service-account emails); others get 403.
    public func setSharedWith(spreadsheetID: String, emails: [String]) {
        state.withLock { $0.spreadsheets[spreadsheetID]?.sharedWith = Set(emails.map { $0.lowercased() }) }
    }

    /// What the tab holds now, as displayed (FORMATTED_VALUE), trailing empty cells and rows trimmed.
    /// Formulas show as their text (`=1+1`); use `cells` to tell a formula from text.
    public func values(spreadsheetID: String, tab: String) -> [[String]] {
        state.withLock { state in
            guard let book = state.spreadsheets[spreadsheetID], let i = book.sheetIndex(title: tab) else { return [] }
            return book.sheets[i].formattedValues()
        }
    }

    /// The stored cells (nil = empty), trailing empties trimmed: `.formula("=1+1")` vs `.text("=1+1")`.
    public func cells(spreadsheetID: String, tab: String) -> [[CellValue?]] {
        state.withLock { state in
            guard let book = state.spreadsheets[spreadsheetID], let i = book.sheetIndex(title: tab) else { return [] }
            var sheet = book.sheets[i]
            sheet.normalise()
            return sheet.grid
        }
    }

    /// Staff editing the sheet by hand: replaces the tab's contents (creates the tab if missing).
    /// Values are stored as text exactly, or parsed as typed in the UI when `userEntered` is true.
    public func setValues(spreadsheetID: String, tab: String, rows: [[String]], userEntered: Bool = false) {
        state.withLock { state in
            guard var book = state.spreadsheets[spreadsheetID] else { return }
            if book.sheetIndex(title: tab) == nil {
                let sheetID = book.sheets.isEmpty ? 0 : book.nextSheetID()
                book.sheets.append(Sheet(sheetID: sheetID, title: tab, rowCount: 1000, columnCount: 26))
            }
            let i = book.sheetIndex(title: tab)!
            book.sheets[i].grid = []
            book.sheets[i].rowCount = max(book.sheets[i].rowCount, rows.count)
            book.sheets[i].columnCount = max(book.sheets[i].columnCount, rows.map(\.count).max() ?? 0)
            Self.fill(&book.sheets[i], with: rows, userEntered: userEntered)
            state.spreadsheets[spreadsheetID] = book
        }
    }

    public func tabTitles(spreadsheetID: String) -> [String] {
        state.withLock { $0.spreadsheets[spreadsheetID]?.sheets.map(\.title) ?? [] }
    }

    private static func fill(_ sheet: inout Sheet, with rows: [[String]], userEntered: Bool) {
        for (r, row) in rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                sheet.set(row: r, column: c, userEntered ? CellInput.userEntered(text) : .text(text))
            }
        }
        sheet.normalise()
    }

    // MARK: Faults, quota, recording

    /// The next `times` Sheets API requests get `fault` (`.tokenUnavailable`: the next `times` token
    /// requests); with `call` ("values.append"), only requests of that kind. Faults queue up in
    /// the order injected.
    public func inject(_ fault: Fault, times: Int = 1, call: String? = nil) {
        guard times > 0 else { return }
        state.withLock { state in
            if fault == .tokenUnavailable {
                state.tokenFaults += Array(repeating: fault, count: times)
            } else {
                state.sheetsFaults += Array(repeating: (fault, call), count: times)
            }
        }
    }

    /// Per rolling minute; nil = unlimited (the default). Over quota → 429 RESOURCE_EXHAUSTED.
    public func setQuota(readsPerMinute: Int?, writesPerMinute: Int?) {
        state.withLock {
            $0.quota.readsPerMinute = readsPerMinute
            $0.quota.writesPerMinute = writesPerMinute
            $0.quota.reads.removeAll()
            $0.quota.writes.removeAll()
        }
    }

    /// Every request, in the order they arrived.
    public var requests: [RecordedRequest] {
        state.withLock { $0.log.map(\.request) }
    }

    public func resetRecording() {
        state.withLock { $0.log.removeAll() }
    }

    // MARK: Answering

    private func respond(to request: Request) async -> Response {
        var request = request
        let body = (try? await request.collectBody(upTo: 10_000_000)).map { Array($0.readableBytesView) } ?? []
        let incoming = IncomingRequest(
            method: request.method.rawValue,
            target: request.head.path ?? "/",
            authorization: request.headers[.authorization],
            contentType: request.headers[.contentType],
            body: body
        )
        let answer = await process(incoming)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=UTF-8"
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(
            status: .init(code: answer.status),
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: answer.body))
        )
    }

    func process(_ request: IncomingRequest) async -> HTTPAnswer {
        let isToken = request.path == "/token"
        let isSheets = request.path.hasPrefix("/v4/")
        let route = isSheets ? SheetsRoute(method: request.method, path: request.path) : nil
        let kind = isToken ? "token" : (route?.kind ?? "unknown")
        let (id, fault) = state.withLock { state in
            (state.record(request, kind: kind), (isToken || isSheets) ? state.nextFault(token: isToken, call: kind) : nil)
        }
        let answer: HTTPAnswer
        switch fault {
        case .tokenUnavailable?: answer = OAuthError.unavailable.answer
        case .tooManyRequests?: answer = APIError.quotaExceeded(write: route?.isWrite ?? (request.method != "GET"), limit: 60).answer
        case .unavailable?: answer = APIError.unavailable.answer
        case .internalError?: answer = APIError.internalError.answer
        case .slow(let seconds)?:
            try? await Task.sleep(for: .seconds(seconds))
            answer = handle(request, isToken: isToken, route: route)
        case .applyThenStall(let seconds)?:
            answer = handle(request, isToken: isToken, route: route)
            try? await Task.sleep(for: .seconds(seconds))
        case nil:
            answer = handle(request, isToken: isToken, route: route)
        }
        state.withLock { $0.finish(id, status: answer.status) }
        return answer
    }

    private func handle(_ request: IncomingRequest, isToken: Bool, route: SheetsRoute?) -> HTTPAnswer {
        let now = Date()
        let clock = ContinuousClock.now
        return state.withLock { state in
            if isToken { return state.handleToken(request, now: now, clock: clock) }
            if request.path.hasPrefix("/v4/") { return state.handleSheets(request, route: route, clock: clock) }
            return APIError(code: 404, message: "The requested URL \(request.path) was not found on this server.",
                            status: "NOT_FOUND").answer
        }
    }
}

extension String {
    /// FNV-1a: a hash that is the same from run to run (sheet ids stay stable across test runs).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
