@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools
import Testing
import Understanding

/// The shipped language data, read with the engine: red flags at any prompt, answers as people give
/// them, and odd input that must never trap.
@Suite struct ShippedLanguageTests {
    static let graph = DialogLoader.load(paths: [Fixtures.dialogs]).graph
    static var language: Language? { graph?.language?.language }

    static func probe() throws -> UnderstandingProbe { UnderstandingProbe(graph: try #require(graph)) }

    @Test(arguments: [
        "", " ", "?", "...", "!!!", "—", "''", "\"\"", "()", "🙂", "e\u{301}\u{301}\u{301}", "\u{200D}\u{200D}", "a", "i",
        String(repeating: "no ", count: 600), String(repeating: "chest ", count: 300) + "pain", String(repeating: "é", count: 1999),
        "my face is drooping, my arm is weak, my speech is slurred, I can't breathe, I took all my pills",
    ])
    func oddLinesNeverTrap(line: String) throws {
        let language = try #require(Self.language)
        _ = language.read(line)
        _ = language.readText(line)
        _ = language.places.find(in: line)
        _ = language.concepts(["uk_private", "text_skip", "no_such_concept"], in: line)
        let probe = try Self.probe()
        for node in ["main.note", "main.ask_patient_name", "main.ask_country", "insurance.ask_us", "diagnosis.ask_months", "situation.ask_kinds"] {
            _ = probe.run(line, at: try #require(NodeID(qualified: node)))
        }
    }

    @Test(arguments: [
        ("tonight I'm going to end it", "main.note", "suicide"),
        ("one side of her mouth is sagging and she can't get her words out", "treatment.ask_surgery_name", "stroke"),
        ("my toddler is limp and I can't wake him", "main.note", "child"),
        ("it's like an elephant on my chest and my jaw aches", "records.ask_doctor", "heart"),
        ("my family would be better off without me", "diagnosis.ask_words", "suicide"),
    ])
    func emergenciesRaiseTheirAlarmAtAnyPrompt(line: String, at node: String, category: String) throws {
        let outcome = try Self.probe().run(line, at: try #require(NodeID(qualified: node)), country: "gb")
        #expect(outcome.alarm == category, "\(line)")
        #expect(outcome.text.contains("999") || outcome.text.contains("116 123"), "\(outcome.text)")
    }

    @Test(arguments: [
        ("no pain in my chest at all", "main.note"),
        ("I'm not going to hurt myself, I'm just fed up with the waiting list", "main.note"),
        ("the leaflet says it can cause suicidal thoughts in rare cases", "treatment.ask_risks"),
        ("my mum died of a stroke", "diagnosis.ask_words"),
        ("this paperwork will be the death of me", "records.ask_doctor"),
    ])
    func contextKeepsTheAlarmQuiet(line: String, at node: String) throws {
        let outcome = try Self.probe().run(line, at: try #require(NodeID(qualified: node)))
        #expect(outcome.alarm == nil, "\(line)")
    }

    @Test(arguments: [
        ("she's called Beatrice", "main.ask_patient_name", "Beatrice"),
        ("Kenji, my husband", "main.ask_patient_name", "Kenji"),
        ("they want to do a total knee replacement", "treatment.ask_surgery_name", "total knee replacement"),
    ])
    func freeTextKeepsTheValue(line: String, at node: String, value: String) throws {
        let outcome = try Self.probe().run(line, at: try #require(NodeID(qualified: node)))
        #expect(outcome.recorded == .text(value))
    }

    @Test func skipInsideASentenceSkips() throws {
        let outcome = try Self.probe().run("no idea yet, skip it", at: try #require(NodeID(qualified: "records.ask_second")))
        #expect(outcome.moved && outcome.recorded == nil)
    }

    @Test(arguments: [("Italia", "it", "eu"), ("we live in Texas", "us", "us"), ("Ontario", "ca", "other")])
    func theActualCountryIsRecorded(line: String, code: String, group: String) throws {
        let outcome = try Self.probe().run(line, at: try #require(NodeID(qualified: "main.ask_country")))
        #expect(outcome.slots["country"] == .choice(group))
        #expect(outcome.slots["country.code"] == .text(code))
    }

    @Test func plainMedicareAsksWhichKind() throws {
        let outcome = try Self.probe().run("medicare", at: try #require(NodeID(qualified: "insurance.ask_us")))
        #expect(outcome.askedAgain)
        #expect(outcome.text.contains("Original Medicare") && outcome.text.contains("Medicare Advantage"))
    }

    @Test(arguments: [
        ("they ruled out a tumour, it's just a cyst", false), ("breast cancer", true), ("no cancer, they think it's lupus", false),
        ("a tumour in my bowel", true),
    ])
    func keywordMapsReadNegation(line: String, cancer: Bool) throws {
        let outcome = try Self.probe().run(line, at: try #require(NodeID(qualified: "diagnosis.ask_words")))
        #expect((outcome.slots["diagnosis.kind"] == .choice("cancer")) == cancer, "\(line)")
        // The whole sentence is the answer: the clause after the comma is not an aside.
        if line.hasPrefix("they ruled out") { #expect(outcome.recorded == .text(line)) }
    }
}
