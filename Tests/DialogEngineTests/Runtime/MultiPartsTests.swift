import Testing

@testable import DialogCore
import Understanding

// `OptionIndex.parts(of:tokens:)` reuses the line's tokens for a line without list separators: it must
// cut every line exactly as `parts(of:)` does from the text alone.
@Test func multiPartsFromTheLineTokensMatchPartsFromTheText() {
    let pieces = [
        "pain", "and", "plus", "1", "3", "1-3", "2–4", ",", ";", "/", "&", "+", "|", "-", "fatigue", "Back", "PAIN",
        "ﬁne", "café", "don't", "  ", "\t", "\n", "the", "option", "2nd", "twenty", "x", "!", "?", "é", "—",
    ]
    var rng = SplitMix64(seed: 7)
    for _ in 0..<4_000 {
        var line = ""
        for _ in 0..<rng.pick(8) {
            line += pieces[rng.pick(pieces.count)]
            if rng.pick(3) > 0 { line += " " }
        }
        let tokens = TextNormalizer.tokens(line)
        #expect(
            AnswerMatcher.OptionIndex.parts(of: line, tokens: tokens) == AnswerMatcher.OptionIndex.parts(of: line), "\(line)")
    }
}
