import DialogCore
import DialogTools
import Testing

/// Mutants of the `good` fixture against its one transcript.
@Suite struct MutationTests {
    static func run() throws -> MutationReport {
        let graph = try ExploreFixtures.graph("good")
        let transcript = try ExploreFixtures.transcript("good", "heart.transcript")
        return MutationRunner.run(graph: graph, transcripts: [.init(name: "heart.transcript", transcript: transcript)])
    }

    func outcome(_ report: MutationReport, _ change: Mutation.Change) throws -> MutationReport.Outcome {
        try #require(report.outcomes.first { $0.mutation.change == change })
    }

    static let askTopic = NodeID(dialog: "main", node: "ask_topic")

    @Test func mutantsComeInAFixedOrder() throws {
        let graph = try ExploreFixtures.graph("good")
        let all = Mutation.all(of: graph)
        #expect(all == Mutation.all(of: graph))
        #expect(all.first?.kind == "flip-condition")
        #expect(Set(all.map(\.kind)) == ["flip-condition", "drop-edge", "retarget", "drop-item", "swap-options"])
    }

    @Test func aMutantThatChangesBehaviourIsKilled() throws {
        let report = try Self.run()
        #expect(report.failingBeforeMutation.isEmpty)
        #expect(try outcome(report, .flipCondition(node: Self.askTopic, edge: 0)).killedBy == "heart.transcript")
        #expect(try outcome(report, .dropDocumentItem(document: "letter", item: 2)).killed)
        #expect(try outcome(report, .swapOptions(slot: "topic", first: 0, second: 1)).killed)
    }

    @Test func aMutantOffThePathSurvives() throws {
        let report = try Self.run()
        let survivor = try outcome(report, .dropEdge(node: Self.askTopic, edge: 1))
        #expect(!survivor.killed)
        #expect(report.survivors.contains { $0.mutation.change == survivor.mutation.change })
        #expect(report.score > 0 && report.score < 100)
        #expect(report.byKind.map(\.total).reduce(0, +) == report.outcomes.count)
    }

    @Test func applyingAMutationLeavesTheOriginalAlone() throws {
        let graph = try ExploreFixtures.graph("good")
        let flip = Mutation(change: .flipCondition(node: Self.askTopic, edge: 0), description: "", location: .unknown)
        let mutant = flip.apply(to: graph)
        #expect(mutant.nodes[Self.askTopic]?.edges.first?.condition?.description == "not (topic == 'heart')")
        #expect(graph.nodes[Self.askTopic]?.edges.first?.condition?.description == "topic == 'heart'")
    }
}
