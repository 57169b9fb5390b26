import DialogEngine
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
