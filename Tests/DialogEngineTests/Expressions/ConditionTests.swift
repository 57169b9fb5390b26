import Foundation
import Testing

@testable import DialogCore

/// Slots shared by the condition tests.
private let slotTypes: [String: SlotType] = [
    "country": .choice([
        Option(value: "uk", label: "United Kingdom"),
        Option(value: "us", label: "United States", synonyms: ["usa", "america"]),
        Option(value: "eu", label: "European Union"),
    ]),
    "home_country": .choice([Option(value: "uk", label: "UK"), Option(value: "fr", label: "France")]),
    "plan": .choice([Option(value: "nhs", label: "NHS"), Option(value: "private", label: "Private")]),
    "age": .number(min: 0, max: 120, integer: true),
    "weeks": .number(min: nil, max: nil, integer: false),
    "symptoms": .multi([
        Option(value: "pain", label: "pain"),
        Option(value: "fatigue", label: "tiredness"),
        Option(value: "fever", label: "fever"),
    ]),
    "wants_transfer": .bool,
    "notes": .text,
    "surgery.kind": .choice([Option(value: "knee", label: "Knee"), Option(value: "hip", label: "Hip")]),
]

private func parse(_ source: String) -> Condition? {
    try? ConditionParser.parse(source).get()
}

private func parseError(_ source: String) -> ExpressionError? {
    if case .failure(let error) = ConditionParser.parse(source) { return error }
    return nil
}

private func issues(_ source: String, withSource: Bool = true) -> [ConditionIssue] {
    guard let c = parse(source) else {
        Issue.record("does not parse: \(source)")
        return []
    }
    return ConditionChecker.check(
        c, slotType: { slotTypes[$0] }, slotNames: slotTypes.keys.sorted(), source: withSource ? source : nil)
}

private func slot(_ name: String) -> Operand { .slot(name, offset: 0) }

// MARK: - Parsing

@Test func parsesPrecedenceOrAndNot() {
    #expect(parse("a or b and c") == .or(.slot("a"), .and(.slot("b"), .slot("c"))))
    #expect(parse("a and b or c") == .or(.and(.slot("a"), .slot("b")), .slot("c")))
    #expect(parse("not a and b") == .and(.not(.slot("a")), .slot("b")))
    #expect(parse("(a or b) and c") == .and(.or(.slot("a"), .slot("b")), .slot("c")))
    #expect(parse("a and b and c") == .and(.and(.slot("a"), .slot("b")), .slot("c")))
    #expect(parse("not not a") == .not(.not(.slot("a"))))
    // `not` binds looser than a comparison.
    #expect(parse("not country == 'uk'") == .not(.compare(slot("country"), .eq, .text("uk"))))
}

@Test func keywordsAreCaseInsensitiveAndHaveSymbols() {
    let expected = Condition.or(.and(.slot("a"), .slot("b")), .not(.slot("c")))
    #expect(parse("a AND b Or NOT c") == expected)
    #expect(parse("a && b || !c") == expected)
    #expect(parse("a&&b||!c") == expected)
    #expect(parse("TRUE") == .constant(true))
    #expect(parse("false") == .constant(false))
}

@Test func parsesComparisonsAndMembership() {
    #expect(parse("age >= 65") == .compare(slot("age"), .ge, .number(65)))
    #expect(parse("weeks < -3.5") == .compare(slot("weeks"), .lt, .number(-3.5)))
    #expect(parse("plan != \"none\"") == .compare(slot("plan"), .ne, .text("none")))
    #expect(parse("wants_transfer == true") == .compare(slot("wants_transfer"), .eq, .bool(true)))
    #expect(parse("country == home_country") == .compare(slot("country"), .eq, slot("home_country")))
    #expect(parse("'pain' in symptoms") == .contains(set: slot("symptoms"), element: .text("pain")))
    #expect(parse("country in ['uk', \"eu\",]") == .contains(set: .list(["uk", "eu"]), element: slot("country")))
    #expect(parse("country in []") == .contains(set: .list([]), element: slot("country")))
    #expect(parse("answered(surgery.kind)") == .answered("surgery.kind"))
    #expect(parse("answered ( x )") == .answered("x"))
    for op in ComparisonOperator.allCases {
        #expect(parse("a \(op.rawValue) 1") == .compare(slot("a"), op, .number(1)))
    }
}

