import Foundation
import Testing

@testable import DialogCore

private let types: [String: SlotType] = [
    "country": .choice([Option(value: "uk", label: "United Kingdom"), Option(value: "us", label: "United States")]),
    "symptoms": .multi([
        Option(value: "pain", label: "pain"),
        Option(value: "fatigue", label: "tiredness"),
        Option(value: "fever", label: "fever"),
    ]),
    "wants_transfer": .bool,
    "age": .number(min: 0, max: 120, integer: true),
    "weeks": .number(min: nil, max: nil, integer: false),
    "doctor_name": .text,
    "surgery.kind": .choice([Option(value: "knee", label: "knee replacement")]),
]

private func template(_ source: String) throws -> Template {
    try Template.parse(source).get()
}

private func render(_ source: String, _ values: [String: Value]) throws -> (String, [String]) {
    var missing: [String] = []
    let text = try template(source).render({ values[$0] }, slotType: { types[$0] }, missing: &missing)
    return (text, missing)
}

// MARK: - Parsing

@Test func parsesPlaceholdersAndText() throws {
    #expect(
        try template("Hello {{ doctor_name }}!").segments == [
            .text("Hello "), .slot("doctor_name", fallback: nil), .text("!"),
        ])
    #expect(
        try template("{{doctor_name|your doctor}}").segments == [.slot("doctor_name", fallback: "your doctor")])
    #expect(
        try template("{{ surgery.kind |  the operation  }}").segments == [
            .slot("surgery.kind", fallback: "the operation")
        ])
    #expect(try template("{{a|}}").segments == [.slot("a", fallback: "")])
    #expect(try template("{{a}}{{b}}").segments == [.slot("a", fallback: nil), .slot("b", fallback: nil)])
    #expect(try template("").segments == [])
}

@Test func loneBracesArePlainText() throws {
    let t = try template("a { b } c }} d {x}")
    #expect(t.segments == [.text("a { b } c }} d {x}")])
    #expect(t.isConstant)
    #expect(try template("{{a}}}").segments == [.slot("a", fallback: nil), .text("}")])
}

@Test func slotListsAreInOrderAndUnique() throws {
    let t = try template("{{b}} {{a|x}} {{b|y}} {{c}} {{a}}")
    #expect(t.slots == ["b", "a", "c"])
    #expect(t.slotsWithoutFallback == ["b", "c", "a"])
    #expect(!t.isConstant)
    let fallbacksOnly = try template("{{a|x}} and {{b|y}}")
    #expect(fallbacksOnly.slotsWithoutFallback == [])
}

@Test func descriptionRoundTrips() throws {
    for source in ["Hi {{doctor_name|there}}, about {{surgery.kind}}.", "plain", "{{a}}{{b|}}"] {
        let t = try template(source)
        #expect(t.description == source)
        #expect(try template(t.description) == t)
    }
    #expect(try template("{{ a | b }}").description == "{{a|b}}")
}

struct TemplateErrorCase: CustomTestStringConvertible, Sendable {
    var source: String
    var message: String
    var offset: Int
    var hint: String?
    var testDescription: String { source }
}

private let templateErrors: [TemplateErrorCase] = [
    .init(
        source: "Hi {{name", message: "'{{' without a closing '}}'", offset: 3,
        hint: "write {{slot}} or {{slot|fallback words}}"),
    .init(
        source: "{{a|b {{c}}", message: "'{{' without a closing '}}'", offset: 0,
        hint: "write {{slot}} or {{slot|fallback words}}"),
    .init(
        source: "x {{}}", message: "a placeholder needs a slot name", offset: 2,
        hint: "write {{slot}}, e.g. {{country}}"),
    .init(
        source: "{{ |fallback}}", message: "a placeholder needs a slot name", offset: 0,
        hint: "write {{slot}}, e.g. {{country}}"),
    .init(
        source: "Dear {{ Doctor_Name }}", message: "slot names are lowercase: 'Doctor_Name'", offset: 8,
        hint: "did you mean 'doctor_name'?"),
    .init(
        source: "{{a b}}", message: "invalid slot name 'a b'", offset: 2,
        hint: "names are lowercase letters, digits and '_', in dotted parts like 'surgery.kind'"),
    .init(
        source: "{{2nd}}", message: "invalid slot name '2nd'", offset: 2,
        hint: "names are lowercase letters, digits and '_', in dotted parts like 'surgery.kind'"),
    // Offsets count Unicode scalars.
    .init(
        source: "e\u{301} {{", message: "'{{' without a closing '}}'", offset: 3,
        hint: "write {{slot}} or {{slot|fallback words}}"),
]

