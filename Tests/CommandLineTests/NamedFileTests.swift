import DialogCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// Files the person names: never a special file replaced (item 2), never an existing file overwritten
/// unasked (item 7), recordings that say why they fail and replay byte for byte (item 8).
@Suite("Named files")
struct NamedFileTests {
    private func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    @Test("A symbolic link stays a link; its file gets the documents")
    func linkStaysLink() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        try Data("old".utf8).write(to: URL(fileURLWithPath: run.home + "/real.md"))
        try FileManager.default.createSymbolicLink(atPath: run.home + "/link.md", withDestinationPath: "real.md")
        let chat = try run.run(["chat", "--out", "link.md", "--force"], input: "yes\nquit\n")
        #expect(chat.status == 0)
        #expect(kind(run.home + "/link.md") == S_IFLNK)
        #expect(ChatRun.text(of: run.home + "/real.md")?.contains("# ") == true)
    }

    @Test("A device is written directly, never replaced by a file")
    func deviceIsNotReplaced() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let device = run.home + "/null"
        guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else { return }  // not root: nothing to check
        let chat = try run.run(["chat"], input: "yes\nsave \(device)\nquit\n")
        #expect(chat.status == 0)
        #expect(kind(device) == S_IFCHR)
        #expect(chat.output.contains("Wrote your documents to \(device)."))
    }

    @Test("Standard output gets the documents in place, and stays what it was")
    func standardOutput() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let captured = run.home + "/captured.txt"
        _ = FileManager.default.createFile(atPath: captured, contents: nil)
        let chat = try run.run(["chat", "--out", "/dev/stdout"], input: "yes\nquit\n", stdout: captured)
        #expect(chat.status == 0)
        let text = ChatRun.text(of: captured) ?? ""
        #expect(text.contains("Shall we go on?"))
        #expect(text.contains("Wrote your documents to /dev/stdout."))
        #expect(kind("/dev/stdout") == S_IFLNK)
    }

    @Test("A FIFO nobody reads and a folder are refused with the reason; the chat goes on")
    func refused() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let fifo = run.home + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createDirectory(atPath: run.home + "/folder", withIntermediateDirectories: false)
        let chat = try run.run(["chat"], input: "yes\nsave ./fifo\nsave ./folder\nquit\n")
        #expect(chat.status == 0)
        #expect(kind(fifo) == S_IFIFO)
        #expect(kind(run.home + "/folder") == S_IFDIR)
        #expect(chat.output.contains("no program is reading from it"))
        #expect(chat.output.contains("folder is a folder"))
    }

    @Test("An existing file is kept when piped: the documents go to NAME-2, and the message says so")
    func existingKeptWhenPiped() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let mine = run.home + "/notes.md"
        try Data("my own notes".utf8).write(to: URL(fileURLWithPath: mine))
        let chat = try run.run(["chat"], input: "yes\nsave notes.md\nsave notes.md\nquit\n")
        #expect(ChatRun.text(of: mine) == "my own notes")
        #expect(ChatRun.text(of: run.home + "/notes-2.md")?.contains("# ") == true)
        #expect(ChatRun.text(of: run.home + "/notes-3.md")?.contains("# ") == true)
        #expect(chat.output.contains("notes.md already exists and was left as it is; your documents went to \(run.home)/notes-2.md instead"))
        // --force replaces.
        #expect(try run.run(["chat", "--force"], input: "yes\nsave notes.md\nquit\n").status == 0)
        #expect(ChatRun.text(of: mine)?.contains("# ") == true)
    }

    @Test("At a terminal the person is asked before a file is replaced")
    func existingAskedAtTerminal() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let mine = harness.folder + "/notes.md"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: mine))
        try harness.chat(["yes", "save \(mine)", "no"], interactive: true)
        #expect(ChatRun.text(of: mine) == "mine")
        #expect(ChatRun.text(of: harness.folder + "/notes-2.md")?.contains("# ") == true)
        try harness.chat(["yes", "save \(mine)", "hmm", "yes"], interactive: true)
        #expect(ChatRun.text(of: mine)?.contains("# ") == true)
    }

    @Test("--record to a missing folder or a folder says why and exits non-zero")
    func recordFailures() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let missing = try run.run(["chat", "--record", run.home + "/no/such/folder/r.transcript"], input: "yes\nquit\n")
        #expect(missing.status != 0)
        #expect(missing.errors.contains("cannot record"))
        #expect(missing.output.contains("No such file or directory"))
        let folder = try run.run(["chat", "--record", run.home], input: "yes\nquit\n")
        #expect(folder.status != 0)
        #expect(folder.output.contains("is a folder"))
    }

    @Test("A recording replays byte for byte")
    func recordingReplays() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let answers = ["yes", "me", "uk", "1, 2", "what is a second opinion?", "1", "summary", "back", "1", "help", "quit"]
        let chat = try run.run(["chat", "--record", "r.transcript"], input: answers.joined(separator: "\n") + "\n")
        #expect(chat.status == 0)
        let recorded = try #require(ChatRun.text(of: run.home + "/r.transcript"))
        #expect(recorded.hasPrefix("# seed: 1\n# recorded-by: second-opinion"))
        #expect(recorded.contains("bot: Welcome."))
        let replay = try run.run(["replay", run.home + "/r.transcript"])
        #expect(replay.status == 0, "\(replay.output)")
        // Replaying with --update writes exactly what was recorded.
        #expect(try run.run(["replay", "--update", run.home + "/r.transcript"]).status == 0)
        #expect(ChatRun.text(of: run.home + "/r.transcript") == recorded)
        // `save transcript` writes the same conversation.
        let saved = try run.run(["chat", "--record", "s.transcript"], input: "yes\nme\nsave transcript t.transcript\nquit\n")
        #expect(saved.status == 0)
        #expect(ChatRun.text(of: run.home + "/t.transcript").map { $0 + "you: quit\nbot: Goodbye. Take care of yourself.\n" } == ChatRun.text(of: run.home + "/s.transcript"))
    }

    @Test("NAME-N keeps the extension")
    func numbering() {
        #expect(NamedFile.numbered("notes.md", 2) == "notes-2.md")
        #expect(NamedFile.numbered("/a/b/notes", 3) == "/a/b/notes-3")
        #expect(NamedFile.numbered("/a/.hidden", 2) == "/a/.hidden-2")
        #expect(NamedFile.numbered("a.tar.gz", 2) == "a.tar-2.gz")
    }
}
