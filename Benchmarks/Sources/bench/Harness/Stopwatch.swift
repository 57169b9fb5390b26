#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Timing with `ContinuousClock` (wall time) and the thread's CPU clock (what the work itself
/// cost, even when other processes share the cores): single readings and warmed-up repeated runs.
enum Stopwatch {
    static let clock = ContinuousClock()

    static func nanoseconds(_ d: Duration) -> Int64 {
        let c = d.components
        return c.seconds * 1_000_000_000 + c.attoseconds / 1_000_000_000
    }

    /// CPU time this thread has used, in nanoseconds.
    static func threadCPU() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    /// Wall-clock and CPU times of the same runs.
    struct Runs {
        var wall = Samples()
        var cpu = Samples()
    }

    /// Runs `body` `warmup` times untimed, then times each run until it has run at least
    /// `minIterations` times and for at least `minTime` (never more than `maxIterations` times).
    /// What `body` returns is released after the clocks are read, so freeing it is not timed.
    static func measure<T>(
        warmup: Int, minIterations: Int, maxIterations: Int = .max, minTime: Duration, _ body: () -> T
    ) -> Runs {
        for _ in 0..<warmup { Opaque.consume(body()) }
        var runs = Runs()
        let start = clock.now
        while runs.wall.count < maxIterations, runs.wall.count < minIterations || clock.now - start < minTime {
            let c0 = threadCPU()
            let t0 = clock.now
            let value = body()
            let t1 = clock.now
            let c1 = threadCPU()
            runs.wall.append(nanoseconds(t1 - t0))
            runs.cpu.append(c1 - c0)
            Opaque.consume(value)
        }
        return runs
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
