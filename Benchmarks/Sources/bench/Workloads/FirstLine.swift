/// Start to first output: spawns a program again and again with a file as standard input and times
/// each run from `posix_spawn` to the first byte it writes on stdout, and to its exit. No shell is
/// involved, so a program that starts in a millisecond is measured as precisely as a slow one.
struct FirstLine {
    let program: String
    let arguments: [String]
    let stdinPath: String?

    func measure(runs: Int, warmup: Int) -> Recorder {
        var r = Recorder()
        var first = Samples(reservingCapacity: runs)
        var total = Samples(reservingCapacity: runs)
        for i in 0..<(warmup + runs) {
            let outcome = ChildProcess(executable: program, arguments: arguments, stdinPath: stdinPath).run()
            guard outcome.status == 0, let firstByte = outcome.firstOutputNanoseconds else {
                r.fail("\(program) exited with status \(outcome.status)\(outcome.firstOutputNanoseconds == nil ? " and printed nothing" : "")")
                return r
            }
            guard i >= warmup else { continue }
            first.append(firstByte)
            total.append(outcome.elapsedNanoseconds)
        }
        let f = first.summary()
        let t = total.summary()
        r.record("first_line.median", f.median, "ns")
        r.record("first_line.min", f.min, "ns")
        r.record("first_line.p90", f.percentile(90), "ns")
        r.record("exit.median", t.median, "ns")
        r.record("runs", Double(f.count), "count")
        return r
    }
}
