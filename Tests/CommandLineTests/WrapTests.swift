import Testing

@testable import second_opinion

/// `TerminalText.wrap`: lines wrapped at word boundaries to the terminal's width.
@Suite struct WrapTests {
    @Test func shortLinesAreLeftAsTheyAre() {
        #expect(TerminalText.wrap("Who is the second opinion for?", width: 40) == "Who is the second opinion for?")
        #expect(TerminalText.wrap("exactly ten", width: 11) == "exactly ten")
    }

    @Test func wrapsAtSpacesNeverInsideAWord() {
        let text = "If you feel very unwell right now, call your local emergency number."
        let wrapped = TerminalText.wrap(text, width: 20)
        #expect(wrapped == "If you feel very\nunwell right now,\ncall your local\nemergency number.")
        for line in wrapped.split(separator: "\n") { #expect(line.count <= 20) }
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text)
    }

    @Test(arguments: [12, 20, 33, 57, 80])
    func everyWidthKeepsTheWordsAndTheirOrder(width: Int) {
        let text = "A second opinion can give you more confidence in the diagnosis. It may show you newer or gentler treatments."
        let wrapped = TerminalText.wrap(text, width: width)
        #expect(wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }) == text.split(separator: " "))
        for line in wrapped.split(separator: "\n") { #expect(line.count <= width) }
    }

    @Test func aWordLongerThanTheWidthStandsWholeOnItsOwnLine() {
        let wrapped = TerminalText.wrap("see https://www.example.org/a/very/long/address for more", width: 16)
        #expect(wrapped == "see\nhttps://www.example.org/a/very/long/address\nfor more")
    }

    @Test func existingLineBreaksAndBlankLinesAreKept() {
        let text = "Your answers so far:\n\n- Who the second opinion is for: Someone I care for"
        #expect(TerminalText.wrap(text, width: 30) == "Your answers so far:\n\n- Who the second opinion is\n  for: Someone I care for")
    }

    @Test func indentationAndListMarkersAreKept() {
        #expect(
            TerminalText.wrap("  3. Avoid a wrong diagnosis or a procedure I may not need", width: 32)
                == "  3. Avoid a wrong diagnosis or\n     a procedure I may not need")
        #expect(
            TerminalText.wrap("    back      undo your last answer and ask again", width: 30)
                == "    back      undo your last\n    answer and ask again")
    }

    @Test func escapeSequencesTakeNoColumns() {
        let styled = "\u{1B}[2m- Where the care is: United Kingdom\u{1B}[0m"
        #expect(TerminalText.wrap(styled, width: 35) == styled)
        #expect(TerminalText.wrap(styled, width: 20) == "\u{1B}[2m- Where the care is:\n  United Kingdom\u{1B}[0m")
    }

    @Test func aNarrowWidthLeavesTheTextAlone() {
        #expect(TerminalText.wrap("one two three four", width: 5) == "one two three four")
    }

    @Test func outputThatIsNotATerminalHasNoWidth() {
        // The tests run with standard output piped to the runner.
        if isatty(STDOUT_FILENO) != 1 { #expect(TerminalText.outputWidth() == nil) }
    }
}
