import Testing

@testable import DialogCore

/// Output lines are cut exactly where splitting the text's Characters on "\n" cuts it.
@Suite struct OutputLineTests {
    @Test(arguments: [
        "", "one", "one\ntwo", "\n", "\n\n", "a\n", "\na", "tail \n  ", "crlf\r\nstays", "\r\n\r\n", "é\nü😀\n", "\n\u{301}x",
        "x\r", "\r", "a\rb\nc",
    ])
    func linesMatchCharacterSplit(_ text: String) {
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(OutputFormatter.splitLines(text) == expected, "\(text.debugDescription)")
    }

    @Test func randomTextMatchesCharacterSplit() {
        var rng = SplitMix64(seed: 7)
        let pieces = ["a", " ", "\n", "\r", "\r\n", "é", "\u{301}", "😀", "\t", "ß"]
        for _ in 0..<2_000 {
            let text = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(OutputFormatter.splitLines(text) == expected, "\(text.debugDescription)")
        }
    }
}
