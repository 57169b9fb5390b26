import Testing

@testable import DialogCore

/// Escape sequences and controls are removed by the ECMA-48 grammar, and nothing after a sequence is
/// lost that is not part of it. Each case is run both as ASCII (byte path) and with non-ASCII text
/// appended (scalar path), so both paths are held to the same answers.
@Suite struct InputCleanerTests {
    @Test(arguments: [
        ("\u{1B}[1myes\u{1B}[0m", "yes"),  // SGR
        ("\u{1B}[38;5;196mred", "red"),  // parameters with ';'
        ("\u{1B}[?25lhidden", "hidden"),  // private parameter
        ("\u{1B}]0;title\u{7}yes", "yes"),  // OSC ended by BEL
        ("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),  // OSC 8 hyperlink ended by ST
        ("\u{1B}Pqdata\u{1B}\\yes", "yes"),  // DCS
        ("\u{1B}cyes", "yes"),  // RIS: ESC + final
        ("\u{1B}(Byes", "yes"),  // charset: ESC, intermediate, final
        ("\u{1B}OPyes", "yes"),  // SS3 function key F1
        ("ab\u{1B}", "ab"),  // ESC at the end
        ("\u{1B} yes", "es"),  // ESC SP y is a complete nF sequence (intermediate SP, final y)
        ("\u{1B}\u{1B}[2Jyes", "yes"),  // a lone ESC before a sequence
        ("\u{1B}\tyes", "yes"),  // a lone ESC before a tab: the tab stays a space
        ("\u{1B}[12\u{7}yes", "yes"),  // CSI broken by a control: the control is itself dropped
    ])
    func escapes(_ input: String, _ expected: String) {
        let cleaned = InputCleaner.clean(input)
        #expect(cleaned == expected, "\(input.debugDescription)")
        let wide = InputCleaner.clean(input + "\u{A0}é")  // a no-break space cannot continue any sequence
        #expect(wide == (cleaned.isEmpty ? "é" : cleaned + " é"), "\(input.debugDescription) + é")
    }

    @Test func aLoneEscapeKeepsTheCharacterAfterIt() {
        #expect(InputCleaner.clean("\u{1B}élan") == "élan")
        #expect(InputCleaner.clean("caf\u{1B}\u{7F}é") == "café")
    }

    @Test func eightBitSequencesOnlyWhenShapedLikeOne() {
        #expect(InputCleaner.clean("\u{9B}31myes") == "yes")  // CSI with parameters
        #expect(InputCleaner.clean("\u{9B}yes") == "yes")  // a stray CSI: only it goes
        #expect(InputCleaner.clean("\u{9D}0;title\u{9C}yes") == "yes")  // OSC with its ST
        #expect(InputCleaner.clean("\u{9D}yes") == "yes")  // unterminated: only the introducer goes
        #expect(InputCleaner.clean("\u{9F}apc\u{7}no") == "no")
    }

    @Test func textWithoutControlsIsUnchanged() {
        for text in ["yes", "Dr. Nguyen at Lakeside", "Ｒéunion", "שלום", "😀 fine"] {
            #expect(InputCleaner.clean(text) == text)
        }
    }
}
