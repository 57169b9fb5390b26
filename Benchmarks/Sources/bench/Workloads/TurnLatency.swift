import DialogCore
import DialogTools

/// Per-turn latency: every `Engine.step` of a set of conversations timed on its own, in process,
/// with no I/O; the conversations are replayed again and again after a warm-up.
struct TurnLatency {
    let engine: Engine
    let conversations: [InputSynthesizer.Conversation]

    /// The inputs of each transcript, up to and including a `quit` (the replayer reads no further).
    static func conversations(from transcripts: [(file: String, transcript: Transcript)], engine: Engine)
        -> [InputSynthesizer.Conversation]
    {
        transcripts.map { item in
            var (state, _) = engine.step(EngineState(seed: item.transcript.seed), .start)
            var inputs: [String] = []
            for input in item.transcript.inputs {
                inputs.append(input)
                let outputs: [Output]
                (state, outputs) = engine.step(state, .line(input))
                if outputs.contains(.quit) { break }
            }
            return InputSynthesizer.Conversation(seed: item.transcript.seed, inputs: inputs)
        }
    }

    /// Times each step (the `.start` step included) over `passes` runs of all conversations after `warmup` runs.
    func measure(warmup: Int, minPasses: Int, minTime: Duration) -> (samples: Samples, cpuNanoseconds: Int64) {
        var sink = 0
        var discarded = Samples()
        for _ in 0..<warmup { sink &+= pass(record: false, into: &discarded) }
        let turnsPerPass = conversations.reduce(0) { $0 + $1.inputs.count + 1 }
        var samples = Samples(reservingCapacity: turnsPerPass * minPasses)
        let start = Stopwatch.clock.now
        let cpu = Stopwatch.threadCPU()
        var passes = 0
        while passes < minPasses || Stopwatch.clock.now - start < minTime {
            sink &+= pass(record: true, into: &samples)
            passes += 1
        }
        let cpuUsed = Stopwatch.threadCPU() - cpu
        Opaque.consume(sink)
        return (samples, cpuUsed)
    }

    private func pass(record: Bool, into samples: inout Samples) -> Int {
        var produced = 0
        for c in conversations {
            var state = EngineState(seed: c.seed)
            var outputs: [Output]
            let clock = Stopwatch.clock
            var t0 = clock.now
            (state, outputs) = engine.step(state, .start)
            var t1 = clock.now
            if record { samples.append(Stopwatch.nanoseconds(t1 - t0)) }
            produced &+= outputs.count
            for input in c.inputs {
                t0 = clock.now
                (state, outputs) = engine.step(state, .line(input))
                t1 = clock.now
                if record { samples.append(Stopwatch.nanoseconds(t1 - t0)) }
                produced &+= outputs.count
            }
        }
        return produced
    }
}