@Test func parsesStringEscapes() {
    #expect(parse(#"notes == 'it\'s'"#) == .compare(slot("notes"), .eq, .text("it's")))
    #expect(parse(#"notes == "say \"hi\"""#) == .compare(slot("notes"), .eq, .text("say \"hi\"")))
    #expect(parse(#"notes == 'a\\b'"#) == .compare(slot("notes"), .eq, .text("a\\b")))
    #expect(parse(#"notes == "it's""#) == .compare(slot("notes"), .eq, .text("it's")))
}

@Test func operandOffsetsAreInUnicodeScalars() throws {
    let c = try ConditionParser.parse("'e\u{301}' == notes").get()
    guard case .compare(_, _, .slot(let name, let offset)) = c else {
        Issue.record("unexpected \(c)")
        return
    }
    #expect(name == "notes")
    #expect(offset == 8)
    // Offsets do not take part in equality.
    #expect(Operand.slot("notes", offset: 7) == Operand.slot("notes", offset: 0))
    #expect(Set([Operand.slot("a", offset: 1), .slot("a", offset: 2)]).count == 1)
}

// MARK: - Syntax errors

struct ConditionSyntaxCase: CustomTestStringConvertible, Sendable {
    var source: String
    var message: String
    var offset: Int
    var hint: String? = nil
    var testDescription: String { source }
}

