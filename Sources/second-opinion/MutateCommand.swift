import ArgumentParser
import DialogCore
import DialogTools

/// `second-opinion mutate`: how many small faults in the dialogs the transcripts would catch.
struct MutateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mutate",
        abstract: "Make small faults in the dialogs and report which ones the transcripts do not notice.",
        discussion: """
            Each mutant flips a condition, drops an edge, retargets a goto, drops a document item, swaps the
            values of two options or drops a `set`. The transcripts are replayed against each mutant; a mutant
            that every transcript still passes survived: a test that is missing.
            """)

    @OptionGroup var dialogOptions: DialogOptions

    @Argument(help: "Transcript files or folders (default: the transcripts folder beside the dialogs).")
    var paths: [String] = []

    @ArgumentParser.Option(name: .customLong("min-score"), help: "Exit 1 when fewer than this percentage of mutants are killed.")
    var minScore: Double?

    @Flag(help: "List the killed mutants too, with the transcript that killed each.")
    var verbose = false

    func run() throws {
        let graph = try dialogOptions.load()
        var paths = self.paths
        if paths.isEmpty { paths = [try dialogOptions.folder() + "/transcripts"] }
        let files = try TranscriptFiles.find(paths)
        guard !files.isEmpty else { throw ValidationError("no *.transcript files found in \(paths.joined(separator: ", "))") }
        var cases: [MutationRunner.Case] = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            switch Transcript.parse(text) {
            case .success(let t): cases.append(.init(name: file, transcript: t))
            case .failure(let e): throw ValidationError("\(file):\(e.line): \(e.message)")
            }
        }

        let clock = ContinuousClock()
        let started = clock.now
        let report = MutationRunner.run(graph: graph, transcripts: cases)
        let elapsed = clock.now - started

        for name in report.failingBeforeMutation { print("left out (fails before any mutation): \(name)") }
        print("\(report.outcomes.count) mutants, \(report.transcripts) transcripts, \(report.replays) replays")
        for k in report.byKind {
            print("  " + CFormat.padded(k.kind, to: 15) + "\(k.killed)/\(k.total) killed")
        }
        if verbose {
            for o in report.outcomes where o.killed {
                print("killed    \(o.mutation.description) — by \(o.killedBy ?? "")")
            }
        }
        let survivors = report.survivors
        if !survivors.isEmpty { print("survivors (no transcript notices these changes):") }
        for o in survivors {
            print("  \(o.mutation.location): \(o.mutation.kind): \(o.mutation.description)")
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "mutation score: \(report.killed) of \(report.outcomes.count) killed, "
                + CFormat.string("%.1f%%", report.score) + CFormat.string(" (%.2f s)", seconds))
        if let minScore, report.score < minScore {
            print(CFormat.string("FAIL: the score is below %.1f%%", minScore))
            throw ExitCode(1)
        }
    }
}
