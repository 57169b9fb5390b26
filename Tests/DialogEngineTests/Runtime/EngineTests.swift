@testable import DialogCore
@testable import DialogLoading
import Testing

/// Whole-engine behaviour on the small example dialogs in Fixtures/small.
@Suite struct EngineTests {
    static let graph: DialogGraph = {
        let result = DialogLoader.load(paths: [Fixtures.small])
        guard let graph = result.graph else { fatalError("small fixture does not load: \(result.diagnostics)") }
        return graph
    }()

    /// Runs inputs from the start; returns the final state and every line said after the last input.
    func run(_ inputs: [String], seed: UInt64 = 1, tracing: Bool = false) -> (EngineState, [String], [Output]) {
        let engine = Engine(graph: Self.graph, tracing: tracing)
        var (state, outputs) = engine.step(EngineState(seed: seed), .start)
        for input in inputs { (state, outputs) = engine.step(state, .line(input)) }
        return (state, outputs.flatMap(OutputFormatter.lines), outputs)
    }

    @Test func startsAtEntryAndAsksFirstQuestion() {
        let (state, lines, _) = run([])
        #expect(state.position == NodeID(dialog: "main", node: "ask_country"))
        #expect(lines.contains("Where do you get your care?"))
        #expect(lines.contains("  2. United Kingdom"))
    }

    @Test(arguments: ["2", "United Kingdom", "uk", "britain", "Britian", "I live in England", "UNITED KINGDOM!!"])
    func choiceAcceptsNumberLabelSynonymAndTypo(_ answer: String) {
        let (state, _, _) = run([answer])
        #expect(state.slots["country"] == .choice("uk"))
        #expect(state.position?.node == "ask_diagnosis")
    }

    @Test func unusableAnswerRepromptsThenMovesOn() {
        let (state1, lines1, _) = run(["purple"])
        #expect(state1.position?.node == "ask_country")
        #expect(state1.attempts == 1)
        #expect(lines1.first == "Please pick a number from the list.")
        let (state2, lines2, _) = run(["purple", "green"])
        #expect(state2.slots["country"] == nil)
        #expect(state2.position?.node == "ask_diagnosis")
        #expect(lines2.contains { $0.contains("leave that one") })
    }

    @Test func freeTextKeywordRulesMapToAChoice() {
        let (state, _, _) = run(["us", "They found a small tumour"])
        #expect(state.slots["diagnosis"] == .text("They found a small tumour"))
        #expect(state.slots["kind"] == .choice("cancer"))
        let (other, _, _) = run(["us", "something about my knee"])
        #expect(other.slots["kind"] == .choice("other"))
    }

    @Test func yesNoNumbersAndMulti() {
        let (state, _, _) = run(["us", "skip", "yeah", "about 6 weeks", "1 and 3"])
        #expect(state.slots["surgery"] == .bool(true))
        #expect(state.slots["weeks"] == .number(6))
        #expect(state.slots["diagnosis"] == nil)
        #expect(state.ended)
        #expect(state.slots["worries"] == .set(["cost", "rudeness"]))
        let (outOfRange, lines, _) = run(["us", "skip", "yes", "900"])
        #expect(outOfRange.position?.node == "ask_weeks")
        #expect(lines.first?.contains("outside") == true)
    }

    @Test func conditionalRoutingSkipsIrrelevantQuestions() {
        let (state, _, _) = run(["us", "skip", "nope"])
        #expect(state.position?.node == "ask_worries")
    }

    @Test func backUndoesRepeatedlyToTheStart() {
        let (state, lines, _) = run(["us", "skip", "no", "back"])
        #expect(state.position?.node == "ask_surgery")
        #expect(state.slots["surgery"] == nil)
        #expect(lines.first == "Going back one step.")
        let (first, _, _) = run(["us", "skip", "no", "back", "back", "back"])
        #expect(first.position?.node == "ask_country")
        #expect(first.slots.isEmpty)
        let (none, noneLines, _) = run(["back"])
        #expect(none.position?.node == "ask_country")
        #expect(noneLines == ["There is nothing to go back to yet."])
    }

