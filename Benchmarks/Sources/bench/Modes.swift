import DialogCore
import DialogLoading
import DialogTools
import Foundation

/// One measurement, run in a process of its own by the parent (`bench all`) or directly (`bench MODE`).
enum Mode {
    case baseline
    case turns
    case synthetic
    case replay
    case loadShipped
    case loadGenerated(nodes: Int)
    case explore
    case understand

    init?(_ arguments: [String]) {
        switch arguments.first {
        case "baseline": self = .baseline
        case "turns": self = .turns
        case "synthetic": self = .synthetic
        case "replay": self = .replay
        case "load-shipped": self = .loadShipped
        case "load-generated":
            guard arguments.count > 1, let n = Int(arguments[1]), n >= 100 else { return nil }
            self = .loadGenerated(nodes: n)
        case "explore": self = .explore
        case "understand": self = .understand
        default: return nil
        }
    }

    var arguments: [String] {
        switch self {
        case .baseline: return ["baseline"]
        case .turns: return ["turns"]
        case .synthetic: return ["synthetic"]
        case .replay: return ["replay"]
        case .loadShipped: return ["load-shipped"]
        case .loadGenerated(let n): return ["load-generated", String(n)]
        case .explore: return ["explore"]
        case .understand: return ["understand"]
        }
    }

    /// Everything `bench` (or `bench all`) runs, in order.
    static let all: [Mode] = [
        .baseline, .turns, .synthetic, .replay, .loadShipped,
        .loadGenerated(nodes: 1_000), .loadGenerated(nodes: 10_000), .loadGenerated(nodes: 100_000), .explore, .understand,
    ]

    /// The seed of the generated dialog sets and synthetic conversations.
    static let seed: UInt64 = 20_240_601