private let syntaxErrors: [ConditionSyntaxCase] = [
    .init(source: "", message: "the condition is empty", offset: 0, hint: "write a condition like country == 'uk'"),
    .init(source: "   ", message: "the condition is empty", offset: 3, hint: "write a condition like country == 'uk'"),
    .init(source: "age ==", message: "expected a value after '=='", offset: 6),
    .init(source: "age == and x", message: "expected a value after '=='", offset: 7),
    .init(source: "age >=", message: "expected a value after '>='", offset: 6),
    .init(source: "(a and b", message: "unclosed parenthesis opened at column 1", offset: 8, hint: "add ')'"),
    .init(source: "x and (a or b", message: "unclosed parenthesis opened at column 7", offset: 13, hint: "add ')'"),
    .init(
        source: "(a b)", message: "expected ')' to close the parenthesis opened at column 1, found 'b'", offset: 3,
        hint: "join conditions with 'and' or 'or'"),
    .init(source: "country = 'uk'", message: "unknown operator '='; did you mean '=='?", offset: 8),
    .init(source: "country === 'uk'", message: "unknown operator '==='; did you mean '=='?", offset: 8),
    .init(source: "age => 3", message: "unknown operator '=>'; did you mean '>='?", offset: 4),
    .init(source: "age =< 3", message: "unknown operator '=<'; did you mean '<='?", offset: 4),
    .init(source: "a <> b", message: "unknown operator '<>'; did you mean '!='?", offset: 2),
    .init(source: "a & b", message: "unknown operator '&'; did you mean 'and'?", offset: 2),
    .init(source: "a | b", message: "unknown operator '|'; did you mean 'or'?", offset: 2),
    .init(source: "country == 'uk", message: "unterminated string", offset: 11, hint: "close it with '"),
    .init(source: "country == \"uk", message: "unterminated string", offset: 11, hint: "close it with \""),
    .init(source: "notes == 'a\\", message: "unterminated string", offset: 9, hint: "close it with '"),
    .init(
        source: "notes == 'a\\nb'", message: "unknown escape '\\n' in a string", offset: 11,
        hint: "the escapes are \\', \\\" and \\\\"),
    .init(
        source: "notes == \u{2018}x\u{2019}", message: "curly quote '\u{2018}' cannot start a string", offset: 9,
        hint: "use straight quotes ' or \""),
    .init(
        source: "a b", message: "unexpected 'b' after the end of the condition", offset: 2,
        hint: "join conditions with 'and' or 'or'"),
    .init(
        source: "a == 'x' b == 'y'", message: "unexpected 'b' after the end of the condition", offset: 9,
        hint: "join conditions with 'and' or 'or'"),
    .init(
        source: "a is 'x'", message: "unexpected 'is' after the end of the condition", offset: 2,
        hint: "did you mean '=='?"),
    .init(
        source: "a == 'x' 'y'", message: "unexpected 'y' after the end of the condition", offset: 9,
        hint: "join conditions with 'and' or 'or'"),
    .init(
        source: "a == 1 == 2", message: "unexpected '==' after the end of the condition", offset: 7,
        hint: "compare one pair at a time and join comparisons with 'and'"),
    .init(source: "a)", message: "unmatched ')'", offset: 1, hint: "remove it, or add '(' where the group starts"),
    .init(
        source: "Country == 'uk'", message: "slot names are lowercase: 'Country'", offset: 0,
        hint: "did you mean 'country'?"),
    .init(
        source: "x and Surgery.Kind", message: "slot names are lowercase: 'Surgery.Kind'", offset: 6,
        hint: "did you mean 'surgery.kind'?"),
    .init(
        source: "a..b == 1", message: "invalid slot name 'a..b'", offset: 0,
        hint: "names are lowercase letters, digits and '_', in dotted parts like 'surgery.kind'"),
    .init(
        source: "_x", message: "invalid slot name '_x'", offset: 0,
        hint: "names are lowercase letters, digits and '_', in dotted parts like 'surgery.kind'"),
    .init(source: "a and", message: "expected a condition after 'and'", offset: 5),
    .init(source: "a && ", message: "expected a condition after '&&'", offset: 5),
    .init(source: "a or )", message: "expected a condition after 'or'", offset: 5),
    .init(source: "not", message: "expected a condition after 'not'", offset: 3),
    .init(source: "()", message: "expected a condition after '('", offset: 1),
    .init(source: ")", message: "expected a condition", offset: 0),
    .init(source: "x in", message: "expected a value after 'in'", offset: 4),
    .init(
        source: "x in ['a', 3]", message: "lists hold quoted values only, found '3'", offset: 11,
        hint: "put it in quotes: '3'"),
    .init(
        source: "x in ['a', b]", message: "lists hold quoted values only, found 'b'", offset: 11,
        hint: "put it in quotes: 'b'"),
    .init(source: "x in ['a'", message: "unclosed list opened at column 6", offset: 9, hint: "add ']'"),
    .init(source: "x in ['a' 'b']", message: "expected ',' or ']' in the list, found 'b'", offset: 10),
    .init(source: "answered x", message: "expected '(' after 'answered'", offset: 9, hint: "write answered(slot_name)"),
    .init(
        source: "answered()", message: "expected a slot name after 'answered('", offset: 9,
        hint: "write answered(slot_name)"),
    .init(source: "answered(x", message: "expected ')' after 'answered(x'", offset: 10),
    .init(
        source: "'pain'", message: "'pain' alone is not a condition", offset: 0,
        hint: "compare it, e.g. 'pain' in symptoms"),
    .init(source: "65", message: "65 alone is not a condition", offset: 0, hint: "compare it, e.g. age >= 65"),
    .init(
        source: "'x' not in s", message: "'not in' is not supported", offset: 4, hint: "write not ('x' in …)"),
    .init(source: "age >= 3.", message: "expected digits after '.' in a number", offset: 9),
    .init(
        source: "age >= 3x", message: "invalid number '3x'", offset: 7, hint: "numbers are written like 12, -3 or 3.5"),
    .init(source: "age >= -x", message: "expected a digit after '-'", offset: 8),
    .init(source: "a @ b", message: "unexpected character '@'", offset: 2),
    // Offsets count Unicode scalars: "e" + combining accent is two.
    .init(
        source: "'e\u{301}' == a b", message: "unexpected 'b' after the end of the condition", offset: 10,
        hint: "join conditions with 'and' or 'or'"),
]

@Test(arguments: syntaxErrors)
func syntaxErrorMessageAndOffset(_ example: ConditionSyntaxCase) {
    let error = parseError(example.source)
    #expect(error?.message == example.message)
    #expect(error?.offset == example.offset)
    #expect(error?.hint == example.hint)
}

