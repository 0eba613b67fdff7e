/// The last fire lags (how late a timer fired after its due instant, jitter included in the due
/// instant) in a fixed ring, for the percentiles of ``SchedulerSnapshot``.
struct FireLagStatistics: Sendable {
    private var samples: [Double] = []
    private var next = 0
    private let capacity: Int
    private(set) var total = 0

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    mutating func record(_ lagSeconds: Double) {
        total += 1
        if samples.count < capacity {
            samples.append(lagSeconds)
        } else {
            samples[next] = lagSeconds
            next = (next + 1) % capacity
        }
    }

    var summary: FireLagSummary {
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double? {
            sorted.isEmpty ? nil : sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        return FireLagSummary(
            samples: sorted.count, total: total, p50: percentile(0.5), p90: percentile(0.9), p99: percentile(0.99),
            max: sorted.last)
    }
}
