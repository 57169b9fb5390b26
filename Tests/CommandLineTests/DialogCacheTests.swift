import DialogCore
import DialogLoading
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@testable import second_opinion

/// The chat's compiled dialogs: written after a full load, used while the files stay the same, never
/// trusted when anything changed or the form is damaged.
@Suite("Compiled dialogs cache")
struct DialogCacheTests {
    /// The shipped dialogs, copied into a fresh folder (so a test may edit them), and a cache path beside.
    private func fresh() throws -> (dialogs: String, cache: String, root: String) {
        let root = "/tmp/second-opinion-cache-tests-\(UInt64.random(in: 0...UInt64.max))"
        let dialogs = root + "/Dialogs"
        try FileManager.default.createDirectory(atPath: dialogs, withIntermediateDirectories: true)
        let shipped = FilePaths.parent(of: FilePaths.parent(of: FilePaths.parent(of: #filePath))) + "/Dialogs"
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped) where name.hasSuffix(".json") {
            try FileManager.default.copyItem(atPath: shipped + "/" + name, toPath: dialogs + "/" + name)
        }
        // The language data the red flags are read with.
        try FileManager.default.createDirectory(atPath: dialogs + "/language", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: shipped + "/language/en", toPath: dialogs + "/language/en")
        return (dialogs, root + "/cache/second-opinion/dialogs.bin", root)
    }

    /// The key beside a test's cache: `ROOT/state/cache.key` for `ROOT/cache/second-opinion/dialogs.bin`.
    static func key(_ cache: String) -> String {
        FilePaths.parent(of: FilePaths.parent(of: FilePaths.parent(of: cache))) + "/state/cache.key"
    }

    /// What a chat shows first, for comparing graphs.
    private func opening(_ graph: DialogGraph) -> [Output] { Engine(graph: graph).step(EngineState(seed: 1), .start).1 }

    @Test("The first start writes the form (0600, in a 0700 folder); the next start uses it")
    func writtenThenUsed() throws {
        let (dialogs, cache, root) = try fresh()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true)
        let store = try #require(first.store, "a start without a form must offer to write one")
        #expect(!FileManager.default.fileExists(atPath: cache))  // nothing written before the first prompt
        store()
        let attributes = try FileManager.default.attributesOfItem(atPath: cache)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: FilePaths.parent(of: cache))
        #expect((folder[.posixPermissions] as? Int) == 0o700)

        let second = try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true)
        #expect(second.store == nil, "the form matched: nothing to write")
        #expect(second.graph.nodeOrder == first.graph.nodeOrder)
        #expect(opening(second.graph) == opening(first.graph))
    }

    @Test("Dialog files with comments compile, and the compiled form is used at the next start")
    func commentsCompile() throws {
        let (dialogs, cache, root) = try fresh()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let main = dialogs + "/main.json"
        let text = try String(contentsOfFile: main, encoding: .utf8)
        try ("// The welcome and the first questions.\n/* reviewed by a clinician */\n" + text)
            .write(toFile: main, atomically: true, encoding: .utf8)
        let first = try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true)
        let store = try #require(first.store, "a start without a form must offer to write one")
        store()
        let second = try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true)
        #expect(second.store == nil, "the form matched: nothing to write")
        #expect(opening(second.graph) == opening(first.graph))
    }

    @Test("An edited, added or removed dialog file means a full load")
    func changedFilesAreNotTrusted() throws {
        let (dialogs, cache, root) = try fresh()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store?()
        let files = try FileManager.default.contentsOfDirectory(atPath: dialogs).sorted()
        let edited = dialogs + "/" + files[1]
        let original = try Data(contentsOf: URL(fileURLWithPath: edited))

        // The same JSON with one more space: a different file, so not the compiled one.
        try (original + Data(" ".utf8)).write(to: URL(fileURLWithPath: edited))
        let afterEdit = try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true)
        #expect(afterEdit.store != nil)
        afterEdit.store?()
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store == nil)

        // A new file, then the file taken away again, then one of the compiled files removed. The loader
        // may find errors in such a folder (a dialog twice, a dangling link); either way, never a hit.
        let extra = dialogs + "/zz-extra.json"
        try FileManager.default.copyItem(atPath: edited, toPath: extra)
        try expectNoHit(dialogs, cache)
        try FileManager.default.removeItem(atPath: extra)
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store == nil)
        try FileManager.default.removeItem(atPath: edited)
        try expectNoHit(dialogs, cache)
    }

    /// A load of `dialogs` that did not come from the form: a full load (which offers to write one), or
    /// errors that stop the start.
    private func expectNoHit(_ dialogs: String, _ cache: String) throws {
        do {
            #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store != nil)
        } catch {
            // Errors were found and printed: the chat would not start.
        }
    }

    @Test("A damaged form is set aside for a full load, and written again")
    func damagedFormIsReplaced() throws {
        let (dialogs, cache, root) = try fresh()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store?()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cache)))
        bytes[bytes.count - 40] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: cache))
        let damaged = try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true)
        #expect(damaged.store != nil)
        damaged.store?()
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store == nil)
        // Cut short, or not a form at all.
        try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: cache))
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store != nil)
        try Data("not a form".utf8).write(to: URL(fileURLWithPath: cache))
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store != nil)
    }

    @Test("Nothing is written when the chat may not write (--private), nor when there is nowhere to")
    func readOnlyStartsWriteNothing() throws {
        let (dialogs, cache, root) = try fresh()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: false).store == nil)
        #expect(!FileManager.default.fileExists(atPath: cache))
        #expect(try DialogCache.load(dialogs, cacheFile: nil, keyFile: nil, writable: true).store == nil)
        // A cache folder that cannot be made: the chat still starts, and the write fails quietly.
        try Data().write(to: URL(fileURLWithPath: root + "/plain-file"))
        let blocked = try DialogCache.load(dialogs, cacheFile: root + "/plain-file/sub/dialogs.bin", keyFile: root + "/state/cache.key", writable: true)
        blocked.store?()
        #expect(!FileManager.default.fileExists(atPath: root + "/plain-file/sub/dialogs.bin"))
    }

    @Test("Dialogs with errors never start a chat, cached or not")
    func errorsStillStopTheStart() throws {
        let (dialogs, cache, root) = try fresh()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store?()
        let main = dialogs + "/main.json"
        let text = try String(contentsOfFile: main, encoding: .utf8)
        try Data(text.replacing("\"nodes\"", with: "\"nodez\"").utf8).write(to: URL(fileURLWithPath: main))
        #expect(throws: (any Error).self) { try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true) }
    }

    @Test("Each dialog folder has a cache file of its own, and the program stamp is stable")
    func fileNamePerFolder() throws {
        let a = DialogCache.cacheFile(for: "/x/Dialogs")
        let b = DialogCache.cacheFile(for: "/y/Dialogs")
        #expect(a != nil && a != b)
        #expect(DialogCache.programStamp() != nil)
        #expect(DialogCache.programStamp() == DialogCache.programStamp())
    }

    /// The opening text of a graph, as one string.
    private func openingText(_ graph: DialogGraph) -> String {
        opening(graph).map { "\($0)" }.joined(separator: "\n")
    }

    @Test("A form rebuilt by someone else (safety text changed, checksum right) is never used")
    func forgedFormIsRefused() throws {
        let (dialogs, cache, root) = try fresh()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store?()
        // The forger's graph: the shipped one with the safety words changed, claiming the real sources.
        let forged = root + "/Forged"
        try FileManager.default.copyItem(atPath: dialogs, toPath: forged)
        let main = forged + "/main.json"
        let text = try String(contentsOfFile: main, encoding: .utf8)
        try Data(text.replacing("Welcome.", with: "Hacked.").utf8).write(to: URL(fileURLWithPath: main))
        let forgedGraph = try #require(DialogLoader.load(paths: [forged]).graph)
        let sources = DialogLoader.readSources(paths: [dialogs]).sources
        let stamp = try #require(DialogCache.programStamp())
        let form = CompiledDialogs.encode(forgedGraph, sources: sources, stamp: stamp)
        for sealed in [form, form + [UInt8](repeating: 0, count: 32), form + HMACSHA256.authenticate(form, key: Array("guess".utf8))] {
            try PrivateFiles.writeAtomically(sealed, to: cache)
            let loaded = try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true)
            #expect(loaded.store != nil, "the forged form was used")
            #expect(!openingText(loaded.graph).contains("Hacked."))
        }
    }

    @Test("A sealed form whose place table names a node twice or under another id is refused: the dialogs load from JSON")
    func formWithWrongPlacesFallsBackToJSON() throws {
        let (dialogs, cache, root) = try fresh()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true)
        first.store?()
        let key = try #require(CacheKey.read(Self.key(cache)))
        let sources = DialogLoader.readSources(paths: [dialogs]).sources
        let stamp = try #require(DialogCache.programStamp())
        let (nodes, places) = first.graph.nodes.layout
        let a = nodes[0].id, b = nodes[1].id
        var twice = places
        twice[a.dialog]?[a.node + "-again"] = 0
        var swapped = places
        swapped[a.dialog]?[a.node] = 1
        swapped[b.dialog]?[b.node] = 0
        for forgedPlaces in [twice, swapped] {
            // Sealed with the user's own key, as a buggy writer in this very program would seal it.
            var forged = first.graph
            forged.nodes = NodeTable(nodes: nodes, places: forgedPlaces)
            var form = CompiledDialogs.encode(forged, sources: sources, stamp: stamp)
            form += HMACSHA256.authenticate(form, key: key)
            try PrivateFiles.writeAtomically(form, to: cache)
            let loaded = try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true)
            #expect(loaded.store != nil, "the form was used, not the JSON")
            #expect(loaded.graph.nodes.madeCount == nil, "the nodes are the JSON's, not deferred from the form")
            #expect(loaded.graph.nodes[a]?.id == a && loaded.graph.nodes[b]?.id == b)
            #expect(loaded.graph.nodes.values.count == loaded.graph.nodes.count)
            #expect(opening(loaded.graph) == opening(first.graph))
        }
    }

    @Test("A form or folder writable by others, or owned by someone else, is not trusted")
    func othersFilesAreRefused() throws {
        let (dialogs, cache, root) = try fresh()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = FilePaths.parent(of: cache)
        try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store?()
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store == nil)
        #expect(chmod(cache, 0o666) == 0)
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: false).store == nil)
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store != nil)
        #expect(chmod(cache, 0o600) == 0)
        #expect(chmod(folder, 0o777) == 0)
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store != nil)
        #expect(chmod(folder, 0o700) == 0)
        if geteuid() == 0 {  // only root can give a file away
            #expect(chown(cache, 65_534, 65_534) == 0)
            #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store != nil)
            #expect(chown(cache, 0, 0) == 0)
        }
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store == nil)
        // The key: 0600, and one readable by others is not used.
        let keyInfo = try FileManager.default.attributesOfItem(atPath: Self.key(cache))
        #expect((keyInfo[.posixPermissions] as? Int) == 0o600)
        #expect(chmod(Self.key(cache), 0o644) == 0)
        #expect(try DialogCache.load(dialogs, cacheFile: cache, keyFile: Self.key(cache), writable: true).store != nil)
    }
}

/// The keyed hash against published test vectors.
@Suite("HMAC-SHA256")
struct HMACSHA256Tests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test("SHA-256 of FIPS 180-4's examples")
    func sha256() {
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var pieces = SHA256()
        for _ in 0..<1000 { pieces.update(Array(repeating: UInt8(ascii: "a"), count: 1000)) }
        #expect(hex(pieces.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("RFC 4231 test cases 1, 2 and 6")
    func rfc4231() {
        #expect(
            hex(HMACSHA256.authenticate(Array("Hi There".utf8), key: [UInt8](repeating: 0x0b, count: 20)))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(
            hex(HMACSHA256.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(
            hex(
                HMACSHA256.authenticate(
                    Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8), key: [UInt8](repeating: 0xaa, count: 131)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}
