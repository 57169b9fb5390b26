/// The outcome of running a transcript suite against every mutant of a graph.
public struct MutationReport: Sendable {
    /// One mutant and what became of it.
    public struct Outcome: Sendable {
        public var mutation: Mutation
        /// The first transcript that noticed the change; nil when the mutant survived.
        public var killedBy: String?
        public var killed: Bool { killedBy != nil }
    }

    public var outcomes: [Outcome]
    /// Transcripts that fail on the graph as it is: left out, since they cannot tell a mutant apart.
    public var failingBeforeMutation: [String]
    /// Transcripts replayed against the mutants.
    public var transcripts: Int
    /// Transcript replays done.
    public var replays: Int

    public var killed: Int { outcomes.filter(\.killed).count }
    public var survivors: [Outcome] { outcomes.filter { !$0.killed } }
    /// Killed mutants, in percent of all mutants (100 when there are none).
    public var score: Double { outcomes.isEmpty ? 100 : Double(killed) * 100 / Double(outcomes.count) }

    /// Killed and total per kind of change, in the order kinds first appear.
    public var byKind: [(kind: String, killed: Int, total: Int)] {
        var order: [String] = []
        var counts: [String: (Int, Int)] = [:]
        for o in outcomes {
            let k = o.mutation.kind
            if counts[k] == nil { order.append(k) }
            let c = counts[k] ?? (0, 0)
            counts[k] = (c.0 + (o.killed ? 1 : 0), c.1 + 1)
        }
        return order.map { ($0, counts[$0]?.0 ?? 0, counts[$0]?.1 ?? 0) }
    }
}
