@testable import DialogCore
@testable import DialogTools
import Testing

/// The matcher a replay uses says lines agree only when comparing `OutputFormatter`'s lines as
/// strings (as the replay always has) says so.
@Suite struct SpokenLineMatcherTests {
    /// The lines a replay compares: each output's formatted lines without trailing spaces and tabs.
    static func made(_ outputs: [Output]) -> [String] {
        OutputFormatter.lines(outputs, messages: .english).map { text in
            var line = text
            while let last = line.utf8.last, last == 0x20 || last == 0x09 { line.removeLast() }
            return line
        }
    }

    static func agrees(_ outputs: [Output], _ expected: [String]) -> Bool {
        let numbered = expected.enumerated().map { Transcript.Numbered(line: .bot($0.element), number: $0.offset + 1) }
        var matcher = SpokenLineMatcher(numbered)
        matcher.bot(outputs)
        matcher.end()
        return matcher.agrees
    }

    static let texts = [
        "", "Hello.", "Hello.\nHow are you?", "two\n\nblank", "ends with newline\n", "\n", "\n\n", "crlf\r\nstays one",
        "trailing space ", "trailing tab\t", "spaces  \nthen more  ", "cr at end\r", "cr before newline\r\nx\n",
        "café", "cafe\u{301}", "exactly eight", "a much longer line of text that runs past sixteen bytes\nand another",
        "\u{600} ", "tab\tinside", "────────",
    ]

    static let outputs: [Output] =
        texts.map { Output.text($0, .say) }
        + texts.map { Output.document(id: "d", title: "T", markdown: $0) }
        + [
            .options(["Me", "Someone I care for"]), .options(["", " ", "x ", "label\t", "café"]),
            .options((1...12).map { "Option \($0)" }), .options([]),
            .save(path: nil, markdown: "m"), .save(path: "notes.md ", markdown: ""), .end, .quit,
        ]

    @Test(arguments: 0..<outputs.count)
    func agreesWithTheFormattedLines(_ index: Int) {
        let output = Self.outputs[index]
        let lines = Self.made([output])
        #expect(Self.agrees([output], lines))
        // Every line changed, dropped, doubled or added makes a difference.
        for k in lines.indices {
            var changed = lines
            changed[k] += "x"
            #expect(!Self.agrees([output], changed))
            changed = lines
            changed.remove(at: k)
            #expect(!Self.agrees([output], changed))
            changed = lines
            changed.insert(lines[k], at: k)
            #expect(!Self.agrees([output], changed))
            if !lines[k].isEmpty {
                changed = lines
                changed[k].removeLast()
                #expect(!Self.agrees([output], changed))
            }
        }
        #expect(!Self.agrees([output], lines + [""]))
    }

    @Test func documentsInARowShareOneRule() {
        let two: [Output] = [.document(id: "a", title: "A", markdown: "one\n"), .document(id: "b", title: "B", markdown: "two\n")]
        #expect(Self.made(two) == ["────────", "one", "────────", "two", "────────"])
        #expect(Self.agrees(two, Self.made(two)))
        #expect(!Self.agrees(two, ["────────", "one", "────────", "────────", "two", "────────"]))
    }

    @Test func severalOutputsInARow() {
        let outputs = Array(Self.outputs.prefix(30))
        #expect(Self.agrees(outputs, Self.made(outputs)))
        #expect(!Self.agrees(outputs, Array(Self.made(outputs).dropLast())))
    }

    @Test func equivalentTextIsComparedAsStrings() {
        // "é" and "e" + combining acute are the same String, as the replay has always compared lines.
        #expect(Self.agrees([.text("café", .say)], ["cafe\u{301}"]))
        #expect(Self.agrees([.document(id: "d", title: "T", markdown: "café\n")], ["────────", "cafe\u{301}", "────────"]))
        #expect(!Self.agrees([.text("café", .say)], ["cafe"]))
    }

    @Test func youLinesMustComeWhereTheyAre() {
        let numbered: [Transcript.Numbered] = [
            .init(line: .comment("c"), number: 1), .init(line: .bot("Hi"), number: 2), .init(line: .you("yes"), number: 3),
            .init(line: .assertion("at x.y"), number: 4), .init(line: .bot("Bye"), number: 5),
        ]
        var matcher = SpokenLineMatcher(numbered)
        matcher.bot([.text("Hi", .say)])
        matcher.you(at: 2)
        matcher.bot([.text("Bye", .say)])
        matcher.end()
        #expect(matcher.agrees)

        var early = SpokenLineMatcher(numbered)
        early.you(at: 2)
        #expect(!early.agrees)
    }
}