@Test func expressionErrorDescriptionIncludesHint() {
    #expect(
        ExpressionError(message: "unknown slot 'x'", offset: 0, hint: "did you mean 'y'?").description
            == "unknown slot 'x' (hint: did you mean 'y'?)")
    #expect(ExpressionError(message: "m", offset: 0).description == "m")
}

// MARK: - Type checking

@Test func wellTypedConditionsHaveNoIssues() {
    let sources = [
        "wants_transfer", "not wants_transfer", "wants_transfer == true", "false != wants_transfer",
        "country == 'uk'", "'uk' == country", "country != 'eu'", "country == home_country",
        "age >= 65", "65 <= age", "age == weeks", "age != 3", "weeks < 2.5", "age >= 120",
        "notes == 'hello'", "notes != notes",
        "'pain' in symptoms", "country in symptoms", "notes in symptoms",
        "country in ['uk', 'eu']", "notes in ['a', 'b']", "answered(surgery.kind) and surgery.kind == 'hip'",
        "true", "1 == 1",
    ]
    for source in sources {
        #expect(issues(source) == [], "\(source)")
    }
}

struct IssueCase: CustomTestStringConvertible, Sendable {
    var source: String
    var kind: ConditionIssue.Kind
    var message: String
    var offset: Int
    var hint: String? = nil
    /// The offset when the checker is not given the source.
    var offsetWithoutSource: Int? = nil
    var testDescription: String { source }
}

