import Foundation

/// getUpdates: offsets, limits, `allowed_updates`, the long poll and the 409s.
extension TelegramEmulator {
    func getUpdates(_ p: TelegramParameters) async -> TelegramAnswer {
        let offset = p.int64("offset") ?? 0
        let limit = Int(min(100, max(1, p.int64("limit") ?? 100)))
        let timeout = max(0, p["timeout"]?.doubleValue ?? 0)
        let allowed = Self.allowedUpdates(p["allowed_updates"])

        enum Step { case answer(TelegramAnswer), wait }
        let (step, older) = state.withLock { s -> (Step, TelegramPollWaiter?) in
            if s.webhook != nil { return (.answer(.webhookActive), nil) }
            // A newer getUpdates terminates the one being held.
            let older = s.takeWaiter()
            if let allowed { s.allowedUpdates = allowed }
            s.applyOffset(offset)
            if !s.queue.isEmpty || timeout == 0 { return (.answer(.ok(.array(s.takeBatch(limit: limit)))), older) }
            return (.wait, older)
        }
        wakePoller(older, .conflict)
        if case .answer(let answer) = step { return answer }

        let wake = await hold(timeout: timeout)
        switch wake {
        case .conflict: return .pollConflict
        case .webhookSet: return .webhookActive
        case .ready, .timeout:
            return state.withLock { s in
                s.webhook != nil ? .webhookActive : .ok(.array(s.takeBatch(limit: limit)))
            }
        }
    }

    /// Parks the request until an update is queued, a newer poller arrives, a webhook is set,
    /// the emulator stops, or `timeout` seconds pass.
    private func hold(timeout: Double) async -> TelegramPollWake {
        await withTaskCancellationHandler {
            await park(timeout: timeout)
        } onCancel: {
            wakePoller(state.withLock { $0.takeWaiter() }, .timeout)
        }
    }

    private func park(timeout: Double) async -> TelegramPollWake {
        await withCheckedContinuation { (continuation: CheckedContinuation<TelegramPollWake, Never>) in
            let (immediate, older, id) = state.withLock { s -> (TelegramPollWake?, TelegramPollWaiter?, UInt64) in
                if s.webhook != nil { return (.webhookSet, nil, 0) }
                if !s.queue.isEmpty { return (.ready, nil, 0) }
                if s.stopped || Task.isCancelled { return (.timeout, nil, 0) }
                let older = s.takeWaiter()
                s.nextWaiterID += 1
                s.waiter = TelegramPollWaiter(id: s.nextWaiterID, continuation: continuation, timeoutTask: nil)
                return (nil, older, s.nextWaiterID)
            }
            wakePoller(older, .conflict)
            if let immediate {
                continuation.resume(returning: immediate)
                return
            }
            let timer = Task { [weak self] in
                try? await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                guard !Task.isCancelled, let self else { return }
                let expired = self.state.withLock { s -> TelegramPollWaiter? in
                    guard s.waiter?.id == id else { return nil }
                    defer { s.waiter = nil }
                    return s.waiter
                }
                self.wakePoller(expired, .timeout)
            }
            state.withLock { s in
                if s.waiter?.id == id { s.waiter?.timeoutTask = timer } else { timer.cancel() }
            }
        }
    }

    /// `allowed_updates` as a JSON array, or JSON text of one.
    static func allowedUpdates(_ value: JSON?) -> [String]? {
        guard let value, value != .null else { return nil }
        if case .string(let s) = value, s.isEmpty { return nil }
        guard let items = value.decodedStructure?.arrayValue else { return nil }
        return items.compactMap(\.stringValue)
    }
}
