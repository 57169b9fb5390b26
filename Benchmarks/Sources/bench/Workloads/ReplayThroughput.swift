import DialogCore
import DialogTools

/// Replay throughput on one core: whole transcripts through `Replayer.replay` (tracing, formatting,
/// assertions and the diff included), and the same inputs as raw `Engine.step` calls.
struct ReplayThroughput {
    let engine: Engine
    let transcripts: [(file: String, transcript: Transcript)]
    let conversations: [InputSynthesizer.Conversation]

    /// Rates per second of wall time and per second of this thread's CPU time.
    struct Rate {
        var turnsPerSecond: Double
        var transcriptsPerSecond: Double
        var turnsPerCPUSecond: Double
        var transcriptsPerCPUSecond: Double
    }

    /// Full replays, repeated for at least `minTime` after `warmup` rounds. Also returns how many transcripts failed.
    func replayer(warmup: Int, minTime: Duration) -> (Rate, failed: [String]) {
        var failed: [String] = []
        for _ in 0..<warmup {
            failed = transcripts.filter { !Replayer.replay($0.transcript, engine: engine, file: $0.file).passed }.map(\.file)
        }
        var turns = 0
        var count = 0
        let start = Stopwatch.clock.now
        let cpu = Stopwatch.threadCPU()
        repeat {
            for t in transcripts {
                let result = Replayer.replay(t.transcript, engine: engine, file: t.file)
                turns += result.turns + 1  // the `.start` step counts as a turn
                count += 1
            }
        } while Stopwatch.clock.now - start < minTime
        return (rate(turns: turns, count: count, since: start, cpu: cpu), failed)
    }

    /// The same conversations as bare engine steps, no per-step clock.
    func rawSteps(warmup: Int, minTime: Duration) -> Rate {
        var sink = 0
        for _ in 0..<warmup { sink &+= run() }
        let turnsPerRound = conversations.reduce(0) { $0 + $1.inputs.count + 1 }
        var rounds = 0
        let start = Stopwatch.clock.now
        let cpu = Stopwatch.threadCPU()
        repeat {
            sink &+= run()
            rounds += 1
        } while Stopwatch.clock.now - start < minTime
        Opaque.consume(sink)
        return rate(turns: rounds * turnsPerRound, count: rounds * conversations.count, since: start, cpu: cpu)
    }

    private func run() -> Int {
        var produced = 0
        for c in conversations {
            var (state, outputs) = engine.step(EngineState(seed: c.seed), .start)
            produced &+= outputs.count
            for input in c.inputs {
                (state, outputs) = engine.step(state, .line(input))
                produced &+= outputs.count
            }
        }
        return produced
    }

    private func rate(turns: Int, count: Int, since start: ContinuousClock.Instant, cpu: Int64) -> Rate {
        let seconds = Double(Stopwatch.nanoseconds(Stopwatch.clock.now - start)) / 1e9
        let cpuSeconds = Double(Stopwatch.threadCPU() - cpu) / 1e9
        return Rate(
            turnsPerSecond: Double(turns) / seconds, transcriptsPerSecond: Double(count) / seconds,
            turnsPerCPUSecond: Double(turns) / cpuSeconds, transcriptsPerCPUSecond: Double(count) / cpuSeconds)
    }
}
