import DialogCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// Temporary files left by a killed chat (issue 15, item 14).
@Suite("Stale temporary files")
struct StaleTemporaryTests {
    private func make(_ path: String, age: TimeInterval) throws {
        try FileManager.default.createDirectory(atPath: FilePaths.parent(of: path), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path)
    }

    @Test("A chat's start removes the tool's own stale temporary files, only those, only older than itself")
    func cleanedAtStart() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let stale = [
            run.statePath + "/.session.json.AbC123", run.statePath + "/history-4242.tmp",
            run.cachePath + "/.dialogs-0123456789abcdef.bin.XyZ987", run.dataPath + "/.second-opinion-documents.md.aaaaaa",
        ]
        let kept = [
            run.statePath + "/.notes.md.AbC123",  // not a name of the tool's
            run.statePath + "/session.json.AbC123",
            run.dataPath + "/Dialogs/.main.json.abcdef",
        ]
        for path in stale + kept { try make(path, age: 3_600) }
        let young = run.statePath + "/.session.json.Young1"
        try make(young, age: -3_600)  // newer than the chat: another chat may be writing it
        #expect(try run.run(["chat"], input: "yes\nquit\n").status == 0)
        for path in stale { #expect(!FileManager.default.fileExists(atPath: path), "\(path) was left") }
        for path in kept + [young] { #expect(FileManager.default.fileExists(atPath: path), "\(path) was deleted") }
        // forget finds the rest of the tool's own.
        #expect(try run.run(["forget"], dialogs: false).output.contains(".session.json.Young1"))
        #expect(!FileManager.default.fileExists(atPath: young))
        for path in kept { #expect(FileManager.default.fileExists(atPath: path)) }
    }
}
