import ArgumentParser
import DialogCore
import DialogTools

/// `second-opinion explore`: walks every path of the dialogs and proves properties of all of them.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Walk every path of the dialogs and prove that each one ends, documents are complete and red flags fire.",
        discussion: """
            Tries every option, yes and no, number boundaries, keyword rules, skip, an unusable answer, back,
            restart and every interrupt at every question, with state deduplication. It also proves the
            dialogs' own path properties (before, never, always_reaches, never_writes, never_says,
            always_writes, never_answers; see Properties in docs/authoring.md). On a failure it writes a
            counterexample transcript that `replay` reproduces, and exits 1.
            """)

    @OptionGroup var dialogOptions: DialogOptions

    @ArgumentParser.Argument(help: "The dialog folder, as with --dialogs (`explore Dialogs`).")
    var folderArgument: String?

    @ArgumentParser.Option(name: .customLong("max-states"), help: "Give up (and fail) after this many states.")
    var maxStates = 250_000

    @ArgumentParser.Option(help: "Folder for counterexample transcripts (default: a new temporary folder).")
    var out: String?

    func run() throws {
        var options = dialogOptions
        if let folderArgument {
            guard options.dialogs == nil || options.dialogs == folderArgument else {
                throw ValidationError("give the dialog folder once: as an argument or with --dialogs")
            }
            options.dialogs = folderArgument
        }
        let graph = try options.load()
        let folder = try options.folder()
        let clock = ContinuousClock()
        let started = clock.now
        let report = Explorer(graph: graph, options: .init(maxStates: maxStates)).run()
        let elapsed = clock.now - started

        print("explore \(folder): \(graph.nodes.count) nodes, \(graph.slots.count) slots, \(graph.properties.count) properties")
        print("states: \(report.states) (\(report.endStates) at an end), transitions: \(report.transitions)")
        switch report.paths {
        case .count(let n): print("paths to an end: \(Self.format(n)) (answer sequences through the deduplicated states)")
        case .cyclic(let n): print("paths to an end: cyclic: \(n) states (a question can come round again)")
        }
        print("red flags tried at \(report.prompts) prompts: \(report.redFlags.joined(separator: ", "))")
        for proof in report.proofs {
            let failures = report.failures(of: proof)
            print((failures.isEmpty ? "  ok    " : "  FAIL  ") + proof.description)
            for f in failures { print("        " + f.message) }
        }
        for note in report.notes { print("  note  " + note) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("time: " + CFormat.string("%.2f s", seconds))
        guard !report.passed else { return }

        let directory = try outputDirectory()
        for (i, failure) in report.failures.enumerated() {
            let name = CFormat.string("%02d-", i + 1) + failure.proof.id + ".transcript"
            let path = FilePaths.join(directory, name)
            try PrivateFiles.writeAtomically(failure.transcript.render(), to: path)
            print("counterexample: \(path)")
        }
        print("replay one with: second-opinion replay --dialogs \(folder) FILE")
        throw ExitCode(1)
    }

    /// `$TMPDIR` (with a trailing slash), else `/tmp/`.
    private static var temporaryDirectory: String {
        guard let dir = Environment.value("TMPDIR"), !dir.isEmpty else { return "/tmp/" }
        return dir.hasSuffix("/") ? dir : dir + "/"
    }

    private func outputDirectory() throws -> String {
        let path = out ?? (Self.temporaryDirectory + "second-opinion-explore-\(getpid())")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    /// Whole numbers up to 10^15 exactly, larger ones in scientific notation.
    static func format(_ n: Double) -> String {
        n < 1e15 ? CFormat.string("%.0f", n) : CFormat.string("%.3g", n)
    }
}
