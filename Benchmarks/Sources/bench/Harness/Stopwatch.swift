/// Timing with `ContinuousClock`: single readings and warmed-up repeated runs.
enum Stopwatch {
    static let clock = ContinuousClock()

    static func nanoseconds(_ d: Duration) -> Int64 {
        let c = d.components
        return c.seconds * 1_000_000_000 + c.attoseconds / 1_000_000_000
    }

    /// Runs `body` `warmup` times untimed, then times each run until it has run at least
    /// `minIterations` times and for at least `minTime` (never more than `maxIterations` times).
    static func measure(
        warmup: Int, minIterations: Int, maxIterations: Int = .max, minTime: Duration, _ body: () -> Void
    ) -> Samples {
        for _ in 0..<warmup { body() }
        var samples = Samples(reservingCapacity: minIterations)
        let start = clock.now
        while samples.count < maxIterations, samples.count < minIterations || clock.now - start < minTime {
            let t0 = clock.now
            body()
            samples.append(nanoseconds(clock.now - t0))
        }
        return samples
    }

    /// What one `clock.now` reading costs, so per-turn figures can be read against it.
    static func readingOverhead() -> Double {
        let n = 200_000
        let t0 = clock.now
        var last = t0
        for _ in 0..<n { last = clock.now }
        return Double(nanoseconds(last - t0)) / Double(n)
    }
}
