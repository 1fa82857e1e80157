import AsyncHTTPClient
import Emulators
import Fixtures
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The Gemini API emulator, spoken to over HTTP as the bot would.
@Suite struct GeminiEmulatorTests {
    struct Reply: @unchecked Sendable {
        var status: Int
        var body: [String: Any]

        var error: [String: Any] { body["error"] as? [String: Any] ?? [:] }
        var errorMessage: String { error["message"] as? String ?? "" }
        var errorStatus: String? { error["status"] as? String }
        var candidates: [[String: Any]]? { body["candidates"] as? [[String: Any]] }
        var firstCandidate: [String: Any] { candidates?.first ?? [:] }
        var content: [String: Any] { firstCandidate["content"] as? [String: Any] ?? [:] }
        var parts: [[String: Any]] { content["parts"] as? [[String: Any]] ?? [] }
        var text: String? { parts.first?["text"] as? String }
        var finishReason: String? { firstCandidate["finishReason"] as? String }
        var usage: [String: Any] { body["usageMetadata"] as? [String: Any] ?? [:] }
    }

    static func fixture(_ name: String) throws -> [String: Any] {
        try Fixtures.object(name)
    }

    static func int(_ value: Any?) -> Int? { (value as? NSNumber)?.intValue }

    enum Key {
        case header(String)
        case query(String)
        case none
    }

    /// A request as the bot sends it: `x-goog-api-key` header, JSON body.
    static func send(
        _ emulator: GeminiEmulator, method: HTTPMethod = .POST, path: String, key: Key? = nil, json: Any? = nil, raw: String? = nil,
        timeout: Int64 = 15
    ) async throws -> Reply {
        let key = key ?? .header(emulator.apiKey)
        var url = emulator.baseURL + path
        if case .query(let value) = key { url += (url.contains("?") ? "&" : "?") + "key=" + value }
        var headers: [(String, String)] = []
        if case .header(let value) = key { headers.append(("x-goog-api-key", value)) }
        let bytes = try json.map(HTTP.json) ?? raw.map { Array($0.utf8) }
        let result = try await HTTP.send(method.rawValue, url, headers: headers, contentType: bytes == nil ? nil : "application/json",
                                         bytes: bytes, timeout: .seconds(timeout))
        return Reply(status: result.status, body: result.objectOrEmpty)
    }

    static func generate(
        _ emulator: GeminiEmulator, model: String = "gemini-3.5-flash", key: Key? = nil, _ body: Any, timeout: Int64 = 15
    ) async throws -> Reply {
        try await send(emulator, path: "/v1beta/models/\(model):generateContent", key: key, json: body, timeout: timeout)
    }

    static func userText(_ text: String) -> [String: Any] {
        ["contents": [["role": "user", "parts": [["text": text]]]]]
    }

    static func started(_ emulator: GeminiEmulator = GeminiEmulator()) async throws -> GeminiEmulator {
        try await emulator.start()
        return emulator
    }

    // MARK: - Auth and models

    @Test func missingKeyWrongKeyAndRetiredModelGetTheRealErrors() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        let body = Self.userText("hola")

        let noKey = try await Self.generate(emulator, key: Key.none, body)
        #expect(noKey.status == 403)
        #expect(HTTP.sameJSON(noKey.body, try Self.fixture("gemini_error_403_permission.json")))

        let wrongKey = try await Self.generate(emulator, key: .header("AIzaWrongKey"), body)
        #expect(wrongKey.status == 400)
        #expect(HTTP.sameJSON(wrongKey.body, try Self.fixture("gemini_error_400_api_key.json")))
        let wrongQueryKey = try await Self.generate(emulator, key: .query("AIzaWrongKey"), body)
        #expect(wrongQueryKey.status == 400 && wrongQueryKey.errorStatus == "INVALID_ARGUMENT")

        let retired = try await Self.generate(emulator, model: "gemini-2.0-flash", body)
        #expect(retired.status == 404)
        #expect(HTTP.sameJSON(retired.body, try Self.fixture("gemini_error_404_model.json")))

        let unknown = try await Self.generate(emulator, model: "gemini-9-ultra", body)
        #expect(unknown.status == 404 && unknown.errorStatus == "NOT_FOUND")
        #expect(unknown.errorMessage.hasPrefix("models/gemini-9-ultra is not found for API version v1beta"))
        #expect(unknown.errorMessage.contains("Call ListModels"))

        // The key is checked before the model: no key on a retired model is still 403.
        let noKeyRetired = try await Self.generate(emulator, model: "gemini-2.0-flash", key: Key.none, body)
        #expect(noKeyRetired.status == 403)

