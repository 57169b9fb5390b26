import DialogCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// Privacy details (issue 15, item 16).
@Suite("Privacy details")
struct PrivacyDetailTests {
    @Test("A red-flag line, and the answers to the questions it leads to, stay out of the history")
    func redFlagsStayOutOfHistory() throws {
        let harness = try ChatHarness()
        defer { harness.cleanUp() }
        let disclosure = "I am thinking about killing myself"
        let (_, reader, _) = try harness.chat(["yes", "me", disclosure, "yes", "uk"], interactive: true)
        #expect(reader.remembered.contains("me"))
        #expect(!reader.remembered.contains(disclosure))
        #expect(!reader.remembered.contains { $0.contains("killing") })
        #expect(reader.remembered == ["yes", "me", "uk"], "the answer to 'Are you safe…?' was kept")
    }

    @Test("A state folder that is a symbolic link is neither followed nor emptied")
    func symlinkedStateFolder() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let target = run.home + "/elsewhere"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        #expect(chmod(target, 0o755) == 0)
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: target + "/session.json"))
        try FileManager.default.createDirectory(atPath: run.home + "/.local/state", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: run.statePath, withDestinationPath: target)
        let chat = try run.run(["chat"], input: "yes\nquit\n")
        #expect(chat.output.contains("is a symbolic link"))
        let forget = try run.run(["forget"], dialogs: false)
        #expect(forget.output.contains("is not a folder (a symbolic link is not followed)"))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        #expect(ChatRun.text(of: target + "/session.json") == "theirs")
    }

    @Test("A --out that cannot be written, and stdout to /dev/full, exit non-zero with a message")
    func failuresExitNonZero() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let out = try run.run(["chat", "--out", run.home + "/missing/folder/x.md"], input: "yes\nquit\n")
        #expect(out.status == 1)
        #expect(out.output.contains("Could not save your documents"))
        let full = try run.run(["chat"], input: "yes\nquit\n", stdout: "/dev/full")
        #expect(full.status == 1)
        #expect(full.errors.contains("could not write to standard output: No space left on device"))
    }
}
