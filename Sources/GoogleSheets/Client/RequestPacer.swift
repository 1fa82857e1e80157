import Foundation

/// Keeps requests under Sheets' per-user quota (60 reads and 60 writes a minute): a call
/// waits until fewer than `perMinute` of its kind were made in the last 60 seconds.
actor RequestPacer {
    enum Kind: Sendable { case read, write }

    private let perMinute: Int
    private var recent: [Kind: [Date]] = [:]

    init(perMinute: Int) {
        self.perMinute = max(1, perMinute)
    }

    func acquire(_ kind: Kind) async {
        while true {
            let now = Date()
            var times = recent[kind, default: []].filter { now.timeIntervalSince($0) < 60 }
            if times.count < perMinute {
                times.append(now)
                recent[kind] = times
                return
            }
            recent[kind] = times
            let wait = 60 - now.timeIntervalSince(times[0]) + 0.01
            try? await Task.sleep(for: .seconds(wait))
        }
    }
}
