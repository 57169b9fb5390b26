/// When this process started, near enough: the clock when `SecondOpinion.main` first reads it.
enum ProcessStart {
    static let time: timespec = now()

    /// Reads the clock, once (call first thing in `main`).
    static func mark() { _ = time }

    private static func now() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }
}
