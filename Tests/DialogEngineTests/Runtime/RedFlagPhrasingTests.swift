import DialogCore
import DialogLoading
import Testing

/// Red flags must catch the ways people actually say them, at any question.
@Suite struct RedFlagPhrasingTests {
    static let graph = DialogLoader.load(paths: [Fixtures.dialogs]).graph

    @Test(arguments: [
        ("I've been self harming again", "red_crisis"), ("self-harming", "red_crisis"),
        ("I keep harming myself", "red_crisis"), ("I've been cutting myself", "red_crisis"),
        ("I don't want to live anymore", "red_crisis"), ("sometimes I think about suicide", "red_crisis"),
        ("my chest hurts", "red_heart"), ("I have chest pain right now", "red_heart"),
        ("his face is drooping", "red_stroke"), ("I can't breathe", "red_breathing"),
        ("the bleeding won't stop", "red_bleeding"), ("they want to operate today", "red_emergency_surgery"),
    ])
    func redFlagFiresAtTheFirstQuestion(_ line: String, _ id: String) throws {
        let graph = try #require(Self.graph)
        let engine = Engine(graph: graph, tracing: true)
        var (state, _) = engine.step(EngineState(seed: 1), .start)
        state = engine.step(state, .line("yes")).0
        #expect(state.position?.node == "ask_who")
        let (after, _) = engine.step(state, .line(line))
        // The first thing done is the interrupt (after the note of how the line was read).
        #expect(after.trace.first { if case .understood = $0 { return false } else { return true } } == .interrupt(id))
        #expect(after.trace.contains { if case .understood(_, let text) = $0 { return text.contains("red flag") } else { return false } })
        #expect(after.slots["who"] == nil)
    }
}
