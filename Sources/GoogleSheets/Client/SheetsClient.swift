import AsyncHTTPClient
import Foundation
import JSONAPI
import Logging
import Metrics
import NIOCore
import NIOHTTP1

/// A thin Sheets v4 client for one spreadsheet: the calls the bot makes, paced under the
/// quota, each with a timeout, 429 and 5xx retried with exponential backoff and jitter —
/// except that a write is never repeated after an answer that may mean it was applied
/// (the outbox decides that, after checking whether the row landed).
public struct SheetsClient: Sendable {
    public struct Options: Sendable {
        public var timeout: TimeAmount = .seconds(20)
        public var maxAttempts = 4
        /// First backoff step in seconds (doubled each attempt, ±20 % jitter, at most 32 s).
        public var backoff: Double = 1
        public var requestsPerMinute = 60

        public init() {}
    }

    let baseURL: String
    public let spreadsheetID: String
    public let tokens: TokenProvider
    let exchange: JSONExchange
    let options: Options
    let logger: Logger
    let pacer: RequestPacer

    public init(baseURL: URL, spreadsheetID: String, tokens: TokenProvider, http: HTTPClient = .shared,
                options: Options = Options(), logger: Logger = Logger(label: "google.sheets")) {
        self.baseURL = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        self.spreadsheetID = spreadsheetID
        self.tokens = tokens
        self.exchange = JSONExchange(http: http)
        self.options = options
        self.logger = logger
        self.pacer = RequestPacer(perMinute: options.requestsPerMinute)
    }

    private var root: String { "\(baseURL)/v4/spreadsheets/\(A1.encode(spreadsheetID))" }

    // MARK: The calls

    public func spreadsheet() async throws -> SpreadsheetInfo {
        let response: SpreadsheetResponse = try await send(
            "spreadsheets.get", .GET, root + "?fields=" + A1.encode("spreadsheetId,properties.title,sheets.properties"),
            kind: .read, idempotent: true)
        return SpreadsheetInfo(title: response.properties?.title ?? "", tabs: (response.sheets ?? []).map(\.properties.title))
    }

    /// The rows of each range, in the order asked; an empty range gives [].
    public func batchGet(_ ranges: [String]) async throws -> [[[String]]] {
        let query = ranges.map { "ranges=" + A1.encode($0) }.joined(separator: "&")
        let response: BatchGetResponse = try await send(
            "values.batchGet", .GET, root + "/values:batchGet?" + query + "&majorDimension=ROWS&valueRenderOption=FORMATTED_VALUE",
            kind: .read, idempotent: true)
        let found = response.valueRanges ?? []
        guard found.count == ranges.count else {
            throw SheetsError.unexpectedResponse("asked for \(ranges.count) ranges, got \(found.count)")
        }
        return found.map { ($0.values ?? []).map { $0.map(\.text) } }
    }

    /// Appends rows after the table in `range`, stored exactly as sent (RAW). Returns the
    /// first row number written.
    @discardableResult
    public func append(_ range: String, rows: [[String]]) async throws -> Int? {
        let body = ValueRange(range: range, majorDimension: "ROWS", values: rows.map { $0.map(CellValue.init) })
        let response: AppendResponse = try await send(
            "values.append", .POST,
            root + "/values/" + A1.encode(range) + ":append?valueInputOption=RAW&insertDataOption=INSERT_ROWS",
            body: body, kind: .write, idempotent: false)
        return response.updates?.updatedRange.flatMap(A1.firstRow(of:))
    }

    /// Writes cells at fixed positions (RAW). Repeating it writes the same values: idempotent.
    public func batchUpdate(_ data: [(range: String, rows: [[String]])]) async throws {
        struct Body: Encodable, Sendable {
            var valueInputOption = "RAW"
            var data: [ValueRange]
        }
        let body = Body(data: data.map {
            ValueRange(range: $0.range, majorDimension: "ROWS", values: $0.rows.map { $0.map(CellValue.init) })
        })
        let _: EmptyResponse = try await send("values.batchUpdate", .POST, root + "/values:batchUpdate", body: body,
                                              kind: .write, idempotent: true)
    }

    public func addSheets(_ titles: [String]) async throws {
        struct Body: Encodable, Sendable {
            struct Request: Encodable, Sendable {
                struct AddSheet: Encodable, Sendable { struct Properties: Encodable, Sendable { var title: String }; var properties: Properties }
                var addSheet: AddSheet
            }
            var requests: [Request]
        }
        let body = Body(requests: titles.map { .init(addSheet: .init(properties: .init(title: $0))) })
        let _: EmptyResponse = try await send("spreadsheets.batchUpdate", .POST, root + ":batchUpdate", body: body,
                                              kind: .write, idempotent: false)
    }

    // MARK: Sending

    private struct EmptyResponse: Decodable {}

    private func send<T: Decodable>(_ name: String, _ method: HTTPMethod, _ url: String, body: (any Encodable & Sendable)? = nil,
                                    kind: RequestPacer.Kind, idempotent: Bool) async throws -> T {
        var attempt = 0
        var refreshedToken = false
        while true {
            attempt += 1
            await pacer.acquire(kind)
            let token: String
            do {
                token = try await tokens.token()
            } catch let error as AuthError {
                throw SheetsError.auth(error)
            }
            let failure: SheetsError
            do {
                let response = try await exchange.send(method, url, headers: [("Authorization", "Bearer \(token)")], json: body,
                                                       timeout: options.timeout, limit: 64 << 20)
                Self.count(name, status: response.status)
                if response.isSuccess {
                    guard let decoded = response.decode(T.self) else { throw SheetsError.unexpectedResponse("\(name): not the documented shape") }
                    return decoded
                }
                let decoded = response.decode(GoogleErrorBody.self)
                failure = .api(status: response.status, reason: decoded?.error.status ?? "HTTP \(response.status)",
                               message: decoded?.error.message ?? String(decoding: response.body.prefix(200), as: UTF8.self))
                if response.status == 401, !refreshedToken {
                    // The token expired or was revoked early: one new token, then try again.
                    refreshedToken = true
                    await tokens.invalidate()
                    attempt -= 1
                    continue
                }
            } catch let error as SheetsError {
                throw error
            } catch let error as TransportFailure {
                Self.count(name, status: 0)
                failure = .unreachable(call: name, error)
            }
            // Reads are sent again after any failure to answer; a write only when it never left
            // (connection refused or not made), since any later failure may mean it was applied.
            let transport = failure.transportFailure
            let retryable = failure.isRateLimited || (idempotent && (failure.isServerSide || transport != nil))
                || (!idempotent && transport?.neverSent == true)
            guard retryable, attempt < options.maxAttempts else { throw failure }
            let delay = min(32, options.backoff * pow(2, Double(attempt - 1))) * Double.random(in: 0.8...1.2)
            logger.warning("sheets call failed; retrying", metadata: [
                "call": "\(name)", "attempt": "\(attempt)", "retry_in_s": "\(String(format: "%.2f", delay))", "error": "\(failure)",
            ])
            try await Task.sleep(for: .seconds(delay))
        }
    }
}

extension SheetsClient {
    /// Sheets calls by method and HTTP status, in /metrics (`bot_sheets_calls_total`).
    static func count(_ name: String, status: Int) {
        Counter(label: "bot_sheets_calls_total", dimensions: [("call", name), ("status", String(status))]).increment()
    }
}
