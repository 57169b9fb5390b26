@testable import DialogCore
import Testing

/// The engine's quick test for a typed question agrees with `hasSuffix("?")`.
@Suite struct QuestionMarkTests {
    @Test(arguments: [
        "", "?", "??", "is it?", "is it", "is it? ", "caf\u{E9}?", "cafe\u{301}?", "?\u{301}", "x?\u{301}", "\u{600}?",
        "\u{1F600}?", "\u{37E}", "ok\r\n?", "\u{FF1F}", "a\u{200D}?", "why ?",
    ])
    func agreesWithHasSuffix(_ text: String) {
        #expect(Turn.endsWithQuestionMark(text) == text.hasSuffix("?"), "\(text.debugDescription)")
    }

    @Test func questionWordsAreWholeLowerCaseWords() {
        for word in ["is", "what", "shall", "how"] { #expect(Turn.questionWords.contains(word), "\(word)") }
        for word in ["", "Is", "isn't", "whom", "wh\u{E4}t", "what?"] { #expect(!Turn.questionWords.contains(word), "\(word)") }
    }
}