private let issueCases: [IssueCase] = [
    .init(
        source: "countri == 'uk'", kind: .unknownSlot, message: "unknown slot 'countri'", offset: 0,
        hint: "did you mean 'country'?"),
    .init(
        source: "wants_transfer and wantz", kind: .unknownSlot, message: "unknown slot 'wantz'", offset: 19,
        hint: "declare it under \"slots\" in a dialog file, or fix the name", offsetWithoutSource: 0),
    .init(
        source: "answered(surgery.knd)", kind: .unknownSlot, message: "unknown slot 'surgery.knd'", offset: 9,
        hint: "did you mean 'surgery.kind'?", offsetWithoutSource: 0),
    .init(
        source: "x and 'pain' in symptoms", kind: .unknownSlot, message: "unknown slot 'x'", offset: 0,
        hint: "declare it under \"slots\" in a dialog file, or fix the name"),
    .init(
        source: "age", kind: .typeMismatch, message: "number slot 'age' is not a yes/no condition", offset: 0,
        hint: "compare it, e.g. age >= 1, or use answered(age)"),
    .init(
        source: "wants_transfer and country", kind: .typeMismatch,
        message: "choice slot 'country' is not a yes/no condition", offset: 19,
        hint: "compare it, e.g. country == 'uk', or use answered(country)", offsetWithoutSource: 0),
    .init(
        source: "notes", kind: .typeMismatch, message: "text slot 'notes' is not a yes/no condition", offset: 0,
        hint: "compare it, e.g. notes == '…', or use answered(notes)"),
    .init(
        source: "not symptoms", kind: .typeMismatch, message: "multi slot 'symptoms' is not a yes/no condition",
        offset: 4, hint: "compare it, e.g. 'pain' in symptoms, or use answered(symptoms)", offsetWithoutSource: 0),
    .init(
        source: "age >= '65'", kind: .typeMismatch, message: "'>=' compares numbers, but text '65' is not a number",
        offset: 7, hint: "write the number without quotes: 65", offsetWithoutSource: 0),
    .init(
        source: "age == '65'", kind: .typeMismatch, message: "cannot compare number slot 'age' with text '65'",
        offset: 0, hint: "write the number without quotes: age == 65"),
    .init(
        source: "age == 'old'", kind: .typeMismatch, message: "cannot compare number slot 'age' with text 'old'",
        offset: 0),
    .init(
        source: "country > 'uk'", kind: .typeMismatch,
        message: "'>' needs an ordered choice, but the options of choice slot 'country' have no order", offset: 0,
        hint: "declare \"ordered\": true on slot 'country' (its options then count from the first to the last), or test it with 'in' and a list"),
    .init(
        source: "age < 'x'", kind: .typeMismatch, message: "'<' compares numbers, but text 'x' is not a number",
        offset: 6, offsetWithoutSource: 0),
    .init(
        source: "notes == 3", kind: .typeMismatch, message: "cannot compare text slot 'notes' with number 3", offset: 0,
        hint: "put the text in quotes: notes == '3'"),
    .init(
        source: "wants_transfer == 'yes'", kind: .typeMismatch,
        message: "cannot compare bool slot 'wants_transfer' with text 'yes'", offset: 0,
        hint: "write true or false without quotes: wants_transfer == true"),
    .init(
        source: "wants_transfer == 1", kind: .typeMismatch,
        message: "cannot compare bool slot 'wants_transfer' with number 1", offset: 0,
        hint: "a bool slot is a condition on its own: wants_transfer, or not wants_transfer"),
    .init(
        source: "country == 3", kind: .typeMismatch, message: "cannot compare choice slot 'country' with number 3",
        offset: 0, hint: "option values are quoted, e.g. country == 'uk'"),
    .init(
        source: "age == country", kind: .typeMismatch,
        message: "cannot compare number slot 'age' with choice slot 'country'", offset: 0),
    .init(
        source: "symptoms == ['pain']", kind: .typeMismatch, message: "cannot compare multi slot 'symptoms' with '=='",
        offset: 0, hint: "use 'in' to test an option, e.g. 'pain' in symptoms"),
    .init(
        source: "symptoms != 'fever'", kind: .typeMismatch, message: "cannot compare multi slot 'symptoms' with '!='",
        offset: 0, hint: "use 'in' to test an option, e.g. 'fever' in symptoms"),
    .init(
        source: "country == ['uk', 'us']", kind: .typeMismatch,
        message: "cannot compare choice slot 'country' with a list using '=='", offset: 0,
        hint: "use 'in' for a list: country in ['uk', 'us']"),
    .init(
        source: "'uk' in country", kind: .typeMismatch,
        message: "'in' needs a multi slot or a list on its right, not choice slot 'country'", offset: 8,
        hint: "compare a choice instead: country == 'uk'"),
    .init(
        source: "symptoms in 'pain'", kind: .typeMismatch,
        message: "'in' needs a multi slot or a list on its right, not text 'pain'", offset: 12,
        hint: "the other way round: 'pain' in symptoms", offsetWithoutSource: 0),
    .init(
        source: "symptoms in ['pain']", kind: .typeMismatch,
        message: "cannot test whether multi slot 'symptoms' is in a list", offset: 0,
        hint: "test one option at a time, e.g. 'pain' in symptoms"),
    .init(
        source: "age in ['1']", kind: .typeMismatch, message: "a list holds text, but number slot 'age' is not text",
        offset: 0, hint: "compare numbers with ==, <, >= …"),
    .init(
        source: "3 in symptoms", kind: .typeMismatch,
        message: "multi slot 'symptoms' holds option values, not number 3",
        offset: 5, hint: "option values are quoted, e.g. 'pain' in symptoms"),
    .init(
        source: "country == 'france'", kind: .impossibleValue,
        message: "'country' has no option with the value 'france'", offset: 11,
        hint: "the values are 'uk', 'us' and 'eu'", offsetWithoutSource: 0),
    .init(
        source: "country == 'ukk'", kind: .impossibleValue, message: "'country' has no option with the value 'ukk'",
        offset: 11, hint: "did you mean 'uk'?", offsetWithoutSource: 0),
    .init(
        source: "country != 'UK'", kind: .impossibleValue, message: "'country' has no option with the value 'UK'",
        offset: 11, hint: "did you mean 'uk'?", offsetWithoutSource: 0),
    .init(
        source: "'United States' == country", kind: .impossibleValue,
        message: "'country' has no option with the value 'United States'", offset: 0,
        hint: "did you mean 'us'? conditions use option values, not labels", offsetWithoutSource: 19),
    .init(
        source: "country == 'america'", kind: .impossibleValue,
        message: "'country' has no option with the value 'america'", offset: 11,
        hint: "did you mean 'us'? conditions use option values, not labels", offsetWithoutSource: 0),
    .init(
        source: "'pian' in symptoms", kind: .impossibleValue, message: "'symptoms' has no option with the value 'pian'",
        offset: 0, hint: "did you mean 'pain'?", offsetWithoutSource: 10),
    .init(
        source: "country in ['uk', 'fr']", kind: .impossibleValue,
        message: "'country' has no option with the value 'fr'",
        offset: 18, hint: "the values are 'uk', 'us' and 'eu'", offsetWithoutSource: 0),
    .init(
        source: "country in []", kind: .impossibleValue, message: "the list is empty, so this is never true", offset: 0),
    .init(
        source: "country == plan", kind: .impossibleValue,
        message: "choice slots 'country' and 'plan' share no option value, so they are never equal", offset: 0),
    .init(
        source: "age > 120", kind: .impossibleValue, message: "'age' is at most 120, so 'age > 120' is never true",
        offset: 0, hint: "compare with a number the slot can hold (a whole number from 0 up to 120)"),
    .init(
        source: "0 > age", kind: .impossibleValue, message: "'age' is at least 0, so '0 > age' is never true",
        offset: 4, hint: "compare with a number the slot can hold (a whole number from 0 up to 120)", offsetWithoutSource: 4),
    .init(
        source: "age == 3.5", kind: .impossibleValue,
        message: "'age' is a whole number, so 'age == 3.5' is never true", offset: 0, hint: "compare with a number the slot can hold (a whole number from 0 up to 120)"),
    .init(
        source: "age == -1", kind: .impossibleValue, message: "'age' is at least 0, so 'age == -1' is never true",
        offset: 0, hint: "compare with a number the slot can hold (a whole number from 0 up to 120)"),
]

