import Foundation

extension GeminiEmulator {
    /// Records the request, answers it, and notes the status answered.
    func process(_ incoming: GeminiIncoming) async -> HTTPAnswer {
        let route = GeminiRoute(method: incoming.method, target: incoming.target)
        let recorded = RecordedRequest(
            model: route.model, path: incoming.target, apiKeyHeader: incoming.apiKeyHeader, apiKeyQuery: route.value("key"),
            body: String(decoding: incoming.body, as: UTF8.self), status: 0, at: Date().timeIntervalSince1970)
        let id = state.withLock { $0.record(recorded) }
        let answer: HTTPAnswer
        do throws(APIError) {
            answer = try await dispatch(route, incoming)
        } catch {
            answer = error.answer
        }
        state.withLock { $0.finish(id, status: answer.status) }
        return answer
    }

    private func dispatch(_ route: GeminiRoute, _ incoming: GeminiIncoming) async throws(APIError) -> HTTPAnswer {
        if route.kind == .unknown { throw .geminiMethodNotFound }

        // Auth: the header wins over `?key=`; an empty value counts as no key.
        let header = incoming.apiKeyHeader.flatMap { $0.isEmpty ? nil : $0 }
        let query = route.value("key").flatMap { $0.isEmpty ? nil : $0 }
        guard let key = header ?? query else { throw .geminiKeyMissing }
        guard key == apiKey else { throw .geminiKeyInvalid }

        switch route.kind {
        case .generateContent:
            if let bad = route.unknownParameter() { throw .geminiUnknownQueryParameter(bad) }
            guard catalog.servesGenerate(route.model) else { throw .geminiModelNotFound(route.model) }
            let request = try GeminiGenerateRequest.parse(incoming.body)
            let answer = state.withLock { $0.chooseAnswer(lastUserText: request.lastUserText) }
            return await render(answer, for: request, model: route.model)
        case .unknown:
            throw .geminiMethodNotFound
        }
    }

    /// Waits `seconds`, giving up early (false) when the emulator is stopped meanwhile.
    func pause(_ seconds: Double) async -> Bool {
        let generation = state.withLock { $0.generation }
        let deadline = ContinuousClock.now + .milliseconds(Int64(max(0, seconds) * 1000))
        while ContinuousClock.now < deadline {
            let left = deadline - ContinuousClock.now
            try? await Task.sleep(for: min(left, .milliseconds(50)))
            if Task.isCancelled || state.withLock({ $0.generation != generation }) { return false }
        }
        return true
    }
}
