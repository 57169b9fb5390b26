import DialogCore
import DialogLoading
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// Lines typed one after another, then the end of input (Ctrl-D).
final class ScriptedReader: LineReading {
    var lines: [String]
    var completions: [String] = []
    private(set) var remembered: [String] = []

    init(_ lines: [String]) { self.lines = lines }

    func readLine(prompt: String) -> ReadResult {
        lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
    }

    func remember(_ line: String) { remembered.append(line) }
}

/// A chat run in the test process with a scripted reader, a session store in a fresh folder, and the
/// shipped dialogs.
struct ChatHarness {
    let folder: String
    let store: SessionStore

    static let graph: DialogGraph? = DialogLoader.load(paths: [ChatRun.dialogs]).graph

    init() throws {
        folder = "/tmp/second-opinion-harness-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = SessionStore(path: folder + "/state/session.json")
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs a chat over `lines`; `interactive` stands for a terminal. Returns the exit code and the reader.
    @discardableResult
    func chat(
        _ lines: [String], interactive: Bool, resume: Bool = false, record: String? = nil, out: String? = nil,
        force: Bool = false
    ) throws -> (status: Int32, reader: ScriptedReader) {
        let graph = try #require(Self.graph)
        let reader = ScriptedReader(lines)
        let session = ChatSession(
            engine: Engine(graph: graph), folder: ChatRun.dialogs, seed: 1, reader: reader,
            style: TerminalStyle(colorEnabled: false), recordPath: record, outPath: out, store: store, privateMode: false,
            interactive: interactive)
        return (session.run(resume: resume), reader)
    }

    /// The answers in the saved conversation (nil when there is none).
    var savedSlots: [String: Value]? {
        guard case .loaded(_, let state) = store.load() else { return nil }
        return state.slots
    }
}
