import DialogCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// Escape sequences from files and from the person never reach the terminal or a saved file raw
/// (issue 15, item 15).
@Suite("Escape sequences")
struct EscapeSequenceTests {
    static let title = "\u{1B}]0;pwned\u{7}"
    static let clear = "\u{1B}[2J\u{1B}[H"

    private func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) }
    }

    @Test("Answers in a session file are cleaned before summary shows them and save writes them")
    func sessionValues() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        #expect(try run.run(["chat"], input: "yes\nsomeone I care for\nRosa\n").status == 0)
        let session = run.statePath + "/session.json"
        let text = try #require(ChatRun.text(of: session))
        #expect(text.contains("\"Rosa\""))
        let forged = text.replacing("\"Rosa\"", with: "\"Ro\\u001b]0;pwned\\u0007sa\\u001b[2J\\u009b31m\"")
        try PrivateFiles.writeAtomically(forged, to: session)
        let resumed = try run.run(["chat", "--resume"], input: "summary\nsave out.md\nquit\n")
        #expect(resumed.output.contains("Rosa"))
        #expect(!hasControls(resumed.output))
        let saved = try #require(ChatRun.text(of: run.home + "/out.md"))
        #expect(!hasControls(saved))
    }

    @Test("Typed escapes stay out of transcripts, saved transcripts and the history")
    func typedLines() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let input = "yes\nsomeone I care for\n\(Self.title)Ro\(Self.clear)sa\nsave transcript t.transcript\nquit\n"
        #expect(try run.run(["chat", "--record", "r.transcript"], input: input).status == 0)
        for name in ["r.transcript", "t.transcript"] {
            let text = try #require(ChatRun.text(of: run.home + "/" + name))
            #expect(text.contains("you: Rosa"))
            #expect(!hasControls(text))
        }
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let (_, reader, _) = try harness.chat(["yes", "someone I care for", "\(Self.title)Ro\(Self.clear)sa"], interactive: true)
        #expect(reader.remembered.last == "Rosa")
    }

    @Test("Replay diffs show transcript lines cleaned")
    func replayDiffs() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let transcript = "# seed: 1\nbot: \(Self.clear)Hello\(Self.title)\nyou: \(Self.title)yes\n"
        try Data(transcript.utf8).write(to: URL(fileURLWithPath: run.home + "/x.transcript"))
        let replay = try run.run(["replay", run.home + "/x.transcript"])
        #expect(replay.status != 0)
        #expect(replay.output.contains("Hello"))
        #expect(!hasControls(replay.output))
    }

    @Test("TerminalText keeps line feeds and tabs, drops every other control")
    func cleaning() {
        #expect(TerminalText.clean("a\tb\nc") == "a\tb\nc")
        #expect(TerminalText.clean("Ro\(Self.title)sa\(Self.clear)!") == "Rosa!")
        #expect(TerminalText.clean("x\u{9B}31my\u{9D}8;;evil\u{9C}z\u{202E}w\r") == "xyzw")
        #expect(TerminalText.clean("café ✓") == "café ✓")
    }
}
