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
    /// Run just before the line at that index (0 for the first) is read: a test's change to the world
    /// between two lines, such as an edited dialog file before `reload`.
    var beforeLine: [Int: () throws -> Void] = [:]
    private var read = 0

    init(_ lines: [String]) { self.lines = lines }

    func readLine(prompt: String) -> ReadResult {
        try? beforeLine[read]?()
        read += 1
        return lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
    }

    func remember(_ line: String) { remembered.append(line) }
}

/// Everything a chat writes, kept in memory instead of going to standard output and standard error.
final class CapturedOutput: ChatOutput {
    private(set) var text = ""
    private(set) var errors = ""
    let width: Int? = nil

    func write(_ text: String) { self.text += text }
    func writeError(_ text: String) { errors += text }

    /// The lines written, without the last line break.
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
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

    /// Runs a chat over `lines` with the dialogs in `dialogs` (the shipped ones by default); `interactive`
    /// stands for a terminal, `beforeLine` changes the world before a line is read (`ScriptedReader`).
    /// Returns the exit code, the reader and everything the chat wrote.
    @discardableResult
    func chat(
        _ lines: [String], interactive: Bool, resume: Bool = false, record: String? = nil, out: String? = nil,
        force: Bool = false, dialogs: String? = nil, beforeLine: [Int: () throws -> Void] = [:]
    ) throws -> (status: Int32, reader: ScriptedReader, output: CapturedOutput) {
        let graph = try dialogs.map { folder in
            let result = DialogLoader.load(paths: [folder])
            return try #require(result.graph, Comment(rawValue: "\(result.diagnostics)"))
        } ?? #require(Self.graph)
        let reader = ScriptedReader(lines)
        reader.beforeLine = beforeLine
        let output = CapturedOutput()
        let session = ChatSession(
            engine: Engine(graph: graph), folder: dialogs ?? ChatRun.dialogs, seed: 1, reader: reader,
            style: TerminalStyle(colorEnabled: false), recordPath: record, outPath: out, store: store, privateMode: false,
            force: force, interactive: interactive, output: output)
        return (session.run(resume: resume), reader, output)
    }

    /// A copy of a dialog folder in this harness's folder, to edit while a chat runs.
    func copy(dialogs source: String) throws -> String {
        let target = folder + "/dialogs-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    /// The answers in the saved conversation (nil when there is none).
    var savedSlots: [String: Value]? {
        guard case .loaded(_, let state) = store.load() else { return nil }
        return state.slots
    }
}