@Test(arguments: issueCases)
func typeIssueWithHint(_ example: IssueCase) {
    for withSource in [true, false] {
        let found = issues(example.source, withSource: withSource)
        #expect(found.count == 1, "\(found)")
        guard let issue = found.first else { continue }
        #expect(issue.kind == example.kind)
        #expect(issue.message == example.message)
        #expect(issue.hint == example.hint)
        #expect(issue.offset == (withSource ? example.offset : example.offsetWithoutSource ?? example.offset))
    }
}

@Test func reportsEveryIssueInOrder() {
    let found = issues("countri == 'uk' or age or symptoms == 'pain' or country in ['uk', 'xx', 'yy']")
    #expect(found.map(\.kind) == [.unknownSlot, .typeMismatch, .typeMismatch, .impossibleValue, .impossibleValue])
    #expect(found.map(\.offset) == [0, 19, 26, 66, 72])
}

@Test func repeatedNamesAreLocatedByOccurrence() {
    let found = issues("age >= 1 and age and age == 'x'")
    #expect(found.map(\.offset) == [13, 21])
}

// MARK: - Slots and atoms

@Test func slotsReadExcludesAnsweredOnly() throws {
    let c = try ConditionParser.parse(
        "answered(a) and (b or 'x' in c) and not (d == e) and f in ['z'] and answered(b) and 3 < g"
    ).get()
    #expect(c.slotsRead == ["b", "c", "d", "e", "f", "g"])
    #expect(c.slotsMentioned == ["a", "b", "c", "d", "e", "f", "g"])
    #expect(Condition.constant(true).slotsRead.isEmpty)
}

@Test func atomsAreTheLeavesLeftToRight() throws {
    let c = try ConditionParser.parse("a and not (b == 1 or answered(c)) or true").get()
    #expect(c.atoms == [.slot("a"), .compare(slot("b"), .eq, .number(1)), .answered("c"), .constant(true)])
    #expect(Condition.slot("x").atoms == [.slot("x")])
}

// MARK: - Evaluation

/// The condition evaluated as the engine evaluates it (compiled, slots read by name).
private func evaluate(_ source: String, _ values: [String: Value]) -> Bool? {
    parse(source).map { ConditionProgram($0).evaluate(values) }
}

