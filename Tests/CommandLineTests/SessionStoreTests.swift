import DialogCore
import DialogLoading
import DialogTools
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@testable import second_opinion

@Suite("Saved sessions")
struct SessionStoreTests {
    /// A store in a fresh private folder under the system's temporary folder.
    private func freshStore() throws -> SessionStore {
        let folder = "/tmp/second-opinion-tests-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return SessionStore(path: folder + "/session.json")
    }

    private func write(_ text: String, to store: SessionStore) throws {
        try PrivateFiles.writeAtomically(text, to: store.path)
    }

    @Test("A saved state loads back as it was, with its seed")
    func roundTrip() throws {
        let store = try freshStore()
        defer { try? FileManager.default.removeItem(atPath: FilePaths.parent(of: store.path)) }
        guard case .none = store.load() else {
            Issue.record("an empty folder has a session")
            return
        }
        var state = EngineState(seed: 42)
        state.slots["who"] = .text("me")
        try store.save(seed: 42, state: state)
        guard case .loaded(let seed, let loaded) = store.load() else {
            Issue.record("the saved session did not load")
            return
        }
        #expect(seed == 42)
        #expect(loaded.slots["who"] == .text("me"))
    }

    @Test("A session from a newer version is kept aside with that reason")
    func newerVersion() throws {
        let store = try freshStore()
        defer { try? FileManager.default.removeItem(atPath: FilePaths.parent(of: store.path)) }
        var state = EngineState(seed: 1)
        state.version = EngineState.version + 1
        try store.save(seed: 1, state: state)
        guard case .unusable(let reason, let keptAt) = store.load() else {
            Issue.record("a newer session was accepted")
            return
        }
        #expect(reason == "it was saved by a newer version of second-opinion")
        #expect(keptAt?.hasSuffix("session.unreadable-1.json") == true)
        #expect(FileBytes.isDirectory(store.path) == nil)
    }

    @Test("Damaged, truncated and foreign files are kept aside, numbered")
    func damaged() throws {
        let store = try freshStore()
        defer { try? FileManager.default.removeItem(atPath: FilePaths.parent(of: store.path)) }
        var state = EngineState(seed: 3)
        state.slots["who"] = .text("me")
        try store.save(seed: 3, state: state)
        guard case .bytes(let saved) = FileBytes.read(store.path) else {
            Issue.record("cannot read the saved session")
            return
        }
        for (n, text) in ["garbage", String(decoding: saved.dropLast(9), as: UTF8.self), #"{"format":"something-else","seed":1}"#].enumerated() {
            try write(text, to: store)
            guard case .unusable(let reason, let keptAt) = store.load() else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect(reason == "it is damaged or incomplete")
            #expect(keptAt?.hasSuffix("session.unreadable-\(n + 1).json") == true)
        }
    }
}

@Suite("Private files")
struct PrivateFilesTests {
    @Test("Paths join with one slash and split at the last")
    func paths() {
        #expect(FilePaths.join("/a/b", "c") == "/a/b/c")
        #expect(FilePaths.join("/a/b//", "c") == "/a/b/c")
        #expect(FilePaths.join("/", "c") == "/c")
        #expect(FilePaths.parent(of: "/a/b/c") == "/a/b")
        #expect(FilePaths.parent(of: "/a") == "/")
        #expect(FilePaths.parent(of: "c") == ".")
        #expect(FilePaths.lastComponent(of: "/a/b/c.json") == "c.json")
        #expect(FilePaths.lastComponent(of: "c") == "c")
        #expect(FilePaths.absolute("/a/b") == "/a/b")
        let directory = FilePaths.currentDirectory()
        #expect(directory?.hasPrefix("/") == true)
        #expect(FilePaths.absolute("notes.md") == directory.map { FilePaths.join($0, "notes.md") })
    }

    @Test("An atomic write replaces the file whole, mode 0600, and leaves no temporary file")
    func atomicWrite() throws {
        let folder = "/tmp/second-opinion-tests-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = FilePaths.join(folder, "notes.md")
        try PrivateFiles.writeAtomically("first version, longer than the second", to: path)
        try PrivateFiles.writeAtomically("second", to: path)
        guard case .bytes(let bytes) = FileBytes.read(path) else {
            Issue.record("cannot read back \(path)")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "second")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(FileBytes.entries(inFolder: folder) == ["notes.md"])
    }

    @Test("Writing into a missing folder fails with the system's reason, and writes nothing")
    func missingFolder() {
        let path = "/tmp/second-opinion-tests-missing-\(UInt64.random(in: 0...UInt64.max))/notes.md"
        #expect(throws: PrivateFiles.Failure.self) { try PrivateFiles.writeAtomically("x", to: path) }
        #expect(FileBytes.isDirectory(path) == nil)
    }
}

/// A FIFO, a device or an endless file at the session's path (issue 15, item 10).
@Suite("Special session files")
struct SpecialSessionFileTests {
    @Test("A FIFO or a link to /dev/zero as the session is set aside at once")
    func specialSessionIsSetAside() throws {
        let folder = "/tmp/second-opinion-tests-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = SessionStore(path: folder + "/session.json")
        #expect(mkfifo(store.path, 0o600) == 0)
        guard case .unusable(let reason, _) = store.load() else {
            Issue.record("a FIFO was taken for a session")
            return
        }
        #expect(reason == "it cannot be read")
        try FileManager.default.createSymbolicLink(atPath: store.path, withDestinationPath: "/dev/zero")
        guard case .unusable = store.load() else {
            Issue.record("/dev/zero was taken for a session")
            return
        }
    }
}
