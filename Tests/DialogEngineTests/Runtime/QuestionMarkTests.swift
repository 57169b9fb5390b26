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

    @Test func questionWordsAgreeWithTheSet() {
        for word in Turn.questionWords.sorted() + ["", "Is", "isn't", "whom", "wh\u{E4}t", "what?"] {
            #expect((Turn.questionWordTable[word] != nil) == Turn.questionWords.contains(word))
        }
    }
}