@Test func evaluatesChoiceComparisons() {
    #expect(evaluate("country == 'uk'", ["country": .choice("uk")]) == true)
    #expect(evaluate("country == 'uk'", ["country": .choice("us")]) == false)
    #expect(evaluate("country == 'uk'", [:]) == false)
    #expect(evaluate("country != 'uk'", ["country": .choice("us")]) == true)
    #expect(evaluate("country != 'uk'", ["country": .choice("uk")]) == false)
    // Unanswered: every comparison is false, so its negation is true.
    #expect(evaluate("country != 'uk'", [:]) == false)
    #expect(evaluate("not (country == 'uk')", [:]) == true)
    #expect(evaluate("'uk' == country", ["country": .choice("uk")]) == true)
}

@Test func evaluatesNumberComparisons() {
    let table: [(ComparisonOperator, Double, Bool)] = [
        (.eq, 64, false), (.eq, 65, true), (.eq, 66, false),
        (.ne, 64, true), (.ne, 65, false), (.ne, 66, true),
        (.lt, 64, true), (.lt, 65, false), (.lt, 66, false),
        (.le, 64, true), (.le, 65, true), (.le, 66, false),
        (.gt, 64, false), (.gt, 65, false), (.gt, 66, true),
        (.ge, 64, false), (.ge, 65, true), (.ge, 66, true),
    ]
    for (op, age, expected) in table {
        #expect(evaluate("age \(op.rawValue) 65", ["age": .number(age)]) == expected, "\(age) \(op.rawValue) 65")
        #expect(evaluate("age \(op.rawValue) 65", [:]) == false)
    }
    #expect(evaluate("65 <= age", ["age": .number(70)]) == true)
    #expect(evaluate("weeks > -0.5", ["weeks": .number(0)]) == true)
}

@Test func evaluatesBoolSlotsAndAnswered() {
    #expect(evaluate("wants_transfer", ["wants_transfer": .bool(true)]) == true)
    #expect(evaluate("wants_transfer", ["wants_transfer": .bool(false)]) == false)
    #expect(evaluate("wants_transfer", [:]) == false)
    #expect(evaluate("not wants_transfer", [:]) == true)
    #expect(evaluate("wants_transfer == false", ["wants_transfer": .bool(false)]) == true)
    #expect(evaluate("wants_transfer == false", [:]) == false)
    #expect(evaluate("answered(wants_transfer)", ["wants_transfer": .bool(false)]) == true)
    #expect(evaluate("answered(wants_transfer)", [:]) == false)
    #expect(evaluate("answered(symptoms)", ["symptoms": .set([])]) == true)
}

@Test func evaluatesMembership() {
    let some: [String: Value] = ["symptoms": .set(["pain", "fever"])]
    #expect(evaluate("'pain' in symptoms", some) == true)
    #expect(evaluate("'fatigue' in symptoms", some) == false)
    #expect(evaluate("'pain' in symptoms", ["symptoms": .set([])]) == false)
    #expect(evaluate("'pain' in symptoms", [:]) == false)
    #expect(evaluate("not ('pain' in symptoms)", [:]) == true)
    #expect(evaluate("country in ['uk', 'eu']", ["country": .choice("eu")]) == true)
    #expect(evaluate("country in ['uk', 'eu']", ["country": .choice("us")]) == false)
    #expect(evaluate("country in ['uk', 'eu']", [:]) == false)
    #expect(evaluate("country in symptoms", ["country": .choice("pain"), "symptoms": .set(["pain"])]) == true)
    #expect(evaluate("country in symptoms", ["symptoms": .set(["pain"])]) == false)
    #expect(evaluate("notes in ['a', 'b']", ["notes": .text("b")]) == true)
}

@Test func evaluatesTextAndSlotToSlot() {
    #expect(evaluate("notes == 'hi'", ["notes": .text("hi")]) == true)
    #expect(evaluate("notes == 'hi'", ["notes": .text("Hi")]) == false)
    #expect(evaluate("country == home_country", ["country": .choice("uk"), "home_country": .choice("uk")]) == true)
    #expect(evaluate("country == home_country", ["country": .choice("uk"), "home_country": .choice("fr")]) == false)
    #expect(evaluate("country == home_country", ["country": .choice("uk")]) == false)
    #expect(evaluate("country != home_country", ["country": .choice("uk")]) == false)
    #expect(evaluate("age < weeks", ["age": .number(1), "weeks": .number(2)]) == true)
}

