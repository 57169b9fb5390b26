import DialogCore
import DialogLoading
import Foundation
import Testing

/// The limits that keep a broken dialog set or a hostile file from hanging or exhausting the tool:
/// steps per turn, dialog file size, JSON nesting depth, and re-prompts per question.
@Suite struct SafetyLimitTests {
    static let small: DialogGraph? = DialogLoader.load(paths: [Fixtures.small]).graph
    static let shipped: DialogGraph? = DialogLoader.load(paths: [Fixtures.dialogs]).graph

    // MARK: - Steps per turn

    /// The small graph with `hello` → `hello` (or `hello` → `via` → `hello`): a loop that asks nothing.
    /// The loader refuses such loops (E062), so the graph is changed after loading, as a loader bug might.
    func loopingGraph(via: String? = nil, silent: Bool = false) throws -> DialogGraph {
        var graph = try #require(Self.small)
        let hello = NodeID(dialog: "main", node: "hello")
        let original = try #require(graph[hello])
        var unconditional = try #require(original.edges.first)  // Edge has no public init: reuse one
        unconditional.condition = nil
        let template = unconditional
        func edge(to target: NodeID) -> Edge {
            var e = template
            e.target = target
            return e
        }
        let next = via.map { NodeID(dialog: "main", node: $0) } ?? hello
        if next != hello {
            graph.nodes[next] = Node(id: next, location: original.location, exit: .next([edge(to: hello)]))
        }
        graph.nodes[hello] = Node(
            id: hello, location: original.location, say: silent ? [] : original.say, exit: .next([edge(to: next)]))
        return graph
    }

    @Test(arguments: [(nil, false), (nil, true), ("spin", false), ("spin", true)] as [(String?, Bool)])
    func loopWithoutInputStopsWithAClearMessage(via: String?, silent: Bool) throws {
        let engine = Engine(graph: try loopingGraph(via: via, silent: silent))
        let clock = ContinuousClock()
        let started = clock.now
        let (state, outputs) = engine.step(EngineState(seed: 1), .start)
        #expect(clock.now - started < .seconds(10))
        #expect(state.ended)
        #expect(state.position == nil)
        guard case .text(let message, .alert)? = outputs.last else {
            Issue.record("the last output is not an alert: \(String(describing: outputs.last))")
            return
        }
        #expect(message.contains("\(Engine.maxStepsPerTurn) steps without asking anything"))
        #expect(message.contains("fault in the dialog files"))
        let spoken = outputs.filter { if case .text(_, .say) = $0 { return true } else { return false } }
        #expect(spoken.count <= Engine.maxStepsPerTurn)
        if silent { #expect(spoken.isEmpty) }
    }

    @Test func afterTheStepLimitTheConversationCanRestart() throws {
        let engine = Engine(graph: try loopingGraph())
        let (stopped, _) = engine.step(EngineState(seed: 1), .start)
        let (state, outputs) = engine.step(stopped, .line("yes"))
        #expect(state.ended)
        #expect(OutputFormatter.lines(try #require(outputs.first)).first?.contains("ended") == true)
        let (again, _) = engine.step(stopped, .line("restart"))
        #expect(again.ended)  // the loop is still there: it stops again, it does not hang
    }

    @Test func loaderRefusesALoopThatAsksNothing() throws {
        let result = DialogLoader.load(paths: [Fixtures.broken + "/E062-inputless-loop"])
        #expect(result.graph == nil)
        #expect(result.errors.contains { $0.code.rawValue == "E062" })
    }

    // MARK: - File size

    /// A valid dialog file padded with spaces to exactly `size` bytes.
    func paddedDialog(size: Int) -> [UInt8] {
        let text = """
            {
              "dialog": "main",
              "start": "hello",
              "slots": { "ready": { "type": "bool", "label": "Ready to start" } },
              "nodes": {
                "hello": {
                  "say": "Hello. Shall we start?",
                  "ask": { "slot": "ready", "reprompt": "Please answer yes or no.", "attempts": 2 },
                  "next": "bye"
                },
                "bye": { "say": "Goodbye.", "end": true }
              }
            }
            """
        var bytes = Array(text.utf8)
        bytes += [UInt8](repeating: 0x20, count: max(0, size - bytes.count))
        return bytes
    }

    @Test func fileOverOneMebibyteIsRefusedWithE003() throws {
        let bytes = paddedDialog(size: DialogLoader.maxFileBytes + 1)
        let result = DialogLoader.load(sources: [DialogLoader.Source(name: "big.json", bytes: bytes)])
        #expect(result.graph == nil)
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.code == .limitExceeded)
        #expect(error.location == SourceLocation(file: "big.json", line: 1, column: 1))
        #expect(error.message == "file is 1048577 bytes; dialog files are limited to 1048576 bytes")
        #expect(error.hint == "split it into several dialogs")
    }

