@testable import DialogCore
@_spi(Fuzzing) @testable import DialogLoading
@testable import DialogTools
import Foundation
import Testing

/// The compiled form gives back exactly the graph the loader made, and only for exactly the same files.
@Suite struct CompiledDialogsTests {
    static let stamp = Array("test build 1".utf8)

    /// Every folder of dialogs the tests ship that loads cleanly.
    static let cleanFolders: [String] = {
        let explore = Fixtures.root.appendingPathComponent("Tests/DialogEngineTests/Fixtures/explore").path
        let candidates = [Fixtures.dialogs, Fixtures.small] + Fixtures.folders(in: explore).map { explore + "/" + $0 }
        return candidates.filter { DialogLoader.load(paths: [$0]).graph != nil }
    }()

    static func compiled(_ folder: String) throws -> (read: DialogLoader.SourceSet, graph: DialogGraph, bytes: [UInt8]) {
        let read = DialogLoader.readSources(paths: [folder])
        let graph = try #require(DialogLoader.load(read, checks: .errors).graph)
        return (read, graph, CompiledDialogs.encode(graph, sources: read.sources, stamp: stamp))
    }

    @Test func thereAreSeveralCleanFolders() {
        #expect(Self.cleanFolders.count >= 3)
        #expect(Self.cleanFolders.contains(Fixtures.dialogs))
    }

    /// Field by field, the decoded graph is the loaded one, and writing it again gives the same bytes.
    @Test(arguments: cleanFolders)
    func decodesToTheLoadedGraph(_ folder: String) throws {
        let (read, graph, bytes) = try Self.compiled(folder)
        let decoded = try #require(CompiledDialogs.decode(bytes, sources: read.sources, stamp: Self.stamp))
        let expected = DeepDump.text(graph)
        #expect(DeepDump.text(decoded) == expected)
        #expect(expected.count > 1000)
        #expect(CompiledDialogs.encode(decoded, sources: read.sources, stamp: Self.stamp) == bytes)
    }

    /// The dump sees what the codec must keep: a changed slot label or a dropped matcher phrase shows.
    @Test func deepDumpSeesSmallDifferences() throws {
        let (_, graph, _) = try Self.compiled(Fixtures.small)
        var changed = graph
        let name = try #require(changed.slotOrder.first)
        changed.slots[name]?.label += "!"
        #expect(DeepDump.text(changed) != DeepDump.text(graph))
        var fewer = graph
        let interrupt = try #require(fewer.interrupts.first)
        fewer.interrupts[0].matcher = PhraseMatcher(phrases: Array(interrupt.matcher.texts.dropLast()))
        #expect(DeepDump.text(fewer) != DeepDump.text(graph))
    }

    /// The shipped conversation run on a decoded graph: every transcript replays byte for byte.
    @Test func shippedTranscriptsReplayOnTheDecodedGraph() throws {
        let (read, _, bytes) = try Self.compiled(Fixtures.dialogs)
        let engine = Engine(graph: try #require(CompiledDialogs.decode(bytes, sources: read.sources, stamp: Self.stamp)))
        let files = Fixtures.files(in: Fixtures.transcripts, ending: ".transcript")
        #expect(files.count >= 12)
        for path in files {
            let transcript = try Transcript.parse(try String(contentsOfFile: path, encoding: .utf8)).get()
            let result = Replayer.replay(transcript, engine: engine, file: path)
            #expect(result.passed, Comment(rawValue: path + "\n" + result.diff + result.assertionFailures.joined(separator: "\n")))
        }
    }

    /// Any difference in the files or the program means no graph: edited, renamed, added or removed
    /// files, another stamp, another format version.
    @Test func anyDifferenceInTheFilesOrProgramIsAMiss() throws {
        let (read, _, bytes) = try Self.compiled(Fixtures.small)
        let sources = read.sources
        #expect(sources.count == 3)
        #expect(CompiledDialogs.decode(bytes, sources: sources, stamp: Self.stamp) != nil)
        // The order the files were listed in does not matter (the loader sorts them too).
        #expect(CompiledDialogs.decode(bytes, sources: sources.reversed(), stamp: Self.stamp) != nil)

        var edited = sources
        edited[1].bytes[edited[1].bytes.count / 2] ^= 0x01
        #expect(CompiledDialogs.decode(bytes, sources: edited, stamp: Self.stamp) == nil)
        var grown = sources
        grown[0].bytes.append(0x20)  // one trailing space: still the same JSON, but not the same file
        #expect(CompiledDialogs.decode(bytes, sources: grown, stamp: Self.stamp) == nil)
        var renamed = sources
        renamed[2].name += "x"
        #expect(CompiledDialogs.decode(bytes, sources: renamed, stamp: Self.stamp) == nil)
        #expect(CompiledDialogs.decode(bytes, sources: Array(sources.dropLast()), stamp: Self.stamp) == nil)
        #expect(
            CompiledDialogs.decode(bytes, sources: sources + [DialogLoader.Source(name: "zz.json", bytes: [])], stamp: Self.stamp)
                == nil)
        #expect(CompiledDialogs.decode(bytes, sources: sources, stamp: Self.stamp + [0]) == nil)
        #expect(CompiledDialogs.decode(bytes, sources: sources, stamp: []) == nil)
        var otherVersion = bytes
        otherVersion[CompiledDialogs.magic.count] &+= 1
        #expect(CompiledDialogs.decode(otherVersion, sources: sources, stamp: Self.stamp) == nil)
        #expect(CompiledDialogs.decode([], sources: sources, stamp: Self.stamp) == nil)
    }

