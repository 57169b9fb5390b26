import ArgumentParser
import DialogEngine

@main
struct SecondOpinion: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "second-opinion",
        abstract: "Helps you decide whether to get a second medical opinion, and prepares you for it.",
        discussion: """
            General information, not medical advice. In an emergency call your local emergency number.
            Everything you type stays on this computer.
            """,
        version: version,
        subcommands: [ChatCommand.self, ValidateCommand.self, ReplayCommand.self, GraphCommand.self, ForgetCommand.self, ExploreCommand.self, MutateCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}

/// `--dialogs DIR`, shared by every subcommand that loads dialogs.
struct DialogOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: "Folder of dialog JSON files (default: $SECOND_OPINION_DIALOGS, ./Dialogs, or the installed copy).")
    var dialogs: String?

    /// The folder to load, or a clear error.
    func folder() throws -> String {
        if let dialogs { return dialogs }
        if let found = DialogLocator.locate() { return found }
        throw ValidationError(
            "cannot find the dialog files. Pass --dialogs DIR, set SECOND_OPINION_DIALOGS, or run from the project folder.")
    }

    /// Loads and checks the dialogs; on errors prints them exactly as `validate` does and fails.
    func load(warnings: Bool = false) throws -> DialogGraph {
        let folder = try folder()
        let result = DialogLoader.load(paths: [folder])
        guard let graph = result.graph else {
            DiagnosticPrinter.printText(result.diagnostics, to: .standardError)
            DiagnosticPrinter.printCounts(result.diagnostics, to: .standardError)
            throw ExitCode(1)
        }
        if warnings, !result.warnings.isEmpty { DiagnosticPrinter.printText(result.warnings, to: .standardError) }
        return graph
    }
}
