import DialogCore

/// Runs a transcript suite against every mutant of a graph, in process.
///
/// ```swift
/// let report = MutationRunner.run(graph: graph, transcripts: [("01.transcript", transcript)])
/// print(report.score)   // 87.5
/// ```
///
/// A mutant is killed when any transcript no longer replays (a different line, or a failed `@`
/// assertion). Only transcripts that reach the mutated part (the node, the document, a question for the
/// slot) are replayed against a mutant: the others cannot behave differently.
package enum MutationRunner {
    /// A transcript to replay and the name to report it by.
    package struct Case: Sendable {
        package var name: String
        package var transcript: Transcript
        package init(name: String, transcript: Transcript) {
            self.name = name
            self.transcript = transcript
        }
    }

    package static func run(graph: DialogGraph, transcripts: [Case], mutations: [Mutation]? = nil) -> MutationReport {
        let engine = Engine(graph: graph)
        var passing: [(Case, Set<NodeID>, Set<String>)] = []
        var failing: [String] = []
        var replays = 0
        for c in transcripts {
            let result = Replayer.replay(c.transcript, engine: engine, file: c.name)
            replays += 1
            guard result.passed else {
                failing.append(c.name)
                continue
            }
            var nodes: Set<NodeID> = []
            var documents: Set<String> = []
            for case .enter(let id) in result.trace {
                nodes.insert(id)
                for d in graph.nodes[id]?.documents ?? [] { documents.insert(d) }
            }
            passing.append((c, nodes, documents))
        }
        var outcomes: [MutationReport.Outcome] = []
        for mutation in mutations ?? Mutation.all(of: graph) {
            let reach = mutation.reach(in: graph)
            let mutant = Engine(graph: mutation.apply(to: graph))
            var killer: String?
            for (c, nodes, documents) in passing where !reach.nodes.isDisjoint(with: nodes) || !reach.documents.isDisjoint(with: documents) {
                replays += 1
                if !Replayer.replay(c.transcript, engine: mutant, file: c.name).passed {
                    killer = c.name
                    break
                }
            }
            outcomes.append(MutationReport.Outcome(mutation: mutation, killedBy: killer))
        }
        return MutationReport(outcomes: outcomes, failingBeforeMutation: failing, transcripts: passing.count, replays: replays)
    }
}
