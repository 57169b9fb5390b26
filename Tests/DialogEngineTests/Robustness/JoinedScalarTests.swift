import Testing

@testable import DialogCore
@testable import DialogLoading

/// One "character" of a million scalars (issue 15, item 11): refused by its bytes at once, and
/// runs of joined scalars capped in what is kept.
@Suite struct JoinedScalarTests {
    private func start() throws -> (Engine, EngineState) {
        let graph = try #require(DialogLoader.load(paths: [Fixtures.dialogs]).graph)
        let engine = Engine(graph: graph)
        return (engine, engine.step(EngineState(seed: 1), .start).0)
    }

    @Test(arguments: [
        "a" + String(repeating: "\u{301}", count: 1_000_000),  // combining marks
        "\u{1F468}" + String(repeating: "\u{200D}\u{1F468}", count: 300_000),  // a joiner chain
        "\u{1100}" + String(repeating: "\u{1161}", count: 1_000_000),  // Hangul jamo
    ])
    func hugeClusterIsRefusedQuickly(_ line: String) throws {
        let (engine, state) = try start()
        let clock = ContinuousClock()
        var outputs: [Output] = []
        var after = state
        let spent = clock.measure { (after, outputs) = engine.step(state, .line(line)) }
        #expect(spent < .seconds(1))
        #expect(after == state)
        guard case .text(let message, _)? = outputs.first else {
            Issue.record("no reply")
            return
        }
        #expect(message.contains("too long"))
    }

    @Test func joinedRunsAreCapped() {
        let cap = InputCleaner.maxJoinedScalars
        #expect(InputCleaner.clean("a" + String(repeating: "\u{301}", count: 5_000)).unicodeScalars.count == 1 + cap)
        #expect(InputCleaner.clean("\u{1100}" + String(repeating: "\u{1161}", count: 500)).unicodeScalars.count == 1 + cap)
        // Real text is kept whole: accents, a family emoji, Korean written in jamo.
        #expect(InputCleaner.clean("cafe\u{301} ok") == "cafe\u{301} ok")
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
        #expect(InputCleaner.clean(family) == family)
        let jamo = String(repeating: "\u{1112}\u{1161}\u{11AB}", count: 20)  // 한 x 20, decomposed
        #expect(InputCleaner.clean(jamo) == jamo)
    }
}
