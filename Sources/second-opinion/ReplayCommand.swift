import ArgumentParser
import DialogEngine
import Foundation

/// `second-opinion replay PATH…`: replays transcripts through the engine and shows differences.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay transcripts and report any line the assistant now says differently.")

    @OptionGroup var dialogOptions: DialogOptions

    @Argument(help: "Transcript files or folders (searched for *.transcript; default: Dialogs/transcripts).")
    var paths: [String] = []

    @Flag(help: "Rewrite the transcripts with what the assistant says now (after a deliberate change).")
    var update = false

    func run() throws {
        let graph = try dialogOptions.load()
        let engine = Engine(graph: graph)
        var paths = self.paths
        if paths.isEmpty { paths = [try dialogOptions.folder() + "/transcripts"] }
        let files = try TranscriptFiles.find(paths)
        guard !files.isEmpty else { throw ValidationError("no *.transcript files found in \(paths.joined(separator: ", "))") }
        var failed = 0
        var turns = 0
        for file in files {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                print("FAIL \(file): cannot read it (\(error.localizedDescription))")
                failed += 1
                continue
            }
            let transcript: Transcript
            switch Transcript.parse(text) {
            case .failure(let e):
                print("FAIL \(file):\(e.line): \(e.message)")
                failed += 1
                continue
            case .success(let t): transcript = t
            }
            let result = Replayer.replay(transcript, engine: engine, file: file)
            turns += result.turns
            if result.passed {
                print("ok   \(file) (\(result.turns) turns)")
                continue
            }
            if update, result.assertionFailures.isEmpty {
                try PrivateFiles.writeAtomically(Data(result.actual.render().utf8), to: URL(fileURLWithPath: file))
                print("updated \(file)")
                continue
            }
            failed += 1
            print("FAIL \(file)" + (result.firstMismatchLine.map { ":\($0): the assistant now says something else" } ?? ""))
            for f in result.assertionFailures { print("  " + f) }
            if !result.diff.isEmpty {
                print(result.diff, terminator: "")
                print("  route to the first difference: " + result.route.map(\.description).joined(separator: " → "))
            }
        }
        print("\(files.count - failed) of \(files.count) transcripts pass (\(turns) turns)")
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Finds transcript files: files named directly, and `*.transcript` under folders (recursively), sorted.
enum TranscriptFiles {
    static func find(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            files += found.filter { $0.hasSuffix(".transcript") }.sorted().map { base + "/" + $0 }
        }
        return files
    }
}
