import DialogCore
import DialogLoading
import DialogTools
import Testing

/// Replay finds differences, reports where, and `--update` output replays clean.
@Suite struct ReplayerTests {
    static let engine = Engine(graph: EngineTests.graph)

    @Test func updatedTranscriptReplaysCleanAndAStaleOneShowsADiff() throws {
        let draft = try Transcript.parse("# seed: 3\nyou: uk\nyou: skip\n@ at main.ask_surgery\n@ expect country == 'uk'\n").get()
        let first = Replayer.replay(draft, engine: Self.engine, file: "t.transcript")
        #expect(!first.passed)
        #expect(first.assertionFailures.isEmpty)
        let updated = try Transcript.parse(first.actual.render()).get()
        #expect(Replayer.replay(updated, engine: Self.engine, file: "t.transcript").passed)

        let stale = first.actual.render().replacingOccurrences(of: "Has an operation been suggested?", with: "Any surgery?")
        let result = Replayer.replay(try Transcript.parse(stale).get(), engine: Self.engine, file: "t.transcript")
        #expect(!result.passed)
        #expect(result.diff.contains("-bot: Any surgery?"))
        #expect(result.diff.contains("+bot: Has an operation been suggested?"))
        #expect(result.firstMismatchLine != nil)
        #expect(result.route.last == NodeID(dialog: "main", node: "ask_surgery"))
    }

    @Test func endAssertionsSayWhetherAndWhereTheConversationEnded() throws {
        let good = try Transcript.parse("# seed: 1\nyou: uk\nyou: chest pain\n@ end\n@ end at urgent_care.urgent\n").get()
        let ended = Replayer.replay(good, engine: Self.engine, file: "e.transcript")
        #expect(ended.assertionFailures.isEmpty, "\(ended.assertionFailures)")

        let bad = try Transcript.parse("# seed: 1\nyou: uk\n@ end\nyou: chest pain\n@ end at main.done\n").get()
        let failures = Replayer.replay(bad, engine: Self.engine, file: "e.transcript").assertionFailures
        #expect(failures.count == 2)
        #expect(failures.first?.hasSuffix("the conversation has not ended; the open question is main.ask_diagnosis") == true)
        #expect(failures.last?.hasSuffix("it ended at urgent_care.urgent") == true)
    }

    @Test func failingAssertionNamesFileAndLine() throws {
        let t = try Transcript.parse("# seed: 1\nyou: us\n@ expect country == 'uk'\n@ at main.ask_country\n").get()
        let result = Replayer.replay(t, engine: Self.engine, file: "x.transcript")
        #expect(result.assertionFailures.count == 2)
        #expect(result.assertionFailures[0].hasPrefix("x.transcript:3: assertion"))
        #expect(result.assertionFailures[1].contains("main.ask_diagnosis"))
    }

    /// The trace is every step's trace in order (a `restart` included), the route every node entered.
    @Test func traceIsEachStepsTraceInOrder() throws {
        let inputs = ["uk", "restart", "us", "back", "nonsense words", "heart trouble", "why", "summary"]
        let draft = try Transcript.parse("# seed: 5\n" + inputs.map { "you: \($0)\n" }.joined()).get()
        let result = Replayer.replay(draft, engine: Self.engine, file: "t.transcript")
        let engine = Engine(graph: EngineTests.graph, tracing: true)
        var (state, _) = engine.step(EngineState(seed: 5), .start)
        var trace = state.trace
        for input in inputs {
            (state, _) = engine.step(state, .line(input))
            trace += state.trace
        }
        #expect(result.trace == trace)
        #expect(result.turns == inputs.count)
        // The draft has no bot lines: the first difference is the opening, so the route is the start step's.
        var (start, _) = engine.step(EngineState(seed: 5), .start)
        start.trace = start.trace.filter { if case .enter = $0 { true } else { false } }
        #expect(result.route == start.trace.map { if case .enter(let id) = $0 { id } else { NodeID(dialog: "", node: "") } })

        let updated = try Transcript.parse(result.actual.render()).get()
        let again = Replayer.replay(updated, engine: Self.engine, file: "t.transcript")
        #expect(again.passed)
        #expect(again.trace == trace)
        #expect(again.route == trace.compactMap { if case .enter(let id) = $0 { id } else { nil } })
        #expect(again.actual.render() == result.actual.render())
    }

    /// Assertions read by `parse` are the same value as a transcript made in code, and a line changed
    /// after parsing is checked as it now reads.
    @Test func assertionsReadAtParseFollowTheLines() throws {
        var t = try Transcript.parse("# seed: 1\nyou: us\n@ expect country == 'uk'\n@ at main.ask_country\n").get()
        #expect(t == Transcript(headerPairs: t.headerPairs, numbered: t.numbered))
        #expect(t.hashValue == Transcript(headerPairs: t.headerPairs, numbered: t.numbered).hashValue)
        let before = Replayer.replay(t, engine: Self.engine, file: "x.transcript").assertionFailures
        let made = Replayer.replay(Transcript(headerPairs: t.headerPairs, numbered: t.numbered), engine: Self.engine, file: "x.transcript")
        #expect(before == made.assertionFailures)
        #expect(before.count == 2)
        t.numbered[1].line = .assertion("expect country == 'us'")
        t.numbered[2].line = .assertion("at  main.ask_diagnosis")
        #expect(Replayer.replay(t, engine: Self.engine, file: "x.transcript").assertionFailures.isEmpty)
        t.numbered[1].line = .assertion("expect country ==")
        let broken = Replayer.replay(t, engine: Self.engine, file: "x.transcript").assertionFailures
        #expect(broken.count == 1)
        #expect(broken.first?.contains("does not parse") == true)
    }

    @Test func malformedTranscriptLineIsReportedWithItsLine() {
        guard case .failure(let e) = Transcript.parse("# seed: 1\nbot: hi\nhello there\n") else {
            Issue.record("expected a parse error")
            return
        }
        #expect(e.line == 3)
    }
}

/// `graph` shows `main` first, where the conversation starts, whatever the file names.
@Suite struct GraphOrderTests {
    @Test func mainComesFirst() throws {
        let graph = try #require(DialogLoader.load(paths: [Fixtures.broken + "/W064-read-before-set-across-files"]).graph)
        #expect(graph.dialogOrder == ["concerns", "main"])
        for format in [GraphExporter.Format.mermaid, .dot] {
            let text = GraphExporter.export(graph, format: format)
            let main = try #require(text.range(of: "main__hello")).lowerBound
            let concerns = try #require(text.range(of: "concerns__ask_worry")).lowerBound
            #expect(main < concerns, "\(format)")
        }
    }
}
