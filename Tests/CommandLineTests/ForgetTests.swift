import DialogCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// `forget` deletes the tool's own files by name, and nothing else in its folders (issue 15, item 1).
@Suite("Forget")
struct ForgetTests {
    @Test("Installed dialogs in the data folder survive forget; the tool's own files do not")
    func installedDialogsSurvive() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        // Installed as the README says: the dialogs in ~/.local/share/second-opinion/Dialogs.
        let installed = run.dataPath + "/Dialogs"
        try FileManager.default.createDirectory(atPath: installed, withIntermediateDirectories: true)
        for name in ChatRun.names(in: ChatRun.dialogs) where name.hasSuffix(".json") || name == "language" || name == "data" {
            try FileManager.default.copyItem(atPath: ChatRun.dialogs + "/" + name, toPath: installed + "/" + name)
        }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: run.dataPath + "/notes.txt"))
        let chat = try run.run(["chat", "--dialogs", installed], input: "yes\nsave\nquit\n", dialogs: false)
        #expect(chat.status == 0)
        #expect(FileManager.default.fileExists(atPath: run.dataPath + "/second-opinion-documents.md"))
        #expect(FileManager.default.fileExists(atPath: run.statePath + "/session.json"))

        let forget = try run.run(["forget"], dialogs: false)
        #expect(forget.status == 0)
        #expect(forget.output.contains("second-opinion-documents.md"))
        #expect(ChatRun.names(in: installed) == ChatRun.names(in: ChatRun.dialogs).filter { $0.hasSuffix(".json") || $0 == "language" || $0 == "data" })
        #expect(ChatRun.names(in: run.dataPath) == ["Dialogs", "notes.txt"])
        #expect(ChatRun.names(in: run.statePath) == [])
        #expect(ChatRun.names(in: run.cachePath) == [])
        // The next chat still finds its dialogs.
        #expect(try run.run(["chat", "--dialogs", installed], input: "quit\n", dialogs: false).status == 0)
    }

    @Test("Own names are recognised exactly; others are not")
    func names() {
        #expect(OwnFiles.isOwn("session.json", in: .state))
        #expect(OwnFiles.isOwn("session.unreadable-12.json", in: .state))
        #expect(OwnFiles.isOwn(".session.json.a1B2c3", in: .state))
        #expect(OwnFiles.isOwn("history-4242.tmp", in: .state))
        #expect(!OwnFiles.isOwn("session.unreadable-x.json", in: .state))
        #expect(!OwnFiles.isOwn(".session.json.a1B2", in: .state))
        #expect(!OwnFiles.isOwn("Dialogs", in: .data))
        #expect(!OwnFiles.isOwn("session.json", in: .data))
        #expect(OwnFiles.isOwn("dialogs-0123456789abcdef.bin", in: .cache))
        #expect(OwnFiles.isOwn(".dialogs-0123456789abcdef.bin.XXyy00", in: .cache))
        #expect(!OwnFiles.isOwn("dialogs-0123.bin", in: .cache))
    }
}