    @Test func whySummaryHelpRestart() {
        #expect(run(["why"]).1.first == "Your right to your records depends on the country.")
        #expect(run(["uk", "summary"]).1.prefix(2) == ["Your answers so far:", "- Where you get care: United Kingdom"])
        #expect(run(["help"]).1.contains { $0.contains("back") })
        let (restarted, _, _) = run(["uk", "restart"])
        #expect(restarted.slots.isEmpty)
        #expect(restarted.position?.node == "ask_country")
    }

    /// After `why`, `summary`, `help` and `save` the open question is shown again (text and options),
    /// with nothing else changed: no attempt counted, the position and the random generator as they were.
    @Test(arguments: ["why", "summary", "help", "save notes.md"])
    func commandsShowTheOpenQuestionAgain(_ command: String) {
        let (before, _, _) = run(["purple"])
        let (after, lines, _) = run(["purple", command])
        #expect(lines.suffix(4) == ["Where do you get your care?", "  1. United States", "  2. United Kingdom", "  3. Somewhere else"])
        #expect(after.position == before.position)
        #expect(after.attempts == before.attempts)
        #expect(after.rng == before.rng)
    }

    @Test func noQuestionShownAgainWhenTheConversationIsOver() {
        let (state, lines, _) = run(["us", "skip", "yeah", "about 6 weeks", "1 and 3", "summary"])
        #expect(state.ended)
        #expect(lines.first == "Your answers so far:")
        #expect(!lines.contains { $0.hasPrefix("  1.") })
    }

    @Test func commandWordInsideASentenceIsAnAnswerNotACommand() {
        let (state, _, _) = run(["us", "I need help with my heart"])
        #expect(state.slots["kind"] == .choice("heart"))
    }

    @Test func redFlagInterruptsAnyQuestion() {
        let (state, lines, outputs) = run(["us", "I have chest pain right now"])
        #expect(lines.first == "This cannot wait. Call 911 or 999 now.")
        #expect(state.ended)
        #expect(outputs.contains(.end))
    }

    @Test func resumingInterruptAnswersThenReasksTheOpenQuestion() {
        let (state, lines, _) = run(["us", "skip", "is it rude to ask for one?"])
        #expect(lines.first == "It is not rude. Doctors expect it.")
        #expect(lines.contains("Has an operation been suggested?"))
        #expect(state.position?.node == "ask_surgery")
    }

    @Test func documentIsTailoredByWhenConditions() {
        let (_, _, outputs) = run(["uk", "a tumour", "yes", "6", "none"])
        guard case .document(_, let title, let markdown)? = outputs.first(where: { if case .document = $0 { true } else { false } })
        else {
            Issue.record("no document")
            return
        }
        #expect(title == "What to say")
        #expect(markdown.contains("subject access request"))
        #expect(!markdown.contains("HIPAA"))
        #expect(markdown.contains("- [ ] Ask for the pathology slides and report."))
        #expect(markdown.contains("imaging files"))
        #expect(markdown.contains("second opinion on a tumour"))
    }

    @Test func sameSeedSameConversationDifferentSeedsVary() {
        let a = run(["uk"], seed: 7)
        let b = run(["uk"], seed: 7)
        #expect(a.0 == b.0)
        let engine = Engine(graph: Self.graph)
        let greetings = Set((0..<20).map { seed in
            engine.step(EngineState(seed: UInt64(seed)), .start).1.flatMap(OutputFormatter.lines).first ?? ""
        })
        #expect(greetings.count == 2)
    }

    @Test func saveRendersDocumentsSoFar() {
        let (_, _, outputs) = run(["uk", "save notes.md"])
        guard case .save(let path, let markdown)? = outputs.first else {
            Issue.record("no save output")
            return
        }
        #expect(path == "notes.md")
        #expect(markdown.contains("subject access request"))
        #expect(run(["save"]).2.first == .save(path: nil, markdown: DocumentRenderer.renderAll(graph: Self.graph, slots: [:])))
    }

