@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools
import Foundation
import Testing

/// Named phrasings, ordered choices, template filters and `else` (Fixtures/format).
@Suite struct FormatFeatureTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/DialogEngineTests/Fixtures/format").path
    static let graph: DialogGraph = {
        let result = DialogLoader.load(paths: [folder])
        guard let graph = result.graph, result.diagnostics.isEmpty else { fatalError("format fixture: \(result.diagnostics)") }
        return graph
    }()

    func run(_ inputs: [String]) -> (EngineState, [String]) {
        let engine = Engine(graph: Self.graph)
        var (state, outputs) = engine.step(EngineState(seed: 1), .start)
        var lines = outputs.flatMap(OutputFormatter.lines)
        for input in inputs {
            (state, outputs) = engine.step(state, .line(input))
            lines += outputs.flatMap(OutputFormatter.lines)
        }
        return (state, lines)
    }

    @Test func phrasingsFiltersAndElseInAConversation() {
        let (state, lines) = run(["1", "3", "0.75", "70.6", "1 and 2"])
        #expect(state.ended)
        #expect(lines.contains("That is strong pain."))
        #expect(lines.contains("So: Prescription renewal, for about 3 weeks, with Cough or Fever."))
        #expect(lines.contains("# I would like to renew my prescription"))
        #expect(lines.contains("My pain is Moderate (5 or 6)."))
        #expect(!lines.contains("My pain is mild or absent."))
        // The plain note: no Markdown marks, its own bullet, a check written "[ ] ".
        #expect(lines.contains("Note: PRESCRIPTION RENEWAL"))
        #expect(lines.contains("Symptoms"))
        #expect(lines.contains("* Cough and Fever"))
        #expect(lines.contains("[ ] Bring the list"))
        #expect(!lines.contains { $0.hasPrefix("# Note") || $0.hasPrefix("## Symptoms") })
    }

    @Test func theOtherBranchOfEachElse() {
        let (state, lines) = run(["2", "2", "14", "70.6", "3"])
        #expect(state.ended)
        #expect(!lines.contains("That is strong pain."))  // p1_4 is below p5_6
        #expect(lines.contains("So: Test results, for about 14 months, weighing 71 kg."))
        #expect(lines.contains("# I would like to go over my test results"))
        #expect(lines.contains("My pain is mild or absent."))
        #expect(!lines.contains { $0.hasPrefix("My pain is Mild") })
    }

    @Test func anOrderedComparisonBecomesMembership() throws {
        let node = try #require(Self.graph.nodes[NodeID(dialog: "main", node: "ask_symptoms")])
        let condition = try #require(node.edges.first?.condition)
        #expect(condition == .contains(set: .list(["p5_6", "p7_10"]), element: .slot("pain", offset: 0)))
    }

    @Test(arguments: [
        (0.75, "about 3 weeks"), (1.0, "about 4 weeks"), (2.0, "about 2 months"), (14.0, "about 14 months"),
        (30.0, "about 3 years"), (24.0, "about 2 years"), (0.1, "about 1 week"), (0.0, "about 0 weeks"),
    ])
    func aboutPicksTheUnitThatReadsBest(_ months: Double, _ expected: String) {
        let units = Linker.spokenUnits(own: ("month", "months"), units: ["year": 12, "years": 12, "yr": 12, "week": 0.25, "weeks": 0.25])
        #expect(Template.about(months, word: "about", units: units) == expected)
    }

    @Test func spokenUnitsPairOneAndMore() {
        let units = Linker.spokenUnits(own: ("month", "months"), units: ["year": 12, "years": 12, "yr": 12, "yrs": 12, "day": 1.0 / 30])
        #expect(units.map(\.one) == ["month", "day", "year"])
        #expect(units.map(\.other) == ["months", "day", "years"])
    }

    @Test func filtersParseAndWriteBack() throws {
        let t = try Template.parse("{{a:round 1:capitalize|none}} {{b : or}}").get()
        #expect(t.segments == [
            .slot("a", fallback: "none", format: .init(filters: [.round(1), .capitalize])), .text(" "),
            .slot("b", fallback: nil, format: .init(filters: [.join(name: "or", word: "or")])),
        ])
        #expect(t.description == "{{a:round 1:capitalize|none}} {{b:or}}")
        #expect(Template.display(.number(2.345), type: nil, format: .init(filters: [.round(1)])) == "2.3")
        #expect(Template.display(.text("hello there"), type: nil, format: .init(filters: [.upper])) == "HELLO THERE")
    }

    @Test(arguments: [
        ("KNEE PAIN FOR SIX MONTHS", "Knee pain for six months"),
        ("I'M WORRIED ABOUT THE SURGERY", "I'm worried about the surgery"),
        ("METHOTREXATE", "Methotrexate"),
        ("MRI", "MRI"),  // an abbreviation alone is not shouting
        ("HCM", "HCM"),
        ("Dr McKenzie", "Dr McKenzie"),  // a name in normal case keeps every letter
        ("dr McKenzie at St Mary's", "Dr McKenzie at St Mary's"),
        ("eGFR low", "EGFR low"),
        ("  chest TIGHTNESS", "  Chest TIGHTNESS"),
        ("", ""),
        ("1234", "1234"),
    ] as [(String, String)])
    func sentenceFilterCalmsCapitalsButKeepsNames(typed: String, written: String) {
        #expect(Template.display(.text(typed), type: nil, format: .init(filters: [.sentence])) == written)
    }

    @Test(arguments: [
        ("THE RARE DISEASE CENTRE AT ST MARY'S", "the rare disease centre at st mary's"),
        ("the Royal Marsden", "the Royal Marsden"),
        ("methotrexate", "methotrexate"),
        ("MRI", "MRI"),
    ] as [(String, String)])
    func calmFilterLeavesTheFirstLetter(typed: String, written: String) {
        #expect(Template.display(.text(typed), type: nil, format: .init(filters: [.calm])) == written)
    }

    @Test func sentenceFilterParsesAndRenders() throws {
        let t = try Template.parse("Dear {{doctor:sentence|Doctor}},").get()
        #expect(t.segments.contains(.slot("doctor", fallback: "Doctor", format: .init(filters: [.sentence]))))
        #expect(t.description == "Dear {{doctor:sentence|Doctor}},")
        var missing: [String] = []
        let shouted = t.render({ $0 == "doctor" ? .text("DR JONES AT THE CLINIC") : nil }, slotType: { _ in nil }, missing: &missing)
        #expect(shouted == "Dear Dr jones at the clinic,")
        let named = t.render({ $0 == "doctor" ? .text("Dr DuBois") : nil }, slotType: { _ in nil }, missing: &missing)
        #expect(named == "Dear Dr DuBois,")
        #expect(t.render({ _ in nil }, slotType: { _ in nil }, missing: &missing) == "Dear Doctor,")
    }

    @Test(arguments: [
        ("{{a:rond}}", "unknown filter 'rond'", "did you mean 'round'?"),
        ("{{a:round x}}", "'round' takes a number of decimal places from 0 to 6, not 'x'", nil),
        ("{{a:}}", "an empty filter", nil),
        ("{{a:upper 2}}", "the filter 'upper' takes nothing, not '2'", nil),
    ] as [(String, String, String?)])
    func badFiltersAreSyntaxErrors(_ source: String, _ message: String, _ hint: String?) {
        guard case .failure(let e) = Template.parse(source) else {
            Issue.record("\(source) parsed")
            return
        }
        #expect(e.message == message)
        if let hint { #expect(e.hint == hint) }
    }

    /// A set built around one changed line of the fixture.
    func loadChanged(_ from: String, _ to: String) throws -> DialogLoader.Result {
        let text = try String(contentsOfFile: Self.folder + "/main.json", encoding: .utf8)
        #expect(text.contains(from))
        let changed = text.replacingOccurrences(of: from, with: to)
        return DialogLoader.load(sources: [.init(name: "main.json", bytes: Array(changed.utf8))])
    }

    @Test func anOrderedComparisonOnAnUnorderedChoiceIsRefused() throws {
        let result = try loadChanged(#""ordered": true,"#, "")
        // Both ordered comparisons: the edge's and the document item's.
        #expect(result.diagnostics.map(\.code) == [.conditionType, .conditionType])
        let d = try #require(result.diagnostics.first)
        #expect(d.message == "'>=' needs an ordered choice, but the options of choice slot 'pain' have no order")
        #expect(d.hint?.contains(#""ordered": true"#) == true)
    }

    @Test func orderedPastEitherEndIsNeverTrue() throws {
        let result = try loadChanged("pain >= 'p5_6'", "pain > 'p7_10'")
        #expect(result.diagnostics.map(\.code) == [.impossibleValue])
        #expect(result.diagnostics.first?.message == "'p7_10' is the last option of 'pain', so 'pain > 'p7_10'' is never true")
        let typo = try loadChanged("pain >= 'p5_6'", "pain >= 'p5'")
        #expect(typo.diagnostics.map(\.code) == [.impossibleValue])
    }

    @Test func orderedOnlyOnChoiceSlots() throws {
        let result = try loadChanged(#""label": "Months with symptoms","#, #""label": "Months with symptoms", "ordered": true,"#)
        #expect(result.diagnostics.map(\.code) == [.invalidValue])
    }

    @Test func aPhrasingMissingOnAnOptionIsReported() throws {
        let result = try loadChanged(#", "short": "test results""#, "")
        // Read three times: in the `say` text, in its `else`, and in the plain note's title.
        #expect(result.diagnostics.map(\.code) == [.templateSlot, .templateSlot, .templateSlot])
        #expect(result.diagnostics.first?.message == "the phrasing 'short' of 'purpose' is missing on option 'results'")
        let unknown = try loadChanged("{{purpose.request|talk}}", "{{purpose.requst|talk}}")
        #expect(unknown.diagnostics.map(\.code) == [.templateSlot])
        #expect(unknown.diagnostics.first?.hint == "did you mean 'request'?")
    }

    @Test func aFilterOnTheWrongKindOfSlotIsReported() throws {
        let result = try loadChanged("{{symptoms:or|no symptoms}}", "{{symptoms:round|no symptoms}}")
        #expect(result.diagnostics.map(\.code) == [.templateSlot])
        #expect(result.diagnostics.first?.message == "the filter 'round' works on a number slot, but 'symptoms' is multi")
        let noUnit = try loadChanged(#""unit": ["month", "months"],"#, "")
        #expect(noUnit.diagnostics.map(\.code) == [.templateSlot, .templateSlot])
    }

    @Test func elseWithoutWhenIsReported() throws {
        let result = try loadChanged(#"{ "bullet": "Symptoms: {{symptoms:and|none}}." }"#, #"{ "bullet": "Symptoms: {{symptoms:and|none}}.", "else": "No symptoms." }"#)
        #expect(result.diagnostics.map(\.code) == [.missingKey])
        #expect(result.diagnostics.first?.pointer == "/documents/letter/items/1")
    }

    @Test func theCompiledFormKeepsFormats() throws {
        let sources = try Fixtures.files(in: Self.folder, ending: ".json").map {
            DialogLoader.Source(name: URL(fileURLWithPath: $0).lastPathComponent, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: $0))))
        }
        let bytes = CompiledDialogs.encode(Self.graph, sources: sources, stamp: [1])
        let decoded = try #require(CompiledDialogs.decode(bytes, sources: sources, stamp: [1]))
        let say = decoded.nodes[NodeID(dialog: "main", node: "recap")]?.say
        #expect(say == Self.graph.nodes[NodeID(dialog: "main", node: "recap")]?.say)
        #expect(decoded.slots["purpose"]?.type == Self.graph.slots["purpose"]?.type)
    }

    @Test func exploreProvesTheFixture() {
        let report = Explorer(graph: Self.graph).run()
        #expect(report.passed, Comment(rawValue: report.failures.map(\.message).joined(separator: "\n")))
    }

    @Test func exploreFindsAMissingSlotInsideAChosenText() throws {
        // The `then` text names 'purpose' without a fallback: skipping it and giving < 1 month breaks it.
        let result = try loadChanged("{{purpose.short:capitalize|a visit}}, for {{months:about}}", "{{purpose.short:capitalize}}, for {{months:about}}")
        let graph = try #require(result.graph)
        let report = Explorer(graph: graph).run()
        let first = try #require(report.failures(of: .textsComplete).first)
        #expect(first.message.contains("'purpose'"))
    }

    @Test func sayVariantsMayMixTextsAndChosenTexts() throws {
        let result = try loadChanged(
            #""say": "That is strong pain.""#,
            #""say": ["That is strong pain.", { "when": "pain == 'p7_10'", "text": "That is severe pain." }]"#)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let node = try #require(result.graph?.nodes[NodeID(dialog: "main", node: "strong")])
        #expect(node.say.count == 2)
        guard case .choose(_, let then, let otherwise)? = node.say.last?.segments.first else {
            Issue.record("not a chosen text")
            return
        }
        #expect(then == [.text("That is severe pain.")])
        #expect(otherwise.isEmpty)
        let missing = try loadChanged(#""say": "That is strong pain.""#, #""say": { "when": "pain == 'p7_10'" }"#)
        #expect(missing.diagnostics.map(\.code) == [.missingKey])
        #expect(missing.diagnostics.first?.message == "a 'say' variant is missing the required key 'text'")
    }
}
