import DialogCore
import DialogTools
import Foundation
import Testing

/// Coverage counted from replay traces, on the small `good` fixture and one transcript.
@Suite struct CoverageTests {
    func coverage() throws -> Coverage {
        let graph = try ExploreFixtures.graph("good")
        let transcript = try ExploreFixtures.transcript("good", "heart.transcript")
        let result = Replayer.replay(transcript, engine: Engine(graph: graph), file: "heart.transcript")
        #expect(result.passed, Comment(rawValue: result.diff))
        return Coverage(graph: graph, traces: [result.trace])
    }

    @Test func countsEachKindOfThingReached() throws {
        let total = try coverage().total
        #expect(total.nodes == Coverage.Count(covered: 6, total: 7))
        #expect(total.edges == Coverage.Count(covered: 5, total: 6))
        #expect(total.conditions == Coverage.Count(covered: 1, total: 2))
        #expect(total.variants == Coverage.Count(covered: 1, total: 2))
        #expect(total.reprompts == Coverage.Count(covered: 1, total: 3))
        #expect(total.documentItems == Coverage.Count(covered: 3, total: 3))
        #expect(total.dialog == "total")
    }

    @Test func namesWhatWasMissed() throws {
        let missed = try coverage().missed
        #expect(missed.nodes == ["main.urgent"])
        #expect(missed.edges == ["main.ask_topic edge 2 → main.ask_weeks"])
        #expect(missed.conditions == ["main.ask_topic edge 1 'if topic == 'heart'' was never false"])
        #expect(missed.reprompts == ["main.ask_name", "main.ask_weeks"])
        #expect(missed.documentItems.isEmpty)
    }

    @Test func percentagesAndPerDialogRows() throws {
        let c = try coverage()
        #expect(c.dialogs.map(\.dialog) == ["main"])
        #expect(abs(c.total.nodes.percent - 600.0 / 7) < 1e-9)
        #expect(Coverage.Count().percent == 100)
    }

    @Test func aCallEdgeIsTakenWhenTheCalleeIsEnteredRightAfterTheCaller() throws {
        let graph = try #require(ShippedExplore.load.graph)
        let caller = NodeID(dialog: "main", node: "run_situation")
        let callee = try #require(graph.dialogs["situation"]?.start)
        let taken = Coverage(graph: graph, traces: [[.enter(caller), .enter(callee)]])
        #expect(!taken.missed.edges.contains("main.run_situation call → \(callee)"))
        let notTaken = Coverage(graph: graph, traces: [[.enter(caller)]])
        #expect(notTaken.missed.edges.contains("main.run_situation call → \(callee)"))
    }

    @Test func encodesAsJSONWithPercentages() throws {
        let data = try JSONEncoder().encode(try coverage())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"percent\""))
        #expect(text.contains("\"documentItems\""))
    }
}
