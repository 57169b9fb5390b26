@testable import DialogCore
@testable import DialogTools
import Foundation
import Testing

/// `Explorer` proves a correct fixture and catches broken ones with counterexamples `Replayer` reproduces.
@Suite struct ExplorerTests {
    @Test func provesACorrectDialogSet() throws {
        let report = Explorer(graph: try ExploreFixtures.graph("good")).run()
        #expect(report.passed, Comment(rawValue: report.failures.map(\.message).joined(separator: "\n")))
        #expect(report.states == 7)
        #expect(report.paths == .count(4))
        #expect(report.redFlags == ["chest"])
        #expect(report.proofs.contains(.property("topic_before_letter")))
    }

    @Test func aPlaceholderWithoutFallbackOnASkippedSlotIsAMissingSlot() throws {
        let graph = try ExploreFixtures.graph("missing_slot")
        let report = Explorer(graph: graph).run()
        let failures = report.failures(of: .documentsComplete)
        let first = try #require(failures.first)
        #expect(first.inputs == ["skip"])
        #expect(first.message.contains("'name'"))
        #expect(try ExploreFixtures.replays(first.transcript, on: graph))
        #expect(first.transcript.headerPairs.first?.value == "documents-complete")
    }

    @Test func aPlaceholderWithoutFallbackInWhatANodeSaysIsAMissingSlot() throws {
        let graph = try ExploreFixtures.graph("missing_slot_in_say")
        let report = Explorer(graph: graph).run()
        let first = try #require(report.failures(of: .textsComplete).first)
        #expect(first.inputs == ["skip"])
        #expect(first.message == "node 'main.thanks' says a text without slot 'name' (give the placeholder a fallback: {{slot|words}})")
        #expect(try ExploreFixtures.replays(first.transcript, on: graph))
        #expect(report.failures(of: .documentsComplete).isEmpty)
    }

    @Test func aLoopOnlyOneAnswerLeavesIsAStateThatCannotEnd() throws {
        let graph = try ExploreFixtures.graph("no_end")
        let report = Explorer(graph: graph).run()
        let failure = try #require(report.failures(of: .reachesEnd).first)
        #expect(failure.transcript.lines.contains(.assertion("at main.ask_go")))
        #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
        #expect(report.paths == .cyclic(5))
    }

    @Test func aDroppedEdgeIsCaughtWithACounterexample() throws {
        let graph = try ExploreFixtures.graph("good")
        let drop = Mutation(
            change: .dropEdge(node: NodeID(dialog: "main", node: "ask_topic"), edge: 1), description: "", location: .unknown)
        let broken = drop.apply(to: graph)
        let report = Explorer(graph: broken).run()
        let failure = try #require(report.failures(of: .noFault).first)
        #expect(failure.message.contains("no way on"))
        #expect(try ExploreFixtures.replays(failure.transcript, on: broken))
        #expect(try !ExploreFixtures.replays(failure.transcript, on: graph))
    }

    @Test func aRedFlagShadowedByAnotherInterruptDoesNotFire() throws {
        let graph = try ExploreFixtures.graph("shadowed_red_flag")
        let failure = try #require(Explorer(graph: graph).run().failures(of: .redFlags).first)
        #expect(failure.inputs == ["chest pain"])
        #expect(failure.message.contains("'faq_pain' fired instead"))
        #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
    }

    @Test func aQuestionAskedAgainWithAnAnswerIsReported() throws {
        let graph = try ExploreFixtures.graph("no_end")
        let failure = try #require(Explorer(graph: graph).run().failures(of: .askedOnce).first)
        #expect(failure.message.contains("'main.ask_go' asks for 'go'"))
        #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
    }

    /// The interrupt's flow sets `helped`, which only the letter reads, and never reads `name`: the
    /// flow is explored once for every caller, and the fault needs both the flow's answer and the
    /// caller's skipped name.
    @Test func aFaultOnlyAnInterruptFlowsAnswerLeadsToIsFound() throws {
        let graph = try ExploreFixtures.graph("flow_exit")
        let report = Explorer(graph: graph).run()
        let failure = try #require(report.failures(of: .documentsComplete).first)
        #expect(failure.message.contains("'name'"))
        #expect(failure.inputs.first == "skip")
        #expect(failure.inputs.contains("i am worried"))
        #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
        #expect(report.failures.allSatisfy { $0.proof == .documentsComplete }, Comment(rawValue: report.failures.map(\.message).joined(separator: "\n")))
    }

    @Test func theStateLimitIsAFailure() throws {
        let report = Explorer(graph: try ExploreFixtures.graph("good"), options: .init(maxStates: 3)).run()
        #expect(!report.failures(of: .complete).isEmpty)
    }

    @Test func inputsCoverBoundariesAndOneOutOfRange() {
        #expect(ExploreInputs.numbers(min: 0, max: 52, integer: true) == ["0", "52", "26", "53"])
        #expect(ExploreInputs.numbers(min: 1, max: nil, integer: false) == ["1", "101", "51", "0"])
        #expect(ExploreInputs.typed("tumo* growth") == "tumo growth")
    }
}
