/// The outcome of running a transcript suite against every mutant of a graph.
package struct MutationReport: Sendable {
    /// One mutant and what became of it.
    package struct Outcome: Sendable {
        package var mutation: Mutation
        /// The first transcript that noticed the change; nil when the mutant survived.
        package var killedBy: String?
        package var killed: Bool { killedBy != nil }
    }

    package var outcomes: [Outcome]
    /// Transcripts that fail on the graph as it is: left out, since they cannot tell a mutant apart.
    package var failingBeforeMutation: [String]
    /// Transcripts replayed against the mutants.
    package var transcripts: Int
    /// Transcript replays done.
    package var replays: Int

    package var killed: Int { outcomes.filter(\.killed).count }
    package var survivors: [Outcome] { outcomes.filter { !$0.killed } }
    /// Killed mutants, in percent of all mutants (100 when there are none).
    package var score: Double { outcomes.isEmpty ? 100 : Double(killed) * 100 / Double(outcomes.count) }

    /// Killed and total per kind of change, in the order kinds first appear.
    package var byKind: [(kind: String, killed: Int, total: Int)] {
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
