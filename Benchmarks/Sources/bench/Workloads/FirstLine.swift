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

    /// This program against `baseline` (a hello world), in alternating blocks of `block` runs each
    /// (baseline block, program block, …), so a machine that speeds up or slows down meanwhile affects both
    /// alike. The first run of every block is not counted: it may pay for the other program having just
    /// filled the caches, which would flatter neither fairly. Reports both medians and the median of the
    /// blocks' ratios (program block median over the baseline block before it), the figure noise moves least.
    func compare(with baseline: FirstLine, runs: Int, block: Int = 10) -> Recorder {
        var r = Recorder()
        var ours = Samples(reservingCapacity: runs)
        var theirs = Samples(reservingCapacity: runs)
        var exits = Samples(reservingCapacity: runs)
        var ratios = Samples(reservingCapacity: runs / block + 1)
        func runBlock(_ f: FirstLine) -> [Int64]? {
            var firsts: [Int64] = []
            for i in 0...block {
                let o = ChildProcess(executable: f.program, arguments: f.arguments, stdinPath: f.stdinPath).run()
                guard o.status == 0, let first = o.firstOutputNanoseconds else {
                    r.fail("\(f.program) exited with status \(o.status)\(o.firstOutputNanoseconds == nil ? " and printed nothing" : "")")
                    return nil
                }
                guard i > 0 else { continue }
                firsts.append(first)
                if f.program == program { exits.append(o.elapsedNanoseconds) }
            }
            return firsts
        }
        _ = runBlock(baseline)  // warm-up: the files and libraries both need into the page cache
        _ = runBlock(self)
        while ours.count < runs {
            guard let b = runBlock(baseline), let a = runBlock(self) else { return r }
            for x in b { theirs.append(x) }
            for x in a { ours.append(x) }
            let median = { (xs: [Int64]) in Double(xs.sorted()[xs.count / 2]) }
            ratios.append(Int64(median(a) / median(b) * 1_000_000))
        }
        let f = ours.summary()
        let q = ratios.summary()
        r.record("first_line.median", f.median, "ns")
        r.record("first_line.p90", f.percentile(90), "ns")
        r.record("baseline.first_line.median", theirs.summary().median, "ns")
        r.record("exit.median", exits.summary().median, "ns")
        r.record("ratio.median", q.median / 1_000_000, "x")
        r.record("ratio.p25", q.percentile(25) / 1_000_000, "x")
        r.record("ratio.p75", q.percentile(75) / 1_000_000, "x")
        r.record("runs", Double(f.count), "count")
        return r
    }
}
