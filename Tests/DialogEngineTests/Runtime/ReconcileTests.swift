import DialogCore
import DialogLoading
import Foundation
import Testing

/// A conversation carried over to changed dialogs (`reload`, or a session saved before an update).
@Suite struct ReconcileTests {
    static func sources(editing edit: (String) -> String = { $0 }) throws -> [DialogLoader.Source] {
        try ["main.json", "tips.json", "urgent.json"].map { name in
            let text = try String(contentsOfFile: Fixtures.small + "/" + name, encoding: .utf8)
            return DialogLoader.Source(name: name, bytes: Array((name == "main.json" ? edit(text) : text).utf8))
        }
    }

    func stateAtSurgeryQuestion() throws -> EngineState {
        let engine = Engine(graph: try #require(DialogLoader.load(sources: try Self.sources()).graph))
        var (state, _) = engine.step(EngineState(seed: 1), .start)
        for line in ["uk", "a tumour"] { state = engine.step(state, .line(line)).0 }
        #expect(state.position?.node == "ask_surgery")
        return state
    }

    @Test func unchangedDialogsKeepEverything() throws {
        let state = try stateAtSurgeryQuestion()
        let engine = Engine(graph: try #require(DialogLoader.load(sources: try Self.sources()).graph))
        let (fitted, notes) = engine.reconcile(state)
        #expect(fitted == state)
        #expect(notes.isEmpty)
    }

    @Test func removedQuestionFallsBackToTheNearestEarlierOne() throws {
        let state = try stateAtSurgeryQuestion()
        let changed = try Self.sources {
            $0.replacingOccurrences(of: "\"ask_surgery\"", with: "\"ask_operation\"")
        }
        let result = DialogLoader.load(sources: changed)
        let engine = Engine(graph: try #require(result.graph, Comment(rawValue: "\(result.diagnostics)")))
        let (fitted, notes) = engine.reconcile(state)
        let f = try #require(fitted)
        #expect(f.position?.node == "ask_diagnosis")
        #expect(f.slots["country"] == .choice("uk"))
        #expect(notes.contains { $0.contains("nearest earlier") })
    }

    @Test func answersThatNoLongerFitAreDropped() throws {
        let state = try stateAtSurgeryQuestion()
        let changed = try Self.sources {
            $0.replacingOccurrences(of: "{ \"value\": \"uk\",", with: "{ \"value\": \"gb\",").replacingOccurrences(of: "country == 'uk'", with: "country == 'gb'")
        }
        let engine = Engine(graph: try #require(DialogLoader.load(sources: changed).graph))
        let (fitted, notes) = engine.reconcile(state)
        #expect(fitted?.slots["country"] == nil)
        #expect(fitted?.slots["diagnosis"] == .text("a tumour"))
        #expect(notes.first?.contains("no longer apply") == true)
    }

    // MARK: - adopt: one call for resuming and reloading

    static func lines(_ outputs: [Output]) -> [String] {
        outputs.flatMap { OutputFormatter.lines($0, messages: .english) }
    }

    @Test func adoptingWithUnchangedDialogsShowsTheQuestionAgain() throws {
        let state = try stateAtSurgeryQuestion()
        let engine = Engine(graph: try #require(DialogLoader.load(sources: try Self.sources()).graph))
        let adoption = engine.adopt(state)
        #expect(adoption.outcome == .kept)
        #expect(adoption.notes.isEmpty && adoption.dropped.isEmpty)
        #expect(adoption.state.slots == state.slots)
        #expect(Self.lines(adoption.outputs) == ["Has an operation been suggested?"])
    }

    @Test func adoptingNamesADroppedAnswerAndAsksItsQuestionAgain() throws {
        let state = try stateAtSurgeryQuestion()
        let old = try #require(DialogLoader.load(sources: try Self.sources()).graph)
        let changed = try Self.sources {
            $0.replacingOccurrences(of: "{ \"value\": \"uk\",", with: "{ \"value\": \"gb\",").replacingOccurrences(of: "country == 'uk'", with: "country == 'gb'")
        }
        let engine = Engine(graph: try #require(DialogLoader.load(sources: changed).graph))
        let adoption = engine.adopt(state, before: old)
        #expect(adoption.dropped == ["country"])
        #expect(
            adoption.notes == [
                "Dropped 1 answer that no longer fits the dialogs: Where you get care (United Kingdom).", "Asking again from main.ask_country.",
            ])
        #expect(adoption.outcome == .askingAgain(NodeID(dialog: "main", node: "ask_country")))
        #expect(adoption.state.position == NodeID(dialog: "main", node: "ask_country"))
        #expect(adoption.state.slots["diagnosis"] == .text("a tumour"))
        #expect(adoption.state.slots["country"] == nil)
        #expect(Self.lines(adoption.outputs).first == "Where do you get your care?")
        // A saved session has no dialogs from before: the slot's label is this graph's.
        #expect(engine.adopt(state).notes.first?.hasPrefix("Dropped 1 answer that no longer fits the dialogs: Where you get care") == true)
    }

    @Test func adoptingStartsAgainKeepingAnswersWhenNoQuestionIsLeft() throws {
        let state = try stateAtSurgeryQuestion()
        let changed = try Self.sources {
            $0.replacingOccurrences(of: "\"ask_country\"", with: "\"ask_where\"").replacingOccurrences(of: "\"ask_diagnosis\"", with: "\"ask_what\"")
                .replacingOccurrences(of: "\"ask_surgery\"", with: "\"ask_operation\"")
        }
        let result = DialogLoader.load(sources: changed)
        let engine = Engine(graph: try #require(result.graph, Comment(rawValue: "\(result.diagnostics)")))
        let adoption = engine.adopt(state)
        #expect(adoption.outcome == .restarted)
        #expect(adoption.notes.last == "Starting again from the beginning, keeping the answers that still apply.")
        #expect(adoption.state.position == NodeID(dialog: "main", node: "ask_where"))
        #expect(adoption.state.slots["country"] == .choice("uk"))
        #expect(adoption.state.slots["diagnosis"] == .text("a tumour"))
    }
}