    func run(options: Options) throws -> Recorder {
        var r = Recorder()
        let scale = options.quick ? 0.1 : 1.0
        let minTime = Duration.milliseconds(Int64(1500 * scale))
        switch self {
        case .baseline:
            break
        case .turns:
            let shipped = try ShippedSet.load(folder: options.dialogs)
            let engine = Engine(graph: shipped.graph)
            let conversations = TurnLatency.conversations(from: shipped.transcripts, engine: engine)
            guard !conversations.isEmpty else { throw BenchError("no transcripts in \(shipped.folder)/transcripts") }
            let (samples, cpu) = TurnLatency(engine: engine, conversations: conversations)
                .measure(warmup: Int(50 * scale) + 1, minPasses: Int(200 * scale) + 1, minTime: minTime)
            record(samples.summary(), as: "turn.transcripts", into: &r)
            r.record("turn.transcripts.cpu_mean", Double(cpu) / Double(max(1, samples.count)), "ns")
            r.record("turn.transcripts.conversations", Double(conversations.count), "count")
            r.record("timer.reading", Stopwatch.readingOverhead(), "ns")
        case .synthetic:
            let shipped = try ShippedSet.load(folder: options.dialogs)
            let engine = Engine(graph: shipped.graph)
            let conversations = InputSynthesizer(engine: engine, maxTurns: 80).conversations(count: 300, seed: Self.seed)
            let (samples, cpu) = TurnLatency(engine: engine, conversations: conversations)
                .measure(warmup: Int(10 * scale) + 1, minPasses: Int(30 * scale) + 1, minTime: minTime)
            record(samples.summary(), as: "turn.synthetic", into: &r)
            r.record("turn.synthetic.cpu_mean", Double(cpu) / Double(max(1, samples.count)), "ns")
            r.record("turn.synthetic.conversations", Double(conversations.count), "count")
        case .replay:
            let shipped = try ShippedSet.load(folder: options.dialogs)
            let engine = Engine(graph: shipped.graph)
            guard !shipped.transcripts.isEmpty else { throw BenchError("no transcripts in \(shipped.folder)/transcripts") }
            let bench = ReplayThroughput(
                engine: engine, transcripts: shipped.transcripts,
                conversations: TurnLatency.conversations(from: shipped.transcripts, engine: engine))
            let (full, failed) = bench.replayer(warmup: Int(20 * scale) + 1, minTime: minTime)
            record(full, as: "replay.full", into: &r)
            let raw = bench.rawSteps(warmup: Int(50 * scale) + 1, minTime: minTime)
            record(raw, as: "replay.raw", into: &r)
            r.record("replay.transcripts", Double(shipped.transcripts.count), "count")
            if !failed.isEmpty {
                r.note("\(failed.count) of \(shipped.transcripts.count) transcripts do not replay cleanly (still timed): " + failed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))
            }
        case .loadShipped:
            let shipped = try ShippedSet.load(folder: options.dialogs)
            let load = LoadValidate(sources: shipped.sources)
            let runs = load.measure(warmup: 5, minIterations: Int(100 * scale) + 1, maxIterations: 10_000, minTime: minTime)
            record(runs, as: "load.shipped", into: &r)
            r.record("load.shipped.nodes", Double(shipped.graph.nodes.count), "count")
            r.record("load.shipped.files", Double(shipped.sources.count), "count")
            r.record("load.shipped.bytes", Double(load.bytes), "bytes")
            let disk = Stopwatch.measure(warmup: 2, minIterations: Int(50 * scale) + 1, maxIterations: 10_000, minTime: minTime / 3) {
                DialogLoader.load(paths: [options.dialogs])
            }
            record(disk, as: "load.shipped_from_disk", into: &r)
            // Opening the compiled form of the same set (what a chat does when its cache is current): the
            // header, the sources compared, the checksum, and every node checked, none decoded.
            let stamp = Array("bench".utf8)
            let form = CompiledDialogs.encode(shipped.graph, sources: shipped.sources, stamp: stamp)
            guard CompiledDialogs.decode(form, sources: shipped.sources, stamp: stamp) != nil else {
                throw BenchError("the shipped set's compiled form does not open")
            }
            let open = Stopwatch.measure(warmup: 5, minIterations: Int(200 * scale) + 1, maxIterations: 10_000, minTime: minTime / 3) {
                CompiledDialogs.decode(form, sources: shipped.sources, stamp: stamp)
            }
            record(open, as: "load.shipped_compiled", into: &r)
            r.record("load.shipped_compiled.bytes", Double(form.count), "bytes")
        case .loadGenerated(let n):
            let sources = DialogGenerator(nodeCount: n, seed: Self.seed).sources()
            let load = LoadValidate(sources: sources)
            let (nodes, errors, warnings) = load.check()
            r.record("gen.\(n).nodes", Double(nodes), "count")
            r.record("gen.\(n).files", Double(sources.count), "count")
            r.record("gen.\(n).bytes", Double(load.bytes), "bytes")
            r.record("gen.\(n).errors", Double(errors.count), "count")
            r.record("gen.\(n).warnings", Double(warnings.count), "count")
            for d in (errors + warnings).prefix(10) { r.note("generated \(n): \(d)") }
            if !errors.isEmpty || nodes != n {
                r.fail("the generated \(n)-node set does not validate cleanly (\(errors.count) errors, \(nodes) nodes linked)")
                return r
            }
            let iterations = n >= 100_000 ? 5 : n >= 10_000 ? 15 : 50
            let runs = load.measure(
                warmup: n >= 100_000 ? 1 : 3, minIterations: options.quick ? 2 : iterations, maxIterations: options.quick ? 3 : 200,
                minTime: n >= 100_000 ? .zero : minTime)
            record(runs, as: "load.gen.\(n)", into: &r)
        case .explore:
            let shipped = try ShippedSet.load(folder: options.dialogs)
            Explore(graph: shipped.graph).measure(iterations: options.quick ? 1 : 3, into: &r)
        case .understand:
            let shipped = try ShippedSet.load(folder: options.dialogs)
            let lines = Double(LongLines.lines.count)
            let (read, turn, choice, sentences) = LongLines(engine: Engine(graph: shipped.graph)).measure(minTime: minTime, scale: scale)
            r.record("understand.line2000.read_median", read.wall.summary().median / lines, "ns")
            r.record("understand.line2000.turn_median", turn.wall.summary().median / lines, "ns")
            r.record("understand.line2000.turn_p99", turn.wall.summary().percentile(99) / lines, "ns")
            r.record("understand.line2000.choice_turn_median", choice.wall.summary().median / lines, "ns")
            r.record("understand.sentences2000.turn_median", sentences.wall.summary().median, "ns")
            // Processor time too: the wall-clock figures above grow when other work shares the machine.
            r.record("understand.line2000.turn_cpu_median", turn.cpu.summary().median / lines, "ns")
            r.record("understand.line2000.choice_turn_cpu_median", choice.cpu.summary().median / lines, "ns")
            r.record("understand.sentences2000.turn_cpu_median", sentences.cpu.summary().median, "ns")
        }
        return r
    }

    private func record(_ runs: Stopwatch.Runs, as key: String, into r: inout Recorder) {
        record(runs.wall.summary(), as: key, into: &r)
        let cpu = runs.cpu.summary()
        r.record(key + ".cpu_median", cpu.median, "ns")
        r.record(key + ".cpu_min", cpu.min, "ns")
    }

    private func record(_ rate: ReplayThroughput.Rate, as key: String, into r: inout Recorder) {
        r.record(key + ".turns", rate.turnsPerSecond, "per_s")
        r.record(key + ".transcripts", rate.transcriptsPerSecond, "per_s")
        r.record(key + ".cpu_turns", rate.turnsPerCPUSecond, "per_cpu_s")
        r.record(key + ".cpu_transcripts", rate.transcriptsPerCPUSecond, "per_cpu_s")
    }

    private func record(_ s: Samples.Summary, as key: String, into r: inout Recorder) {
        r.record(key + ".count", Double(s.count), "count")
        r.record(key + ".min", s.min, "ns")
        r.record(key + ".median", s.median, "ns")
        r.record(key + ".p90", s.percentile(90), "ns")
        r.record(key + ".p99", s.percentile(99), "ns")
        r.record(key + ".p999", s.percentile(99.9), "ns")
        r.record(key + ".max", s.max, "ns")
        r.record(key + ".mean", s.mean, "ns")
    }
}

/// Command-line options shared by every mode.
struct Options {
    var quick = false
    var dialogs = ShippedSet.locate(nil)
}