    @Test func quitAndAfterTheEnd() {
        #expect(run(["quit"]).2 == [.quit])
        let (state, lines, _) = run(["us", "skip", "no", "none", "hello?"])
        #expect(state.ended)
        #expect(lines.first?.contains("conversation has ended") == true)
    }

    @Test func hostileInputIsCleanedOrRefused() {
        let (state, _, _) = run(["\u{1B}[31mUnited\u{0} Kingdom\u{1B}[0m"])
        #expect(state.slots["country"] == .choice("uk"))
        let (tooLong, lines, _) = run([String(repeating: "a", count: Engine.maxInputCharacters + 1)])
        #expect(tooLong.position?.node == "ask_country")
        #expect(lines.first?.contains("too long") == true)
        let (empty, emptyLines, _) = run(["   "])
        #expect(empty.attempts == 0)
        #expect(emptyLines.first == "I didn't catch an answer.")
        let (emoji, _, _) = run(["🇬🇧 uk 👍"])
        #expect(emoji.slots["country"] == .choice("uk"))
        let (text, _, _) = run(["us", "\u{1B}]0;title\u{07}שלום cancer"])
        #expect(text.slots["diagnosis"] == .text("שלום cancer"))
    }

    @Test func stateRoundTripsThroughCodable() throws {
        let (state, _, _) = run(["uk", "a tumour", "yes"])
        let data = try JSONEncoderForTests.encode(state)
        let decoded = try JSONDecoderForTests.decode(EngineState.self, from: data)
        #expect(decoded == state)
        let engine = Engine(graph: Self.graph)
        #expect(engine.step(decoded, .line("6")).0 == engine.step(state, .line("6")).0)
    }

    @Test func tracingRecordsNodesEdgesAndConditions() {
        let (state, _, _) = run(["us", "skip", "no"], tracing: true)
        #expect(state.trace.contains(.condition(NodeID(dialog: "main", node: "ask_surgery"), 0, false)))
        #expect(state.trace.contains(.edge(NodeID(dialog: "main", node: "ask_surgery"), 1)))
        #expect(state.trace.contains(.enter(NodeID(dialog: "main", node: "ask_worries"))))
    }
}

import Foundation

enum JSONEncoderForTests {
    static func encode<T: Encodable>(_ value: T) throws -> Data { try JSONEncoder().encode(value) }
}

enum JSONDecoderForTests {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T { try JSONDecoder().decode(type, from: data) }
}

@Suite struct NumberUnitTests {
    @Test func unitWordsConvertIntoTheSlotsUnit() {
        let engine = Engine(graph: EngineTests.graph)
        var (state, _) = engine.step(EngineState(seed: 1), .start)
        for line in ["uk", "skip", "yes", "about 2 months"] { state = engine.step(state, .line(line)).0 }
        #expect(state.slots["weeks"] == .number(8))
        var (big, _) = engine.step(EngineState(seed: 1), .start)
        for line in ["uk", "skip", "yes"] { big = engine.step(big, .line(line)).0 }
        let (after, out) = engine.step(big, .line("200 months"))
        #expect(after.position?.node == "ask_weeks")
        #expect(out.flatMap(OutputFormatter.lines).first?.contains("800") == true)
    }
}

@Suite struct UnitWordTests {
    @Test(arguments: [
        (["2", "years"], 12.0), (["about", "three", "years"], 12.0), (["36", "months", "so", "three", "years"], nil),
        (["a", "year", "ago"], nil), (["1", "and", "a", "half", "years"], 12.0),
    ] as [([String], Double?)])
    func unitIsTheWordAfterTheNumber(_ tokens: [String], _ factor: Double?) {
        #expect(Turn.unitAfterFirstNumber(tokens, units: ["year": 12, "years": 12]) == factor)
    }
}
