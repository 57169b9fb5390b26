import DialogCore
import Testing

/// Multiple-choice answers in a person's own words: extra words are ignored, negations are not.
@Suite struct MultiAnswerWordsTests {
    static let type = SlotType.multi([
        Option(value: "confirm", label: "Check that the diagnosis is right"),
        Option(value: "options", label: "Hear about other treatment options"),
        Option(value: "avoid", label: "Avoid a wrong diagnosis or a procedure I may not need"),
        Option(value: "fever", label: "Fever"),
        Option(value: "pain", label: "Pain"),
    ])
    let matcher = AnswerMatcher(type: type)

    @Test func extraWordsAroundANamedOptionAreIgnored() {
        #expect(matcher.match("check the diagnosis, avoid surgery I might not need") == .matched(.set(["confirm", "avoid"])))
        #expect(matcher.match("mostly the pain, honestly") == .matched(.set(["pain"])))
    }

    @Test func negationOrExceptionBeforeAnOptionIsNotASelection() {
        #expect(matcher.match("pain, not fever") == .noMatch)
        #expect(matcher.match("everything but fever") == .noMatch)
    }

    @Test func aPartNamingNothingIsNotAnAnswer() {
        #expect(matcher.match("purple elephants") == .noMatch)
    }
}
