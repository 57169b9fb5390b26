import DialogCore
import DialogTools

/// `explore` of the shipped conversation: every reachable (deduplicated) state and every path, timed.
struct Explore {
    let graph: DialogGraph

    func measure(iterations: Int, into r: inout Recorder) {
        var report: ExploreReport?
        let samples = Stopwatch.measure(warmup: 0, minIterations: iterations, maxIterations: iterations, minTime: .zero) {
            let r = Explorer(graph: graph).run()
            report = r
            return r.states
        }
        guard let report else { return }
        let s = samples.wall.summary()
        r.record("explore.ns", s.median, "ns")
        r.record("explore.min", s.min, "ns")
        r.record("explore.cpu_ns", samples.cpu.summary().median, "ns")
        r.record("explore.runs", Double(s.count), "count")
        r.record("explore.states", Double(report.states), "count")
        r.record("explore.transitions", Double(report.transitions), "count")
        switch report.paths {
        case .count(let n): r.record("explore.paths", n, "count")
        case .cyclic(let n): r.record("explore.cyclic_states", Double(n), "count")
        }
        if !report.passed { r.note("explore found \(report.failures.count) failures in the shipped dialogs (still timed)") }
    }
}
