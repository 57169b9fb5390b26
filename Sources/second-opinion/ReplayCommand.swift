import ArgumentParser
import DialogCore
import DialogLoading
import DialogTools

/// `second-opinion replay PATH…`: replays transcripts through the engine and shows differences.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay transcripts and report any line the assistant now says differently.")

    @OptionGroup var dialogOptions: DialogOptions

    @Argument(help: "Transcript files or folders (searched for *.transcript; default: Dialogs/transcripts).")
    var paths: [String] = []

    @Flag(help: "Rewrite the transcripts with what the assistant says now (after a deliberate change); failed assertions are still reported.")
    var update = false

    @Flag(help: "Report which nodes, edges, condition outcomes, variants, re-prompts and document items the transcripts reach.")
    var coverage = false

    @Flag(help: "Print how every typed line was read, with the rule (file:line) that decided, as `understand` does.")
    var explain = false

    @ArgumentParser.Option(help: "Format of the coverage report: text or json (json goes to stdout, the replay lines to stderr).")
    var format: CoverageFormat = .text

    @ArgumentParser.Option(name: .customLong("min-nodes"), help: "With --coverage: exit 1 when fewer than PCT percent of nodes are entered.")
    var minNodes: Double?

    @ArgumentParser.Option(name: .customLong("min-edges"), help: "With --coverage: exit 1 when fewer than PCT percent of edges are taken.")
    var minEdges: Double?

    enum CoverageFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// Replay lines: to stdout, or to stderr when stdout carries the JSON coverage report.
    private func say(_ line: String) {
        // Diffs and failures quote transcript lines, which may hold typed escape sequences.
        let line = TerminalText.clean(line)
        if measuring && format == .json {
            StandardStream.error.write(line + "\n")
        } else {
            print(line)
        }
    }

    private var measuring: Bool { coverage || minNodes != nil || minEdges != nil }

    func run() throws {
        let graph = try dialogOptions.load()
        let engine = Engine(graph: graph)
        var paths = self.paths
        if paths.isEmpty { paths = [try dialogOptions.folder() + "/transcripts"] }
        let files = try TranscriptFiles.find(paths)
        guard !files.isEmpty else { throw ValidationError("no *.transcript files found in \(paths.joined(separator: ", "))") }
        var failed = 0
        var turns = 0
        var traces: [[TraceEvent]] = []
        for file in files {
            let text: String
            switch FileBytes.read(file) {
            case .bytes(let bytes): text = String(decoding: bytes, as: UTF8.self)
            case .unreadable(let reason):
                say("FAIL \(file): cannot read it (\(reason))")
                failed += 1
                continue
            case .tooLarge: continue  // no limit was given
            }
            let transcript: Transcript
            switch Transcript.parse(text) {
            case .failure(let e):
                say("FAIL \(file):\(e.line): \(e.message)")
                failed += 1
                continue
            case .success(let t): transcript = t
            }
            let result = Replayer.replay(transcript, engine: engine, file: file)
            turns += result.turns
            traces.append(result.trace)
            if explain {
                let inputs = result.transcript.numbered.compactMap { if case .you(let t) = $0.line { return ($0.number, t) } else { return nil } }
                for (k, reading) in result.readings.enumerated() where k < inputs.count {
                    say("  \(file):\(inputs[k].0): \"\(inputs[k].1)\" → " + (reading.isEmpty ? "(a command or nothing to read)" : reading.joined(separator: "; ")))
                }
            }
            if result.passed {
                say("ok   \(file) (\(result.turns) turns)")
                continue
            }
            if update, !result.diff.isEmpty || result.firstMismatchLine != nil || result.assertionFailures.isEmpty {
                // The filled-in transcript is written either way; a failed assertion still fails the run.
                try PrivateFiles.writeAtomically(result.actual.render(), to: file)
                say("updated \(file)")
                if result.assertionFailures.isEmpty { continue }
                failed += 1
                say("FAIL \(file): an assertion does not hold")
                for f in result.assertionFailures { say("  " + f) }
                continue
            }
            failed += 1
            say("FAIL \(file)" + (result.firstMismatchLine.map { ":\($0): the assistant now says something else" } ?? ""))
            for f in result.assertionFailures { say("  " + f) }
            if !result.diff.isEmpty {
                say(String(result.diff.dropLast(result.diff.hasSuffix("\n") ? 1 : 0)))
                say("  route to the first difference: " + result.route.map(\.description).joined(separator: " → "))
                // How the last lines before it were read, and by which rule.
                for line in result.understood.suffix(3) { say("  read " + line) }
            }
        }
        say("\(files.count - failed) of \(files.count) transcripts pass (\(turns) turns)")
        var shortfalls: [String] = []
        if measuring {
            let report = Coverage(graph: graph, traces: traces)
            switch format {
            case .text: print("\ncoverage of \(files.count) transcripts:\n" + CoverageReport.text(report), terminator: "")
            case .json: print(try CoverageReport.json(report), terminator: "")
            }
            shortfalls = CoverageReport.shortfalls(report, minNodes: minNodes, minEdges: minEdges)
            for message in shortfalls { say("FAIL coverage: " + message) }
        }
        if failed > 0 || !shortfalls.isEmpty { throw ExitCode(1) }
    }
}

/// Finds transcript files: files named directly, and `*.transcript` under folders (recursively), sorted.
enum TranscriptFiles {
    static func find(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            guard let isDirectory = FileBytes.isDirectory(path) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            if !isDirectory {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
            files += found.filter { $0.hasSuffix(".transcript") }.sorted().map { base + "/" + $0 }
        }
        return files
    }
}
