import Foundation
import NIOCore

/// A request as the emulator sees it (raw path, query and body).
struct IncomingRequest: Sendable {
    var method: String
    /// Path and query as received, percent-encoded.
    var target: String
    var path: String
    var query: String?
    var authorization: String?
    var contentType: String?
    var body: [UInt8]

    init(method: String, target: String, authorization: String?, contentType: String?, body: [UInt8]) {
        self.method = method
        self.target = target
        if let q = target.firstIndex(of: "?") {
            path = String(target[..<q])
            query = String(target[target.index(after: q)...])
        } else {
            path = target
            query = nil
        }
        if let hash = query?.firstIndex(of: "#") { query = String(query![..<hash]) }
        self.authorization = authorization
        self.contentType = contentType
        self.body = body
    }
}

/// Everything the emulator knows, kept behind one lock.
struct EmulatorState: Sendable {
    var tokenLifetimeSeconds: Int
    /// The port listened on: the token endpoint accepts its own URL as audience.
    var port = 0

    /// Keyed by lowercased email.
    var accounts: [String: ServiceAccount] = [:]
    var tokens: [String: IssuedToken] = [:]
    var spreadsheets: [String: Spreadsheet] = [:]

    /// Queued Sheets faults; `call` nil hits whatever request comes next.
    var sheetsFaults: [(fault: GoogleEmulator.Fault, call: String?)] = []
    var tokenFaults: [GoogleEmulator.Fault] = []
    var quota = QuotaCounter()

    var log: [(id: Int, request: GoogleEmulator.RecordedRequest)] = []
    var nextRequestID = 0

    init(tokenLifetimeSeconds: Int) {
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
    }

    mutating func record(_ request: IncomingRequest, kind: String) -> Int {
        nextRequestID += 1
        log.append((nextRequestID, GoogleEmulator.RecordedRequest(
            method: request.method, kind: kind, path: request.target, status: 0,
            body: String(decoding: request.body, as: UTF8.self))))
        return nextRequestID
    }

    mutating func finish(_ id: Int, status: Int) {
        if let i = log.lastIndex(where: { $0.id == id }) { log[i].request.status = status }
    }

    mutating func nextFault(token: Bool, call: String) -> GoogleEmulator.Fault? {
        if token {
            return tokenFaults.isEmpty ? nil : tokenFaults.removeFirst()
        }
        guard let i = sheetsFaults.firstIndex(where: { $0.call == nil || $0.call == call }) else { return nil }
        return sheetsFaults.remove(at: i).fault
    }

    /// The Bearer token of a Sheets request, if it is one the token endpoint issued and it is still good.
    func authenticate(_ request: IncomingRequest, clock: ContinuousClock.Instant) throws(APIError) -> IssuedToken {
        guard let header = request.authorization, header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw .unauthenticated
        }
        let text = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard let token = tokens[text], clock < token.expiresAt,
            let account = accounts[token.email.lowercased()], !account.revoked
        else { throw .unauthenticated }
        return token
    }
}
