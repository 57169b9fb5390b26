import DialogCore
import DialogTools
import Testing

/// Replay and explore carry how each typed line was read, with the rule that decided.
@Suite struct ReadingTraceTests {
    static let graph = ShippedLanguageTests.graph

    @Test func aRedFlagLineIsReadWithItsRuleAndContext() throws {
        var engine = Engine(graph: try #require(Self.graph))
        engine.tracing = true
        let draft = try Transcript.parse("# seed: 1\nyou: yes\nyou: right now her face is drooping and she can't lift her arm\n").get()
        let result = Replayer.replay(draft, engine: engine, file: "t.transcript")
        #expect(result.readings.count == 2)
        let reading = result.readings.last?.joined(separator: "; ") ?? ""
        #expect(reading.contains("red flag 'stroke'"), "\(reading)")
        #expect(reading.contains("redflags.json:"), "\(reading)")
        #expect(reading.contains("current"), "\(reading)")
    }
}

extension ReadingTraceTests {
    @Test func anAnswerIsReadWithTheConceptThatNamedItAndWhatWasSetAside() throws {
        let probe = UnderstandingProbe(graph: try #require(Self.graph))
        let outcome = probe.run("my employer's Vitality plan, not the NHS", at: try #require(NodeID(qualified: "insurance.ask_uk")), country: "gb")
        let readings = outcome.readings.joined(separator: "\n")
        #expect(readings.contains("private by @"), "\(readings)")
        #expect(readings.contains("set aside by"), "\(readings)")
        #expect(readings.contains("recorded insurance.uk = 'private'"), "\(readings)")
    }

    @Test func aYesNoAnswerSaysWhichPhrasesDecided() throws {
        let probe = UnderstandingProbe(graph: try #require(Self.graph))
        let outcome = probe.run("my son's coming with me", at: try #require(NodeID(qualified: "prepare.ask_companion")))
        #expect(outcome.readings.contains { $0.hasPrefix("yes/no by meaning: yes") }, "\(outcome.readings)")
    }
}

/// A second miss in a row is not met with the same words.
@Suite struct VariedRepromptTests {
    @Test func theSecondMissSaysSoAndWhatTheQuestionTakes() throws {
        let graph = try #require(ShippedLanguageTests.graph)
        let probe = UnderstandingProbe(graph: graph)
        _ = probe
        let engine = Engine(graph: graph)
        var state = EngineState(seed: 1)
        state.position = try #require(NodeID(qualified: "insurance.ask_us"))
        state.slots["country"] = .choice("us")
        var outputs: [Output]
        (state, outputs) = engine.step(state, .line("purple elephants"))
        let first = outputs.compactMap { if case .text(let t, .reprompt) = $0 { return t } else { return nil } }
        (state, outputs) = engine.step(state, .line("seventeen bananas"))
        let second = outputs.compactMap { if case .text(let t, .reprompt) = $0 { return t } else { return nil } }
        #expect(first == ["Please pick a number from the list, or say 'not sure'."])
        #expect(second.count == 1 && second != first)
        #expect(second.first?.hasPrefix(graph.messages[.questionAgain]) == true)
        #expect(second.first?.contains(graph.messages[.acceptsChoice]) == true)
        #expect(state.position?.description == "insurance.ask_us")
    }
}
