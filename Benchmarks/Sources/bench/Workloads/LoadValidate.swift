import DialogLoading

/// Load + validate: the whole pipeline `DialogLoader.load(sources:)` runs for `validate`, `chat`
/// and `replay` — JSON parse, shape check, link, lint — on files already in memory.
struct LoadValidate {
    let sources: [DialogLoader.Source]

    var bytes: Int { sources.reduce(0) { $0 + $1.bytes.count } }

    /// One load, checked: the graph's node count, and the diagnostics when there are any.
    func check() -> (nodes: Int, errors: [Diagnostic], warnings: [Diagnostic]) {
        let result = DialogLoader.load(sources: sources)
        return (result.graph?.nodes.count ?? 0, result.errors, result.warnings)
    }

    /// Times loads; freeing each result happens outside the timed region (a CLI never frees it).
    func measure(warmup: Int, minIterations: Int, maxIterations: Int, minTime: Duration) -> Stopwatch.Runs {
        Stopwatch.measure(warmup: warmup, minIterations: minIterations, maxIterations: maxIterations, minTime: minTime) {
            DialogLoader.load(sources: sources)
        }
    }
}