@Test func evaluatesLogicTruthTables() {
    for a in [true, false] {
        for b in [true, false] {
            let values: [String: Value] = ["a": .bool(a), "b": .bool(b)]
            #expect(evaluate("a and b", values) == (a && b))
            #expect(evaluate("a or b", values) == (a || b))
            #expect(evaluate("not a or b", values) == (!a || b))
            #expect(evaluate("not (a and b)", values) == !(a && b))
        }
    }
    #expect(evaluate("true and not false", [:]) == true)
    #expect(evaluate("a or b", [:]) == false)
}

@Test func evaluationShortCircuits() throws {
    let c = try ConditionParser.parse("a or b").get()
    var looked: [String] = []
    _ = ConditionProgram(c).evaluate { name in
        looked.append(name)
        return .bool(true)
    }
    #expect(looked == ["a"])
}

@Test func illTypedComparisonsEvaluateSafely() {
    #expect(evaluate("age == 'x'", ["age": .number(3)]) == false)
    #expect(evaluate("age != 'x'", ["age": .number(3)]) == true)
    #expect(evaluate("country < 'x'", ["country": .choice("a")]) == false)
    #expect(evaluate("symptoms == ['b', 'a']", ["symptoms": .set(["a", "b"])]) == true)
    #expect(evaluate("'uk' in country", ["country": .choice("uk")]) == false)
}

// MARK: - Description

@Test func descriptionIsCanonicalAndRoundTrips() throws {
    let cases: [(String, String)] = [
        ("country=='uk' AND NOT(age>=65)", "country == 'uk' and not (age >= 65)"),
        ("a || b && !c", "a or (b and not c)"),
        ("(a or b) and c", "(a or b) and c"),
        ("a or (b or c)", "a or (b or c)"),
        ("a or b or c", "a or b or c"),
        ("a and (b and c)", "a and (b and c)"),
        ("not not a", "not not a"),
        ("!(x)", "not x"),
        ("not answered(surgery.kind)", "not answered(surgery.kind)"),
        ("not ('pain' in symptoms)", "not ('pain' in symptoms)"),
        ("x in ['a', \"b'c\", 'd\\\\e']", "x in ['a', 'b\\'c', 'd\\\\e']"),
        ("weeks > -3.50", "weeks > -3.5"),
        ("age >= 65.0", "age >= 65"),
        ("TRUE", "true"),
        ("wants_transfer == false", "wants_transfer == false"),
        ("notes == \"say \\\"hi\\\"\"", "notes == 'say \"hi\"'"),
    ]
    for (source, canonical) in cases {
        let c = try ConditionParser.parse(source).get()
        #expect(c.description == canonical)
        #expect(try ConditionParser.parse(c.description).get() == c, "\(source)")
    }
    #expect(Operand.list([]).description == "[]")
}

@Test func constructedConditionsRoundTrip() throws {
    let conditions: [Condition] = [
        .and(.or(.slot("a"), .slot("b")), .not(.and(.slot("c"), .constant(false)))),
        .or(.and(.slot("a"), .slot("b")), .and(.slot("c"), .slot("d"))),
        .not(.not(.compare(.number(1), .lt, slot("x")))),
        .not(.or(.slot("a"), .contains(set: .list(["x"]), element: .text("it's")))),
        .and(.not(.slot("a")), .not(.answered("b"))),
    ]
    for c in conditions {
        #expect(try ConditionParser.parse(c.description).get() == c, "\(c)")
    }
}

@Test func conditionsAreCodable() throws {
    let c = try ConditionParser.parse("country in ['uk'] and not (age >= 3 or wants_transfer)").get()
    let data = try JSONEncoder().encode(c)
    #expect(try JSONDecoder().decode(Condition.self, from: data) == c)
}