    @Test func fileOfExactlyOneMebibyteLoads() throws {
        let bytes = paddedDialog(size: DialogLoader.maxFileBytes)
        #expect(bytes.count == DialogLoader.maxFileBytes)
        let result = DialogLoader.load(sources: [DialogLoader.Source(name: "big.json", bytes: bytes)])
        #expect(!result.diagnostics.contains { $0.code == .limitExceeded })
        #expect(result.graph != nil)
    }

    @Test func bigFileOnDiskIsRefusedBeforeItIsRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 3 << 20)))
        let result = DialogLoader.load(paths: [folder.path])
        #expect(result.graph == nil)
        #expect(result.errors.contains { $0.code == .limitExceeded && $0.message.contains("3145728 bytes") })
    }

    // MARK: - Nesting depth

    func nested(_ depth: Int) -> [UInt8] {
        Array(("{\"dialog\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}").utf8)
    }

    @Test func nestingDeeperThanTheLimitIsRefusedWithE003() throws {
        // The object holding "dialog" is one level, so 64 arrays make 65.
        let result = DialogLoader.load(sources: [DialogLoader.Source(name: "deep.json", bytes: nested(DialogLoader.maxDepth))])
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.code == .limitExceeded)
        #expect(error.message == "nesting deeper than 64 levels")
        #expect(error.location == SourceLocation(file: "deep.json", line: 1, column: 12 + DialogLoader.maxDepth - 1))
    }

    @Test func nestingAtTheLimitIsOnlyAShapeError() {
        let result = DialogLoader.load(sources: [DialogLoader.Source(name: "deep.json", bytes: nested(DialogLoader.maxDepth - 1))])
        #expect(result.graph == nil)
        #expect(!result.diagnostics.contains { $0.code == .limitExceeded })
    }

    @Test func millionOpenBracketsDoNotOverflowTheStack() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        let result = DialogLoader.load(sources: [DialogLoader.Source(name: "deep.json", bytes: bytes)])
        #expect(result.errors.map(\.code) == [.limitExceeded])
    }

    // MARK: - Re-prompts

    /// Every shipped question that can get an unusable answer: after `attempts` of them the engine
    /// moves on (skippable) or says so and starts counting again; it never re-prompts silently forever.
    @Test func everyShippedQuestionBoundsItsReprompts() throws {
        let graph = try #require(Self.shipped)
        let engine = Engine(graph: graph)
        var checked = 0
        for id in graph.nodeOrder {
            guard let question = graph[id]?.question, let type = graph.slotType(question.slot) else { continue }
            if case .text = type { continue }  // any words are a text answer
            checked += 1
            #expect((1...5).contains(question.attempts), "\(id): attempts \(question.attempts)")
            var state = EngineState(seed: 1)
            state.position = id
            var outputs: [Output] = []
            for attempt in 1...question.attempts {
                (state, outputs) = engine.step(state, .line("qqq zzz"))
                if attempt < question.attempts {
                    #expect(state.position == id, "\(id) moved on after \(attempt) unusable answer(s)")
                    #expect(state.attempts == attempt)
                    #expect(outputs.contains { if case .text(_, .reprompt) = $0 { return true } else { return false } })
                }
            }
            let lines = outputs.flatMap(OutputFormatter.lines)
            if question.skippable {
                #expect(lines.contains("Let's leave that one for now. You can type back to return to it."), "\(id)")
                #expect(state.slots[question.slot] == nil)
                #expect(state.position != id || state.history.count == 1, "\(id) did not move on")
            } else {
                #expect(lines.contains("Let's try this one once more. Type help to see what you can do."), "\(id)")
                #expect(state.position == id)
                #expect(state.attempts == 0)
            }
        }
        #expect(checked > 10)
    }

    @Test func emptyLinesDoNotUseUpAttempts() throws {
        let graph = try #require(Self.small)
        let engine = Engine(graph: graph)
        var (state, _) = engine.step(EngineState(seed: 1), .start)
        for _ in 0..<50 { (state, _) = engine.step(state, .line("")) }
        #expect(state.position == NodeID(dialog: "main", node: "ask_country"))
        #expect(state.attempts == 0)
    }
}
