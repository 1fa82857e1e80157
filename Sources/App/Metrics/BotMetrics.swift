import AgentCore
import Foundation
import Metrics
import Prometheus
import Store
import Synchronization

/// The bot's metrics (swift-metrics), exported at `GET /metrics` in Prometheus text format.
/// Counters are updated where things happen; queue sizes and ages are read at each scrape.
enum BotMetrics {
    static func messageIn(_ channel: Channel) {
        Counter(label: "bot_messages_in_total", dimensions: [("channel", channel.rawValue)]).increment()
    }

    static func messageOut(_ channel: Channel) {
        Counter(label: "bot_messages_out_total", dimensions: [("channel", channel.rawValue)]).increment()
    }

    static func turn(intent: Intent, seconds: Double) {
        Counter(label: "bot_replies_total", dimensions: [("intent", intent.rawValue)]).increment()
        Timer(label: "bot_turn_seconds").recordNanoseconds(Int64(seconds * 1e9))
    }

    static func duplicate() {
        Counter(label: "bot_dedupe_hits_total").increment()
    }

    static func rateLimited() {
        Counter(label: "bot_rate_limited_messages_total").increment()
    }

    /// The registry `/metrics` renders; installed once, for the long-running modes.
    static let registry = PrometheusCollectorRegistry()
    private static let installed = Mutex(false)

    static func install() {
        let first = installed.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                                                   .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                                                   .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5)]
        MetricsSystem.bootstrap(factory)
    }

    /// The scrape: queue gauges read now, then everything in Prometheus text format.
    static func render(store: Store, cacheAge: TimeInterval?) async -> String {
        if let backlog = try? await store.outboxBacklog() {
            Gauge(label: "bot_outbox_backlog").record(backlog.count)
            Gauge(label: "bot_outbox_oldest_seconds").record(backlog.oldest.map { Date().timeIntervalSince($0) } ?? 0)
        }
        if let inbox = try? await store.inboxCount() { Gauge(label: "bot_inbox_size").record(inbox) }
        if let outbound = try? await store.outboundBacklog() { Gauge(label: "bot_outbound_queue").record(outbound) }
        Gauge(label: "bot_cache_age_seconds").record(cacheAge ?? -1)
        return registry.emitToString()
    }
}
