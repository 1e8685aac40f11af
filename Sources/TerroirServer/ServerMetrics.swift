import Metrics
import Prometheus

/// The service's metrics, through swift-metrics into a swift-prometheus registry and
/// served at `/metrics` in Prometheus text format: `RequestMetricsMiddleware`
/// records requests and their durations by route and status; the domain adds labels
/// issued and scans by verdict.
struct ServerMetrics: Sendable {
    /// The process's registry. swift-metrics has one backend per process, so it is
    /// bootstrapped once, the first time a server is built.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    let registry: PrometheusCollectorRegistry
    /// Made once: making a counter looks it up in the registry, under a lock, which
    /// every resolver lookup would otherwise pay.
    private let labels: Metrics.Counter
    private let scans: [ScanVerdict: Metrics.Counter]
    private let immediate: Metrics.Counter

    init() {
        // The backend is bootstrapped before the first counter is made.
        registry = Self.registry
        labels = Metrics.Counter(label: "terroir_labels_issued_total")
        immediate = Metrics.Counter(label: "terroir_resolver_answered_from_memory_total")
        scans = Dictionary(uniqueKeysWithValues: ScanVerdict.allCases.map {
            ($0, Metrics.Counter(label: "terroir_scans_total", dimensions: [("verdict", $0.rawValue)]))
        })
    }

    /// Labels issued over HTTP.
    func labelsIssued(_ count: Int) {
        labels.increment(by: count)
    }

    /// One person's scan of a serial (the verification page, or the redirect to a shop), by its verdict.
    func scanned(verdict: ScanVerdict) {
        scans[verdict]?.increment()
    }

    /// One resolver lookup answered from memory on the event loop (`ResolverFastPath`).
    func answeredFromMemory() {
        immediate.increment()
    }

    /// The Prometheus text exposition.
    var text: [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
