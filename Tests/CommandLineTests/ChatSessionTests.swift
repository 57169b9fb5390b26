import DialogCore
import DialogLoading
import DialogTools
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// The REPL driver run end to end in the test process (`ChatHarness`: scripted lines, a session store of
/// its own, everything written captured): its commands, `reload`, `save transcript` and resuming.
@Suite("Chat session")
struct ChatSessionTests {
    static let small = ChatRun.root + "/Tests/DialogEngineTests/Fixtures/small"
    static let messages = ChatHarness.graph?.messages ?? .english

    /// Makes 'uk' no option of the small set's `country` (so an answer 'uk' no longer fits).
    static func dropUK(in dialogs: String) throws {
        let main = dialogs + "/main.json"
        let text = try String(contentsOfFile: main, encoding: .utf8)
        try text.replacingOccurrences(of: "{ \"value\": \"uk\",", with: "{ \"value\": \"gb\",")
            .replacingOccurrences(of: "country == 'uk'", with: "country == 'gb'")
            .write(toFile: main, atomically: true, encoding: .utf8)
    }

    /// The lines from the first that starts with `prefix`.
    static func lines(_ output: CapturedOutput, from prefix: String) throws -> [String] {
        let at = try #require(output.lines.firstIndex { $0.hasPrefix(prefix) }, "no line starts with '\(prefix)'")
        return Array(output.lines[at...])
    }