    /// A damaged form is refused and never traps: cut short anywhere, or with any one byte changed.
    @Test func damagedFormsAreRefused() throws {
        let (read, _, bytes) = try Self.compiled(Fixtures.small)
        let sources = read.sources
        for length in 0..<bytes.count {
            #expect(CompiledDialogs.decode(Array(bytes[..<length]), sources: sources, stamp: Self.stamp) == nil)
        }
        #expect(CompiledDialogs.decode(bytes + [0], sources: sources, stamp: Self.stamp) == nil)
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= UInt8(1 << (index % 8))
            #expect(CompiledDialogs.decode(damaged, sources: sources, stamp: Self.stamp) == nil, "byte \(index)")
        }
    }

    /// A form whose checksum is right but whose body is nonsense (as a buggy writer might make) is still
    /// refused by the reader's own checks, never trusted into a crash: random bodies, with the checksum fixed.
    @Test func nonsenseBodiesWithAValidChecksumNeverTrap() throws {
        let (read, _, bytes) = try Self.compiled(Fixtures.small)
        let sources = read.sources
        let header = try #require(CompiledDialogs.headerLength(bytes))
        var generator = SplitMix64(seed: 7)
        var decodedSome = 0
        for round in 0..<400 {
            var body = Array(bytes[(header + 8)...])
            for _ in 0...(round % 5) {
                let index = Int(generator.next() % UInt64(body.count))
                body[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            let sum = body.withUnsafeBytes { CompiledDialogs.checksum($0) }
            let forged = Array(bytes[..<header]) + withUnsafeBytes(of: sum.littleEndian, Array.init) + body
            if let graph = CompiledDialogs.decode(forged, sources: sources, stamp: Self.stamp) {
                decodedSome += 1
                // Nodes decode when first used: decoding every one must not trap. A form is opened only when
                // its place table names every stored node once, by its own id, so all of them are indexed.
                #expect(graph.nodes.values.count == graph.nodes.count)
            }
        }
        // Some changes only alter text or numbers, which decode fine; the point is that none trapped.
        #expect(decodedSome < 400)
    }
}

/// A form whose place table does not name every stored node exactly once, by the node's own id, is
/// refused when it is opened (`ByteReader.checkPlaces`), though its checksum is right and every node
/// decodes: the table would otherwise give a wrong node, or none, when the conversation reaches it.
@Suite struct CompiledPlacesTests {
    /// The shipped graph with its place table changed by `forge`, compiled (the checksum is computed over
    /// the forged body, so only the reader's own checks can refuse it).
    static func forged(_ forge: (inout [String: [String: Int]], [Node]) throws -> Void) throws -> (form: [UInt8], sources: [DialogLoader.Source]) {
        let (read, graph, _) = try CompiledDialogsTests.compiled(Fixtures.dialogs)
        var (nodes, places) = graph.nodes.layout
        try forge(&places, nodes)
        var changed = graph
        changed.nodes = NodeTable(nodes: nodes, places: places)
        return (CompiledDialogs.encode(changed, sources: read.sources, stamp: CompiledDialogsTests.stamp), read.sources)
    }

    @Test func theUnchangedTableOpens() throws {
        let (form, sources) = try Self.forged { _, _ in }
        let graph = try #require(CompiledDialogs.decode(form, sources: sources, stamp: CompiledDialogsTests.stamp))
        #expect(graph.nodes.values.count == graph.nodes.count)
    }

    @Test func aNodeNamedTwiceIsRefused() throws {
        let (form, sources) = try Self.forged { places, nodes in
            let id = try #require(nodes.first?.id)
            places[id.dialog]?[id.node + "-again"] = 0
        }
        #expect(CompiledDialogs.decode(form, sources: sources, stamp: CompiledDialogsTests.stamp) == nil)
    }

    @Test func aNodeNamedAlsoInAnotherDialogIsRefused() throws {
        let (form, sources) = try Self.forged { places, nodes in
            let first = try #require(nodes.first?.id)
            let other = try #require(nodes.first { $0.id.dialog != first.dialog }?.id)
            places[other.dialog]?[first.node] = 0
        }
        #expect(CompiledDialogs.decode(form, sources: sources, stamp: CompiledDialogsTests.stamp) == nil)
    }

    @Test func twoNodesUnderEachOthersIdsAreRefused() throws {
        let (form, sources) = try Self.forged { places, nodes in
            let a = nodes[0].id, b = nodes[1].id
            #expect(a.dialog == b.dialog)
            places[a.dialog]?[a.node] = 1
            places[b.dialog]?[b.node] = 0
        }
        #expect(CompiledDialogs.decode(form, sources: sources, stamp: CompiledDialogsTests.stamp) == nil)
    }

    @Test func aNodeNamedByNoOneIsRefused() throws {
        let (form, sources) = try Self.forged { places, nodes in
            let id = try #require(nodes.last?.id)
            places[id.dialog]?[id.node] = nil
        }
        #expect(CompiledDialogs.decode(form, sources: sources, stamp: CompiledDialogsTests.stamp) == nil)
    }

    /// The check itself, on tables small enough to read.
    @Test func checkPlacesAcceptsExactlyOneNamePerNode() {
        let ids = [NodeID(dialog: "a", node: "x"), NodeID(dialog: "a", node: "y"), NodeID(dialog: "b", node: "x")]
        let good = ["a": ["x": 0, "y": 1], "b": ["x": 2]]
        #expect((try? ByteReader.checkPlaces(good, ids: ids)) != nil)
        for bad in [
            ["a": ["x": 0, "y": 1]],  // one unnamed
            ["a": ["x": 0, "y": 1, "z": 1], "b": ["x": 2]],  // one named twice
            ["a": ["x": 1, "y": 0], "b": ["x": 2]],  // two swapped
            ["a": ["x": 0, "y": 1], "c": ["x": 2]],  // one under another dialog
            ["a": ["x": 0, "y": 1], "b": ["x": 0]],  // one named twice, one unnamed
        ] {
            #expect(throws: CompiledFormError.malformed) { try ByteReader.checkPlaces(bad, ids: ids) }
        }
    }
}

/// A graph read from a compiled form decodes each node when it is first used.
@Suite struct CompiledNodesTests {
    static func decodedShipped() throws -> (loaded: DialogGraph, decoded: DialogGraph) {
        let (read, graph, bytes) = try CompiledDialogsTests.compiled(Fixtures.dialogs)
        let decoded = try #require(CompiledDialogs.decode(bytes, sources: read.sources, stamp: CompiledDialogsTests.stamp))
        return (graph, decoded)
    }

    @Test func nodesAreDecodedWhenFirstUsedAndTheFirstQuestionNeedsAFew() throws {
        let (_, decoded) = try Self.decodedShipped()
        #expect(decoded.nodes.madeCount == 0)
        let engine = Engine(graph: decoded)
        #expect(decoded.nodes.madeCount == 0, "laying out the engine decodes no node")
        _ = engine.step(EngineState(seed: 1), .start)
        let afterStart = try #require(decoded.nodes.madeCount)
        #expect(afterStart > 0 && afterStart * 10 < decoded.nodes.count, "\(afterStart) of \(decoded.nodes.count) nodes")
        _ = decoded.nodes.values
        #expect(decoded.nodes.madeCount == decoded.nodes.count)
    }

    @Test func theDumpSeesInsideNodes() throws {
        let (loaded, decoded) = try Self.decodedShipped()
        #expect(DeepDump.text(decoded) == DeepDump.text(loaded))
        var changed = loaded
        let id = try #require(loaded.nodeOrder.first { loaded.nodes[$0]?.why != nil })
        changed.nodes[id]?.why = "changed"
        #expect(DeepDump.text(changed) != DeepDump.text(loaded))
    }

    /// A node whose bytes do not decode (only a form forged with a matching checksum has one) refuses the
    /// whole form when it is read, though nodes are decoded only when used: the chat then loads the
    /// dialogs from their JSON, and the engine never meets such a node.
    @Test func aNodeThatDoesNotDecodeRefusesTheWholeForm() throws {
        let (read, graph, bytes) = try CompiledDialogsTests.compiled(Fixtures.dialogs)
        let header = try #require(CompiledDialogs.headerLength(bytes))
        var body = CompiledDialogs.body(of: graph)
        #expect(CompiledDialogs.decodeBody(body) != nil)
        // The first node's bytes after its id: the id still reads, nothing after it does.
        let rest: Range<Int> = try body.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            try reader.readStringTable(sharing: false)
            _ = try reader.dictionary { try $0.dialogInfo() }
            _ = try reader.strings()
            _ = try reader.count()
            let span = try reader.span()
            var id = reader.reading(at: Int(span.offset))
            _ = try id.nodeID()
            return id.offset..<span.range.upperBound
        }
        for i in rest { body[i] = 0xFF }
        #expect(CompiledDialogs.decodeBody(body) == nil)
        let sum = body.withUnsafeBytes { CompiledDialogs.checksum($0) }
        let forged = Array(bytes[..<header]) + withUnsafeBytes(of: sum.littleEndian, Array.init) + body
        #expect(CompiledDialogs.decode(forged, sources: read.sources, stamp: CompiledDialogsTests.stamp) == nil)
    }

    /// Checking a node (`ByteReader.checkOnly`) and decoding it read the same bytes and fail alike: any one
    /// byte of a node changed, the node either checks and decodes, or neither.
    @Test func checkingANodeAgreesWithDecodingIt() throws {
        let (_, graph, _) = try CompiledDialogsTests.compiled(Fixtures.small)
        let body = CompiledDialogs.body(of: graph)
        let spans: [ByteSpan] = try body.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            try reader.readStringTable(sharing: false)
            _ = try reader.dictionary { try $0.dialogInfo() }
            _ = try reader.strings()
            return try (0..<reader.count()).map { _ in try reader.span() }
        }
        var checked = 0
        for span in spans {
            for i in span.range {
                for flip: UInt8 in [0x01, 0x80, 0xFF] {
                    var damaged = body
                    damaged[i] ^= flip
                    let (checks, decodes) = damaged.withUnsafeBytes { raw in
                        var reader = ByteReader(raw)
                        let strings = (try? reader.readStringTable(sharing: false)) != nil ? reader.stringSpans : []
                        var check = ByteReader(raw, offset: Int(span.offset))
                        check.stringSpans = strings
                        check.checkOnly = true
                        var decode = ByteReader(raw, offset: Int(span.offset))
                        decode.stringSpans = strings
                        return (
                            (try? check.node()) != nil && check.offset == span.range.upperBound,
                            (try? decode.node()) != nil && decode.offset == span.range.upperBound
                        )
                    }
                    #expect(checks == decodes, "byte \(i) ^ \(flip)")
                    if checks { checked += 1 }
                }
            }
        }
        #expect(checked > 0 && spans.count > 2)
    }

    /// Many threads stepping a fresh engine on a fresh decoded graph (its nodes first decoded by them)
    /// give every conversation exactly as a loaded graph does.
    @Test func nodesDecodedOnManyThreadsConverseAsLoaded() throws {
        let inputs = try Fixtures.files(in: Fixtures.transcripts, ending: ".transcript").map { file in
            try Transcript.parse(String(contentsOfFile: file, encoding: .utf8)).get().inputs
        }
        let (loaded, decoded) = try Self.decodedShipped()
        let reference = Engine(graph: loaded)
        let expected = inputs.map { play(reference, $0) }
        let fresh = Engine(graph: decoded)
        let mismatches = Counter()
        DispatchQueue.concurrentPerform(iterations: inputs.count * 2) { i in
            if play(fresh, inputs[i % inputs.count]) != expected[i % inputs.count] { mismatches.increment() }
        }
        #expect(mismatches.count == 0)
    }
}