        #expect(emulator.requests.map(\.status) == [403, 400, 400, 404, 404, 403])
        #expect(emulator.requests.map(\.model) == ["gemini-3.5-flash", "gemini-3.5-flash", "gemini-3.5-flash", "gemini-2.0-flash",
                                                     "gemini-9-ultra", "gemini-2.0-flash"])
        #expect(emulator.totalTokens == 0)
    }

    @Test func theKeyTravelsInTheHeaderAndIsRecordedNeverInTheURL() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.setDefaultAnswer(.text("Hola, ¿en qué te ayudo?"))

        let viaHeader = try await Self.generate(emulator, Self.userText("hola"))
        #expect(viaHeader.status == 200 && viaHeader.text == "Hola, ¿en qué te ayudo?")
        let recorded = try #require(emulator.requests.last)
        #expect(recorded.apiKeyHeader == emulator.apiKey)
        #expect(recorded.apiKeyQuery == nil)
        #expect(recorded.path == "/v1beta/models/gemini-3.5-flash:generateContent")
        #expect(!recorded.path.contains(emulator.apiKey))
        #expect(recorded.body.contains("hola") && recorded.status == 200 && recorded.at > 1_700_000_000)

        // `?key=` also works (and is recorded apart).
        let viaQuery = try await Self.generate(emulator, key: .query(emulator.apiKey), Self.userText("hola"))
        #expect(viaQuery.status == 200)
        #expect(emulator.requests.last?.apiKeyQuery == emulator.apiKey && emulator.requests.last?.apiKeyHeader == nil)
    }

    @Test func onlyGenerateContentIsServedAndFunctionCallingIsRefusedByName() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        // The bot calls generateContent and nothing else: listing, getting or counting is Google's 404.
        for (method, path) in [(HTTPMethod.GET, "/v1beta/models"), (.GET, "/v1beta/models/gemini-3.5-flash"),
                               (.POST, "/v1beta/models/gemini-3.5-flash:countTokens")] {
            let reply = try await Self.send(emulator, method: method, path: path, json: [:] as [String: Any])
            #expect(reply.status == 404 && reply.errorStatus == "NOT_FOUND", "\(path)")
        }
        // Function calling, which the bot does not use, is refused by name rather than half-emulated.
        let tools = try await Self.generate(emulator, try Self.fixture("gemini_generate_request_function_calling.json"))
        #expect(tools.status == 501 && tools.errorMessage.contains("function calling is not emulated"))
    }

    // MARK: - Answers

    @Test func aRuleAnswersJSONTextForTheMatchingLastUserText() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        let ok = try Self.fixture("gemini_generate_ok_json.json")
        let okCandidates = ok["candidates"] as! [[String: Any]]
        let okText = ((okCandidates[0]["content"] as! [String: Any])["parts"] as! [[String: Any]])[0]["text"] as! String
        emulator.when("precio", answer: .json(#"{"intencion": "precios", "resumen": "Pregunta precios", "urgencia": "baja"}"#))
        emulator.when("NO TENGO INTERNET", answer: .json(okText))

        // The request exactly as in the fixture (responseJsonSchema, thinkingLevel, safetySettings).
        let request = try Self.fixture("gemini_generate_request_json_schema.json")
        let reply = try await Self.generate(emulator, request)
        #expect(reply.status == 200)
        #expect(reply.text == okText)
        #expect(reply.finishReason == "STOP" && Self.int(reply.firstCandidate["index"]) == 0)
        #expect(reply.content["role"] as? String == "model")
        let parsed = try JSONSerialization.jsonObject(with: Data(try #require(reply.text).utf8)) as? [String: Any]
        #expect(parsed?["intencion"] as? String == "reporte_falla")
        // The shape of the fixture.
        #expect(Set(reply.body.keys) == Set(ok.keys))
        #expect(Set(reply.firstCandidate.keys) == Set(okCandidates[0].keys))
        #expect(Set(reply.usage.keys) == Set((ok["usageMetadata"] as! [String: Any]).keys))
        #expect(reply.body["modelVersion"] as? String == "gemini-3.5-flash")
        #expect((reply.body["responseId"] as? String)?.isEmpty == false)
        let prompt = try #require(Self.int(reply.usage["promptTokenCount"]))
        let candidates = try #require(Self.int(reply.usage["candidatesTokenCount"]))
        let thoughts = Self.int(reply.usage["thoughtsTokenCount"]) ?? 0
        #expect(prompt > 100 && candidates > 0)
        #expect(Self.int(reply.usage["totalTokenCount"]) == prompt + candidates + thoughts)

        // Only the LAST user turn counts: an earlier "precio" is ignored; no match → the default answer.
        let history: [String: Any] = ["contents": [
            ["role": "user", "parts": [["text": "¿qué precio tiene?"]]],
            ["role": "model", "parts": [["text": "Tenemos planes desde $300."]]],
            ["role": "user", "parts": [["text": "gracias"]]],
        ]]
        let fallback = try await Self.generate(emulator, history)
        #expect(fallback.status == 200 && fallback.text == "")
        let priced = try await Self.generate(emulator, model: "gemini-flash-latest", Self.userText("¿Qué PRECIO tiene el plan?"))
        #expect(priced.text?.contains("precios") == true && priced.body["modelVersion"] as? String == "gemini-flash-latest")

        let total = [reply, fallback, priced].compactMap { Self.int($0.usage["totalTokenCount"]) }.reduce(0, +)
        #expect(emulator.totalTokens == total)
    }

    @Test func injectedErrorsComeFirstThenTheRulesAnswerAgain() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.setDefaultAnswer(.text("ok"))
        emulator.inject(.error(status: 503), times: 2)

        let first = try await Self.generate(emulator, Self.userText("hola"))
        let second = try await Self.generate(emulator, Self.userText("hola"))
        let third = try await Self.generate(emulator, Self.userText("hola"))
        #expect(first.status == 503 && second.status == 503)
        #expect(HTTP.sameJSON(first.body, try Self.fixture("gemini_error_503.json")))
        #expect(third.status == 200 && third.text == "ok")

        // 429 with the fixture's body (RetryInfo) and 500.
        emulator.inject(.error(status: 429))
        emulator.inject(.error(status: 500))
        let quota = try await Self.generate(emulator, Self.userText("hola"))
        #expect(quota.status == 429)
        #expect(HTTP.sameJSON(quota.body, try Self.fixture("gemini_error_429.json")))
        let details = quota.error["details"] as? [[String: Any]] ?? []
        #expect(details.contains { $0["retryDelay"] as? String == "21s" })
        let internalError = try await Self.generate(emulator, Self.userText("hola"))
        #expect(HTTP.sameJSON(internalError.body, try Self.fixture("gemini_error_500.json")))

        // A refused request (bad key) does not use up an injection.
        emulator.inject(.error(status: 503))
        let refused = try await Self.generate(emulator, key: .header("nope"), Self.userText("hola"))
        #expect(refused.status == 400)
        let overloaded = try await Self.generate(emulator, Self.userText("hola"))
        #expect(overloaded.status == 503)
    }

    @Test func aBlockedPromptHasNoCandidates() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.when("idiota", answer: .blockedPrompt(reason: "SAFETY"))

        let reply = try await Self.generate(emulator, Self.userText("eres un idiota, no sirve su internet"))
        #expect(reply.status == 200)
        #expect(reply.body["candidates"] == nil)
        let feedback = reply.body["promptFeedback"] as? [String: Any] ?? [:]
        #expect(feedback["blockReason"] as? String == "SAFETY")
        let blocked = try Self.fixture("gemini_generate_blocked_prompt.json")
        #expect(Set(reply.body.keys) == Set(blocked.keys))
        #expect(Set(reply.usage.keys) == Set((blocked["usageMetadata"] as! [String: Any]).keys))
        #expect(Self.int(reply.usage["totalTokenCount"]) == Self.int(reply.usage["promptTokenCount"]))
    }

    @Test func maxTokensAndSafetyEndingsHaveTheirShapes() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }
        emulator.inject(.maxTokens(truncatedText: #"{"intencion": "reporte_falla", "resumen": "Cliente sin"#))
        emulator.inject(.maxTokensNoParts)
        emulator.inject(.safety)

        let truncated = try await Self.generate(emulator, Self.userText("hola"))
        #expect(truncated.finishReason == "MAX_TOKENS" && truncated.text?.hasSuffix("Cliente sin") == true)
        let noParts = try await Self.generate(emulator, Self.userText("hola"))
        #expect(noParts.finishReason == "MAX_TOKENS" && noParts.content["parts"] == nil)
        #expect(noParts.content["role"] as? String == "model")
        #expect(HTTP.sameJSON(noParts.firstCandidate, (try Self.fixture("gemini_generate_max_tokens_no_parts.json")["candidates"] as! [[String: Any]])[0]))
        let safety = try await Self.generate(emulator, Self.userText("hola"))
        #expect(safety.finishReason == "SAFETY" && safety.firstCandidate["content"] == nil)
        #expect((safety.firstCandidate["safetyRatings"] as? [[String: Any]])?.isEmpty == false)
    }

    // MARK: - Request checks

    @Test func badBodiesAreRefusedWith400() async throws {
        let emulator = try await Self.started()
        defer { Task { await emulator.stop() } }

        var both = Self.userText("hola")
        both["generationConfig"] = ["thinkingConfig": ["thinkingLevel": "low", "thinkingBudget": 1024]]
        let thinking = try await Self.generate(emulator, both)
        #expect(thinking.status == 400 && thinking.errorStatus == "INVALID_ARGUMENT")
        #expect(thinking.errorMessage.contains("thinking budget and thinking level"))
        // Either one alone is fine.
        both["generationConfig"] = ["thinkingConfig": ["thinkingBudget": 0]]
        let budgetOnly = try await Self.generate(emulator, both)
        #expect(budgetOnly.status == 200)

        var schemas = Self.userText("hola")
        schemas["generationConfig"] = [
            "responseMimeType": "application/json",
            "responseSchema": ["type": "OBJECT"], "responseJsonSchema": ["type": "object"],
        ]
        let bothSchemas = try await Self.generate(emulator, schemas)
        #expect(bothSchemas.status == 400)

        var unknown = Self.userText("hola")
        unknown["temperatura"] = 1
        let unknownReply = try await Self.generate(emulator, unknown)
        #expect(unknownReply.status == 400)
        #expect(unknownReply.errorMessage == "Invalid JSON payload received. Unknown name \"temperatura\": Cannot find field.")

        var nested = Self.userText("hola")
        nested["generationConfig"] = ["responseMimeType": "application/json", "responseSchema": ["type": ["string", "null"], "$schema": "x"]]
        let nestedReply = try await Self.generate(emulator, nested)
        #expect(nestedReply.status == 400)
        #expect(nestedReply.errorMessage.contains("Unknown name \"$schema\" at 'generation_config.response_schema': Cannot find field."))
        #expect(nestedReply.errorMessage.contains("Proto field is not repeating, cannot start list."))

        let empty = try await Self.generate(emulator, ["contents": [Any]()])
        #expect(empty.status == 400 && empty.errorMessage.contains("contents is not specified"))
        let none = try await Self.generate(emulator, ["generationConfig": ["temperature": 1]])
        #expect(none.status == 400)
        let notJSON = try await Self.send(emulator, path: "/v1beta/models/gemini-3.5-flash:generateContent", raw: "{contents:")
        #expect(notJSON.status == 400 && notJSON.errorMessage.hasPrefix("Invalid JSON payload received."))
        let badRole = try await Self.generate(emulator, ["contents": [["role": "assistant", "parts": [["text": "hola"]]]]])
        #expect(badRole.status == 400 && badRole.errorMessage == "Please use a valid role: user, model.")
        let noParts = try await Self.generate(emulator, ["contents": [["role": "user", "parts": [Any]()]]])
        #expect(noParts.status == 400)

        // snake_case names are accepted as proto JSON allows.
        let snake = try await Self.generate(
            emulator, ["contents": [["role": "user", "parts": [["text": "hola"]]]], "generation_config": ["max_output_tokens": 64]])
        #expect(snake.status == 200)
        #expect(emulator.totalTokens > 0)
    }

    // MARK: - Server

    @Test func slowAnswersAndRestartOnTheSamePort() async throws {
        let emulator = try await Self.started()
        let port = emulator.port
        #expect(port > 0 && emulator.baseURL == "http://127.0.0.1:\(port)")
        emulator.inject(.slow(seconds: 0.5, then: .text("por fin")))

        let clock = ContinuousClock()
        let start = clock.now
        let slow = try await Self.generate(emulator, Self.userText("hola"))
        #expect(clock.now - start >= .milliseconds(450))
        #expect(slow.status == 200 && slow.text == "por fin")

        // Stopped: nothing listens (AsyncHTTPClient retries refused connections until its deadline).
        await emulator.stop()
        await #expect(throws: (any Error).self) {
            _ = try await Self.send(emulator, path: "/v1beta/models", timeout: 1)
        }
        try await emulator.start()
        #expect(emulator.port == port)
        let again = try await Self.generate(emulator, Self.userText("hola"))
        #expect(again.status == 200)

        // stop() does not wait for an answer being slowed down: the connection is dropped.
        emulator.inject(.slow(seconds: 20, then: .text("demasiado tarde")))
        let pending = Task { try await Self.generate(emulator, Self.userText("hola"), timeout: 30) }
        try await Task.sleep(for: .milliseconds(300))
        let stopStart = clock.now
        await emulator.stop()
        // Well before the 20 s the slowed answer would take (a loaded machine can take a few seconds).
        #expect(clock.now - stopStart < .seconds(12))
        await #expect(throws: (any Error).self) { _ = try await pending.value }
        #expect(emulator.requests.count == 3)
    }
}