    @Test("reload: an answer the edited dialogs cannot hold is named, and its question is asked again")
    func reloadWithADroppedAnswer() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let dialogs = try harness.copy(dialogs: Self.small)
        let (status, _, output) = try harness.chat(
            ["uk", "a tumour", "reload", "us"], interactive: false, dialogs: dialogs,
            beforeLine: [2: { try Self.dropUK(in: dialogs) }])
        #expect(status == 0)
        let after = try Self.lines(output, from: "Reloaded ")
        #expect(after.first?.hasPrefix("Reloaded 3 dialogs") == true)
        #expect(
            Array(after.dropFirst().prefix(3)) == [
                "Dropped 1 answer that no longer fits the dialogs: Where you get care (United Kingdom).",
                "Asking again from main.ask_country.", "Where do you get your care?",
            ])
        // The answer that still fits is kept; the question is answered again with an option there now.
        #expect(harness.savedSlots?["diagnosis"] == .text("a tumour"))
        #expect(harness.savedSlots?["country"] == .choice("us"))
    }

    @Test("reload with unchanged dialogs keeps the answers and shows the question again")
    func reloadKeeps() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let dialogs = try harness.copy(dialogs: Self.small)
        let (_, _, output) = try harness.chat(["uk", "reload"], interactive: false, dialogs: dialogs)
        #expect(Array(try Self.lines(output, from: "Reloaded ").dropFirst().prefix(2)) == ["Your answers are kept.", "In a few words, what did the doctor say?"])
        #expect(harness.savedSlots?["country"] == .choice("uk"))
    }

    @Test("save transcript writes a transcript that replays; without a file it asks for one")
    func saveTranscript() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let path = harness.folder + "/t.transcript"
        let (_, _, output) = try harness.chat(["yes", "me", "save transcript \(path)", "Save Transcript", "quit"], interactive: false)
        #expect(output.lines.contains("Transcript saved to \(path)."))
        #expect(output.lines.contains("Please name a file: save transcript FILE"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("you: me\n"))
        #expect(!text.contains("save transcript"))
        let transcript = try Transcript.parse(text).get()
        let graph = try #require(ChatHarness.graph)
        let result = Replayer.replay(transcript, engine: Engine(graph: graph), file: path)
        #expect(result.passed, Comment(rawValue: result.diff))
    }

    @Test("--resume goes on at the open question, with a welcome back")
    func resume() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        try harness.chat(["yes", "me", "uk"], interactive: false)
        let (_, _, output) = try harness.chat(["summary"], interactive: false, resume: true)
        let first = try #require(output.lines.first)
        #expect(first == Self.messages[.resumeWelcomeBack])
        #expect(output.lines.dropFirst().first?.hasPrefix("Which of these fit the situation?") == true)
        #expect(output.lines.contains("- Where the care is: United Kingdom"))
        #expect(harness.savedSlots?["country"] == .choice("uk"))
    }

    @Test("--resume after the dialogs changed: a dropped answer is named and asked again, as reload does")
    func resumeAfterAChange() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let dialogs = try harness.copy(dialogs: Self.small)
        try harness.chat(["uk", "a tumour"], interactive: false, dialogs: dialogs)
        try Self.dropUK(in: dialogs)
        let (_, _, output) = try harness.chat([], interactive: false, resume: true, dialogs: dialogs)
        // A saved session keeps no dialogs: the answer is named by the slot's label now, and its value as stored.
        #expect(
            Array(output.lines.prefix(4)) == [
                "Dropped 1 answer that no longer fits the dialogs: Where you get care (uk).",
                "Asking again from main.ask_country.", Messages.english[.resumeWelcomeBack], "Where do you get your care?",
            ])
        #expect(harness.savedSlots?["diagnosis"] == .text("a tumour"))
        #expect(harness.savedSlots?["country"] == nil)
    }

    @Test("A command with a typo is not a command; case and ?!. around one do not matter")
    func commandWithATypo() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let (status, reader, output) = try harness.chat(["yes", "me", "hlep", "QUIT?", "uk"], interactive: false)
        #expect(status == 0)
        #expect(reader.lines == ["uk"], "QUIT? did not end the chat")
        let afterTypo = try Self.lines(output, from: "Which country is the medical care in?").dropFirst(5)
        #expect(!afterTypo.contains { $0.hasPrefix("You can also type:") })
        #expect(afterTypo.last == Self.messages[.sessionKept])
        #expect(harness.savedSlots?["country"] == nil)
    }

    @Test("A sentence with a command word in it is an answer", arguments: ["I need help with my records", "save my records", "go back to my old doctor"])
    func sentenceWithACommandWord(_ sentence: String) throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let (_, _, output) = try harness.chat(
            ["yes", "me", "United States", "serious illness, and I feel confused", "peace of mind", sentence], interactive: false)
        guard case .text(let recorded)? = harness.savedSlots?["diagnosis.words"] else {
            Issue.record("no answer recorded for '\(sentence)'")
            return
        }
        #expect(sentence.hasSuffix(recorded))
        #expect(!output.lines.contains(Self.messages[.backDone]))
        #expect(!output.lines.contains { $0.hasPrefix("Saved your documents") })
    }

    @Test("The driver's commands are phrases in the language data too, read with the engine's table")
    func driverCommandsFromData() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let dialogs = try harness.copy(dialogs: Self.small)
        try FileManager.default.createDirectory(atPath: dialogs + "/language/en", withIntermediateDirectories: true)
        try #"{ "commands": { "reload": ["refresh"], "save_transcript": ["keep transcript FILE"], "quit": ["stop"] } }"#
            .write(toFile: dialogs + "/language/en/words.json", atomically: true, encoding: .utf8)
        let path = harness.folder + "/kept.transcript"
        let (_, reader, output) = try harness.chat(
            ["reload", "refresh", "keep transcript \(path)", "help", "stop", "uk"], interactive: false, dialogs: dialogs)
        #expect(output.lines.contains { $0.hasPrefix("Reloaded 3 dialogs") })
        #expect(output.lines.contains("Transcript saved to \(path)."))
        #expect(output.lines.contains("Please pick a number from the list."))  // "reload" is no command here: an answer
        #expect(reader.lines == ["uk"])  // "stop" quits
        #expect(reader.completions.contains("refresh") && !reader.completions.contains("reload"))
        #expect(reader.completions.contains("help"))  // left out of the data: it answers to its name
    }
}