@Test(arguments: templateErrors)
func malformedPlaceholders(_ example: TemplateErrorCase) {
    guard case .failure(let error) = Template.parse(example.source) else {
        Issue.record("parsed: \(example.source)")
        return
    }
    #expect(error.message == example.message)
    #expect(error.offset == example.offset)
    #expect(error.hint == example.hint)
}

// MARK: - Rendering

@Test func rendersChoiceLabels() throws {
    #expect(try render("You are in {{country}}.", ["country": .choice("us")]).0 == "You are in United States.")
    // An unknown option value shows as written.
    #expect(try render("{{country}}", ["country": .choice("fr")]).0 == "fr")
}

@Test func rendersMultiAsList() throws {
    let cases: [([String], String)] = [
        ([], "none"),
        (["pain"], "pain"),
        (["pain", "fever"], "pain and fever"),
        (["pain", "fatigue", "fever"], "pain, tiredness and fever"),
    ]
    for (values, expected) in cases {
        #expect(try render("{{symptoms}}", ["symptoms": .set(values)]).0 == expected)
    }
}

@Test func rendersBoolNumberAndText() throws {
    #expect(try render("{{wants_transfer}}", ["wants_transfer": .bool(true)]).0 == "yes")
    #expect(try render("{{wants_transfer}}", ["wants_transfer": .bool(false)]).0 == "no")
    #expect(try render("{{age}}", ["age": .number(65)]).0 == "65")
    #expect(try render("{{weeks}}", ["weeks": .number(3.5)]).0 == "3.5")
    #expect(try render("Dr {{doctor_name}}", ["doctor_name": .text("O'Neil {{x}}")]).0 == "Dr O'Neil {{x}}")
}

@Test func rendersValuesWithoutAKnownType() throws {
    var missing: [String] = []
    let t = try template("{{a}} / {{b}}")
    let values: [String: Value] = ["a": .choice("uk"), "b": .set(["x", "y"])]
    #expect(t.render({ values[$0] }, slotType: { _ in nil }, missing: &missing) == "uk / x and y")
}

@Test func unansweredUsesFallbackOrReportsMissing() throws {
    let (withFallback, none) = try render("Ask {{doctor_name|your doctor}}.", [:])
    #expect(withFallback == "Ask your doctor.")
    #expect(none == [])

    let (text, missing) = try render(
        "{{age}} and {{country}} and {{age}} and {{weeks|a while}}", ["country": .choice("uk")])
    #expect(text == " and United Kingdom and  and a while")
    #expect(missing == ["age"])

    // Names already in `missing` are not added twice.
    var soFar = ["age"]
    _ = try template("{{age}} {{weeks}}").render({ _ in nil }, slotType: { types[$0] }, missing: &soFar)
    #expect(soFar == ["age", "weeks"])
}

@Test func answeredSlotIgnoresFallback() throws {
    #expect(try render("{{doctor_name|your doctor}}", ["doctor_name": .text("Dr Lee")]).0 == "Dr Lee")
    #expect(try render("{{symptoms|nothing}}", ["symptoms": .set([])]).0 == "none")
}

@Test func displayMatchesRendering() {
    #expect(Template.display(.choice("uk"), type: types["country"]) == "United Kingdom")
    #expect(Template.display(.set(["fatigue"]), type: types["symptoms"]) == "tiredness")
    #expect(Template.display(.number(-2), type: nil) == "-2")
}

@Test func templatesAreCodable() throws {
    let t = try template("Hi {{a|there}} {{b}}")
    #expect(try JSONDecoder().decode(Template.self, from: JSONEncoder().encode(t)) == t)
}
