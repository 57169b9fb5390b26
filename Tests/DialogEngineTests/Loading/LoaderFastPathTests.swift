import Foundation
import Testing

@testable import DialogCore
@testable import DialogLoading

/// The byte-level fast paths of loading and lint give the same answers as the plain definitions.
struct LoaderFastPathTests {
    // MARK: - File access without Foundation

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func readsAWholeFileAndRefusesABigOneUnread() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = folder.appendingPathComponent("a.json").path
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(FileManager.default.createFile(atPath: small, contents: Data(bytes)))
        guard case .bytes(let read) = FileBytes.read(small, limit: 1 << 20) else {
            Issue.record("the file was not read")
            return
        }
        #expect(read == bytes)
        guard case .tooLarge(let size) = FileBytes.read(small, limit: 1_000) else {
            Issue.record("the file was not refused")
            return
        }
        #expect(size == 70_000)
        let empty = folder.appendingPathComponent("empty.json").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        guard case .bytes(let none) = FileBytes.read(empty, limit: 10) else {
            Issue.record("the empty file was not read")
            return
        }
        #expect(none.isEmpty)
    }

    @Test func foldersAndMissingPaths() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["b.json", "a.json", ".hidden.json", "notes.txt"] {
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("{}".utf8)))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub.json"), withIntermediateDirectories: false)
        #expect(FileBytes.isDirectory(folder.path) == true)
        #expect(FileBytes.isDirectory(folder.appendingPathComponent("a.json").path) == false)
        #expect(FileBytes.isDirectory(folder.appendingPathComponent("missing").path) == nil)
        let names = try FileBytes.names(inFolder: folder.path).sorted()
        #expect(names == [".hidden.json", "a.json", "b.json", "notes.txt", "sub.json"])
        guard case .unreadable = FileBytes.read(folder.appendingPathComponent("sub.json").path, limit: 1 << 20) else {
            Issue.record("a folder named like a dialog file was read")
            return
        }
        guard case .unreadable = FileBytes.read(folder.appendingPathComponent("missing.json").path, limit: 1 << 20) else {
            Issue.record("a missing file was read")
            return
        }
    }

    @Test func loadingAFolderSkipsOtherFilesAndReportsTheRest() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialog = #"{ "dialog": "main", "start": "a", "nodes": { "a": { "say": "Hello.", "end": true } } }"#
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("main.json").path, contents: Data(dialog.utf8)))
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("notes.txt").path, contents: Data("x".utf8)))
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(".draft.json").path, contents: Data("{".utf8)))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("old.json"), withIntermediateDirectories: false)
        let result = DialogLoader.load(paths: [folder.path + "/"])
        #expect(result.diagnostics.map(\.message) == ["cannot read the file"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: folder.path + "/old.json", line: 1, column: 1))
        let missing = DialogLoader.load(paths: [folder.path + "/nope"])
        #expect(missing.errors.contains { $0.message == "no such file or folder: \(folder.path)/nope" })
    }

    // MARK: - Prompt measures

    /// The reading grade as it was computed before the one-pass version (letters gathered per word).
    private func referenceGrade(_ text: String) -> Double {
        var words = 0
        var syllables = 0
        var sentences = 0
        var inPlaceholder = false
        var current: [UInt8] = []
        func endWord() {
            guard !current.isEmpty else { return }
            words += 1
            syllables += Readability.countSyllables(current)
            current.removeAll()
        }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") {
                inPlaceholder = true
                current = Array("it".utf8)
            } else if inPlaceholder {
                if byte == UInt8(ascii: "}") { inPlaceholder = false }
            } else if (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "'") {
                current.append(byte | 0x20)
            } else {
                endWord()
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { sentences += 1 }
            }
            previous = byte
        }
        endWord()
        guard words > 0 else { return 0 }
        return 0.39 * Double(words) / Double(max(1, sentences)) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    private static let samples = [
        "", "a", "Hello.", "The table is stable; the apple is simple.", "{{name}}s are here {{x}y} and {{{z}}}.",
        "Do you take blood thinners, like warfarin or apixaban? Say yes or no.", "naïve café – déjà vu!",
        "one two\tthree\nfour  five. six: seven? eight!", "\u{0}odd\u{0} bytes", "It's the surgeon's decision.",
        String(repeating: "word ", count: 30) + "end.",
    ]

    @Test func gradeMatchesTheReferenceOnShippedPromptsAndOddText() throws {
        let load = DialogLoader.load(paths: [Fixtures.dialogs])
        let graph = try #require(load.graph)
        var texts = Self.samples
        for node in graph.nodes.values {
            texts += node.say.map(\.description)
            if let why = node.why { texts.append(why) }
        }
        for text in texts {
            #expect(Readability.grade(text) == referenceGrade(text), "\(text)")
        }
    }

    @Test func byteWordCountsMatchTheCharacterCounts() {
        for text in Self.samples where text.utf8.allSatisfy({ $0 < 0x80 }) {
            var copy = text
            let fast = copy.withUTF8 { GraphLint.wordCounts($0) }
            let slow = GraphLint.wordCountsByCharacter(text)
            #expect(fast?.words == slow.words, "\(text)")
            #expect(fast?.longestSentence == slow.longestSentence, "\(text)")
        }
        var accented = "café au lait"
        #expect(accented.withUTF8 { GraphLint.wordCounts($0) } == nil)
    }

    // MARK: - Offsets in scalars, text scanned as bytes

    @Test func conditionErrorsCountScalarsNotBytes() {
        func failure(_ source: String) -> ExpressionError? {
            if case .failure(let e) = ConditionParser.parse(source) { return e }
            return nil
        }
        #expect(failure("x == 'é' and ¿")?.offset == 13)
        #expect(failure("x == 'é' and ¿")?.message == "unexpected character '¿'")
        #expect(failure("x == 'ünïcödé' and y ==")?.message == "expected a value after '=='")
        #expect(failure("x == 'ünïcödé' and y ==")?.offset == 23)
        #expect(failure("“x” == 1")?.offset == 0)
        #expect(failure("Straße == 'x'")?.offset == 0)
        #expect(failure("a and\u{00A0}(b")?.message == "unclosed parenthesis opened at column 7")
        #expect(failure("a and\u{00A0}(b")?.offset == 8)
    }

    @Test func keywordsInAnyCaseAndEscapesInStrings() throws {
        let parsed = try ConditionParser.parse("NOT a AnD b Or c IN ['it\\'s', \"q\\\"\"]").get()
        #expect(parsed == .or(.and(.not(.slot("a")), .slot("b")), .contains(set: .list(["it's", "q\""]), element: .slot("c", offset: 15))))
    }

    @Test func templatePlaceholdersTrimUnicodeSpaceAndReportScalarOffsets() throws {
        let t = try Template.parse("Héllo {{\u{3000}name\u{2003}|fällback\u{00A0}}}, bye").get()
        #expect(t.segments == [.text("Héllo "), .slot("name", fallback: "fällback"), .text(", bye")])
        guard case .failure(let e) = Template.parse("é{{X}}") else {
            Issue.record("an upper-case name was accepted")
            return
        }
        #expect(e.offset == 3)
        guard case .failure(let open) = Template.parse("ü ü {{name") else {
            Issue.record("an open placeholder was accepted")
            return
        }
        #expect(open.offset == 4)
    }

    @Test func firstOccurrenceOffsetCountsScalars() {
        #expect(Linker.scalarOffset(of: "age", in: "héllo {{age}}") == 8)
        #expect(Linker.scalarOffset(of: "age", in: "no such thing") == 0)
        #expect(Linker.scalarOffset(of: "", in: "abc") == 0)
        #expect(Linker.scalarOffset(of: "b.c", in: "a.b.b.c") == 4)
    }

    // MARK: - Flat adjacency lists

    @Test func reversedAndFilteredAdjacencyKeepOrder() {
        var builder = FlatLists<Int>.Builder(count: 4)
        builder.add(2, to: 1)
        builder.add(1, to: 0)
        builder.add(2, to: 0)
        builder.add(2, to: 1)
        builder.add(0, to: 3)
        let edges = builder.build()
        #expect(Array(edges[0]) == [1, 2])
        #expect(Array(edges[1]) == [2, 2])
        #expect(Array(edges[2]) == [])
        #expect(Array(edges[3]) == [0])
        let back = edges.reversed()
        #expect((0..<4).map { Array(back[$0]) } == [[3], [0], [0, 1, 1], []])
        let kept = edges.filtered { $0 != 2 }
        #expect((0..<4).map { Array(kept[$0]) } == [[1], [], [], [0]])
        #expect(StronglyConnected.loops(edges).isEmpty)
        var cyclic = FlatLists<Int>.Builder(count: 5)
        for (from, to) in [(0, 1), (1, 2), (2, 0), (3, 3), (4, 0)] { cyclic.add(to, to: from) }
        #expect(StronglyConnected.loops(cyclic.build()).map { $0.sorted() }.sorted { $0[0] < $1[0] } == [[0, 1, 2], [3]])
    }
}
