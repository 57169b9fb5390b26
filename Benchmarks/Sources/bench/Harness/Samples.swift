/// Many timings of one operation, in nanoseconds, and their percentiles.
struct Samples {
    private(set) var nanoseconds: [Int64] = []

    init(reservingCapacity capacity: Int = 0) { nanoseconds.reserveCapacity(capacity) }

    mutating func append(_ ns: Int64) { nanoseconds.append(ns) }

    var count: Int { nanoseconds.count }

    /// Percentiles and totals, computed once over the sorted samples.
    func summary() -> Summary { Summary(nanoseconds.sorted()) }

    struct Summary {
        let sorted: [Int64]
        let total: Int64

        init(_ sorted: [Int64]) {
            self.sorted = sorted
            total = sorted.reduce(0, +)
        }

        var count: Int { sorted.count }
        var min: Double { sorted.first.map(Double.init) ?? 0 }
        var max: Double { sorted.last.map(Double.init) ?? 0 }
        var mean: Double { sorted.isEmpty ? 0 : Double(total) / Double(sorted.count) }
        var median: Double { percentile(50) }

        /// Nearest-rank percentile: the smallest sample with at least `p` % of samples at or below it.
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
            return Double(sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))])
        }
    }
}
