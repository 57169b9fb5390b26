import DialogTools
import Foundation

// bench [all] [--quick] [--dialogs DIR]      every measurement, each in a child process; prints the table
// bench MODE [ARG] [--quick] [--dialogs DIR] one measurement in this process; prints its figures
// bench generate NODES DIR                   writes the generated dialog set of NODES nodes to DIR
// bench first-line [--runs N] [--stdin FILE] [--versus HELLO] -- PROGRAM ARGS…   start to first byte of
//                                                   output; with --versus, in turns with HELLO (cold-start.sh)
//
// MODE: baseline, turns, synthetic, replay, load-shipped, load-generated NODES, explore

let usage = """
    usage: bench [all] [--quick] [--dialogs DIR]
           bench MODE [--quick] [--dialogs DIR]   (MODE: baseline, turns, synthetic, replay, load-shipped, load-generated NODES, explore)
           bench generate NODES DIR
           bench first-line [--runs N] [--stdin FILE] [--versus HELLO] -- PROGRAM ARGS…
    """

var options = Options()
var positional: [String] = []
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let a = arguments.next() {
    switch a {
    case "--quick": options.quick = true
    case "--dialogs":
        guard let d = arguments.next() else {
            print(usage)
            exit(2)
        }
        options.dialogs = d
    case "--":
        positional.append(a)
        while let rest = arguments.next() { positional.append(rest) }
    case "-h", "--help":
        print(usage)
        exit(0)
    default: positional.append(a)
    }
}

func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

if positional.first == "generate" {
    guard positional.count == 3, let n = Int(positional[1]), n >= 100 else {
        print(usage)
        exit(2)
    }
    let dir = positional[2]
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for source in DialogGenerator(nodeCount: n, seed: Mode.seed).sources() {
        let name = (source.name as NSString).lastPathComponent
        _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(source.bytes))
    }
    print("wrote \(n) nodes to \(dir)")
    exit(0)
}

if positional.first == "first-line" {
    // bench first-line [--runs N] [--stdin FILE] [--versus HELLO] -- PROGRAM ARGS…  (used by cold-start.sh)
    var runs = 200
    var stdinPath: String?
    var baseline: String?
    var rest = Array(positional.dropFirst())
    while let flag = rest.first, flag.hasPrefix("--") {
        rest.removeFirst()
        if flag == "--" { break }
        guard let value = rest.first else { break }
        rest.removeFirst()
        if flag == "--runs" { runs = Int(value) ?? runs } else if flag == "--stdin" { stdinPath = value } else if flag == "--versus" { baseline = value }
    }
    guard let program = rest.first else {
        print(usage)
        exit(2)
    }
    let target = FirstLine(program: program, arguments: Array(rest.dropFirst()), stdinPath: stdinPath)
    let r =
        baseline.map { target.compare(with: FirstLine(program: $0, arguments: [], stdinPath: stdinPath), runs: runs) }
        ?? target.measure(runs: runs, warmup: 10)
    for line in r.lines { print(line) }
    exit(r.failures.isEmpty ? 0 : 1)
}

if let mode = Mode(positional) {
    do {
        var r = try mode.run(options: options)
        if let peak = PeakMemory.current() { r.record("process.peak_rss", Double(peak), "bytes") }
        for line in r.lines { print(line) }
        exit(r.failures.isEmpty ? 0 : 1)
    } catch {
        print("@fail \(error)")
        exit(1)
    }
}

guard positional.isEmpty || positional == ["all"] else {
    print(usage)
    exit(2)
}

var runs: [(mode: Mode, recorder: Recorder, peakRSS: Int)] = []
var failed = false
let started = Stopwatch.clock.now
for mode in Mode.all {
    let name = mode.arguments.joined(separator: " ")
    log("bench: \(name)…")
    var args = mode.arguments + ["--dialogs", options.dialogs]
    if options.quick { args.append("--quick") }
    let outcome = ChildProcess(arguments: args).run()
    var recorder = Recorder.parse(outcome.output)
    if outcome.status != 0 {
        failed = true
        if recorder.failures.isEmpty { recorder.fail("\(name) exited with status \(outcome.status)") }
    }
    runs.append((mode, recorder, recorder["process.peak_rss"].map { Int($0) } ?? outcome.peakRSSBytes))
}
let report = Report(runs)
print(report.text)
for note in report.notes { print("- " + note) }
let cores = ProcessInfo.processInfo.activeProcessorCount
print("(release build: \(isReleaseBuild ? "yes" : "NO — run with -c release"); \(cores) cores; total \(Report.duration(Double(Stopwatch.nanoseconds(Stopwatch.clock.now - started)))))")
exit(failed ? 1 : 0)
