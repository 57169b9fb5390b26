import DialogCore
import DialogLoading
import DialogTools
import Testing

/// A re-prompt says what was understood of an answer that could not be used, instead of only asking
/// again: both a yes and a no, options named only to set them aside, a number in another unit.
@Suite struct HeardRepromptTests {
    static let graph: DialogGraph? = DialogLoader.load(paths: [Fixtures.dialogs]).graph

    /// The reply to `line` typed at `node` (started there, as `chat --start` does).
    func reply(_ line: String, at node: String) throws -> (lines: [String], state: EngineState) {
        let graph = try #require(Self.graph).starting(at: node)
        let engine = Engine(graph: graph)
        let (started, _) = engine.step(EngineState(seed: 1), .start)
        let (state, outputs) = engine.step(started, .line(line))
        #expect(state.position == started.position, "the question stays open")
        return (outputs.flatMap(OutputFormatter.lines), state)
    }

    @Test(arguments: ["some days yes some days no", "yes and no really"])
    func bothYesAndNo(_ line: String) throws {
        let (lines, _) = try reply(line, at: "main.ask_decides")
        #expect(lines.first == "That sounded like both a yes and a no.")
        // The question's own re-prompt follows, not "I still didn't catch that".
        #expect(lines.count >= 2 && !lines[1].contains("still"))
    }

    @Test(arguments: ["no not the operation", "it's not surgery, definitely not"])
    func optionsOnlySetAside(_ line: String) throws {
        let (lines, state) = try reply(line, at: "situation.ask_kinds")
        #expect(lines.first == "I understood what it isn't (\"Surgery was suggested\"), but not what it is.")
        #expect(state.slots["situation.kinds"] == nil)
    }

    @Test(arguments: ["his temperature was 39.5", "they gave me 50 mg"])
    func numberInAnotherUnit(_ line: String) throws {
        let (lines, state) = try reply(line, at: "diagnosis.ask_months")
        #expect(lines.first == "That number doesn't sound like a length of time.")
        #expect(state.slots.isEmpty || state.slots["diagnosis.months"] == nil)
    }

    /// At an age question the message fits the question: a weight or a temperature is not an age.
    @Test(arguments: ["he's about 20kg", "38 degrees"])
    func numberInAnotherUnitAtAnAge(_ line: String) throws {
        let (lines, state) = try reply(line, at: "main.ask_patient_age")
        #expect(lines.first == "That number doesn't sound like an age.")
        #expect(!lines.contains { $0.contains("length of time") })
        #expect(state.slots["patient.age"] == nil)
    }

    /// "Did you mean …? Please type the one you meant." asks again itself: the options follow, with no
    /// second re-prompt after it.
    @Test func didYouMeanIsTheOnlyReprompt() throws {
        let (lines, _) = try reply("Medicare", at: "insurance.ask_us")
        #expect(lines.first == "Did you mean \"Original Medicare\" or \"Medicare Advantage\"? Please type the one you meant.")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") }, "\(lines)")
    }

    /// On the last attempt, "Did you mean …? Please type the one you meant." is not said when the question
    /// is then left: it would ask for an answer that is not waited for.
    @Test func noDidYouMeanWhenTheQuestionIsLeft() throws {
        let graph = try #require(Self.graph).starting(at: "insurance.ask_us")
        let engine = Engine(graph: graph)
        var (state, _) = engine.step(EngineState(seed: 1), .start)
        var outputs: [Output] = []
        for line in ["purple elephants", "purple elephants", "Medicare"] { (state, outputs) = engine.step(state, .line(line)) }
        let lines = outputs.flatMap(OutputFormatter.lines)
        #expect(!lines.contains { $0.hasPrefix("Did you mean") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Let's leave that one") }, "\(lines)")
    }

    /// A plain miss is unchanged: the re-prompt alone, and on the second miss "I still didn't catch that".
    @Test func plainMissSaysNothingHeard() throws {
        let graph = try #require(Self.graph).starting(at: "situation.ask_kinds")
        let engine = Engine(graph: graph)
        var (state, _) = engine.step(EngineState(seed: 1), .start)
        var outputs: [Output]
        (state, outputs) = engine.step(state, .line("purple elephants"))
        let first = outputs.flatMap(OutputFormatter.lines)
        #expect(!first.contains { $0.hasPrefix("That ") || $0.hasPrefix("I understood") })
        (state, outputs) = engine.step(state, .line("purple elephants"))
        #expect(outputs.flatMap(OutputFormatter.lines).first?.hasPrefix("I still didn't catch that.") == true)
    }
}
