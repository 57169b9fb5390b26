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
}
