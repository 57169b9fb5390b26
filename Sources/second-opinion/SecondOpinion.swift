import ArgumentParser
import DialogCore
import DialogLoading

@main
struct SecondOpinion: ParsableCommand {
    static let version = "0.1.0"

    /// The overview `--help` prints comes from the dialog folder's messages (`overview.abstract`,
    /// `overview.discussion`), so a dialog set on another topic describes itself.
    static var configuration: CommandConfiguration {
        let messages = overviewMessages
        return CommandConfiguration(
            commandName: "second-opinion",
            abstract: messages[.overviewAbstract],
            discussion: messages[.overviewDiscussion],
            version: version,
            subcommands: [ChatCommand.self, ValidateCommand.self, ReplayCommand.self, GraphCommand.self, ForgetCommand.self, ExploreCommand.self, MutateCommand.self, UnderstandCommand.self, SourcesCommand.self, NewCommand.self, SchemaCommand.self],
            defaultSubcommand: ChatCommand.self
        )
    }

    /// The folder's messages for the overview, read once (ArgumentParser asks for the configuration
    /// many times while it parses).
    static let overviewMessages: Messages = DialogLocator.locate().map(Messages.folderMessages) ?? .english

    /// A bare `second-opinion` (no arguments at all, the common case) starts the chat directly.
    ///
    /// ArgumentParser builds every command's argument set by reflection before it parses anything,
    /// a large share of a cold start that should take a few milliseconds (README, Performance). With nothing to parse, the chat's defaults (`ChatSettings()`) are the
    /// answer; `ChatSettingsTests` checks that parsing an empty command line gives the same settings.
    /// Any argument at all goes through ArgumentParser as usual.
    static func main() {
        ProcessStart.mark()  // "older than this process", for the temporary files a killed chat left
        guard CommandLine.arguments.count == 1 else { return main(nil) }
        do {
            try ChatCommand.run(ChatSettings())
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)  // the usual end: no help text to build (ArgumentParser would reflect again)
        } catch {
            exit(withError: error)
        }
    }
}

/// `--dialogs DIR`, shared by every subcommand that loads dialogs.
struct DialogOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: "Folder of dialog JSON files (default: $SECOND_OPINION_DIALOGS, ./Dialogs, or the installed copy).")
    var dialogs: String?

    /// The folder to load, or a clear error.
    func folder() throws -> String { try DialogFolder.find(dialogs) }

    /// Loads and checks the dialogs; on errors prints them exactly as `validate` does and fails.
    func load(warnings: Bool = false) throws -> DialogGraph {
        try DialogFolder.load(try folder(), warnings: warnings)
    }
}

/// Finding and loading the dialog folder, for `DialogOptions` and the bare-start chat.
enum DialogFolder {
    /// `named` when given, else the located shipped dialogs, or a clear error.
    static func find(_ named: String?) throws -> String {
        if let named { return named }
        if let found = DialogLocator.locate() { return found }
        throw ValidationError(
            "cannot find the dialog files. Pass --dialogs DIR, set SECOND_OPINION_DIALOGS, or run from the project folder.")
    }

    /// Loads and checks the dialogs of `folder`; on errors prints them exactly as `validate` does and fails.
    static func load(_ folder: String, warnings: Bool = false) throws -> DialogGraph {
        // Warnings are printed only when asked for; otherwise the warning-only checks are skipped.
        try check(DialogLoader.load(paths: [folder], checks: warnings ? .all : .errors), warnings: warnings)
    }

    /// The graph of a load; on errors prints them exactly as `validate` does and fails.
    static func check(_ result: DialogLoader.Result, warnings: Bool = false) throws -> DialogGraph {
        guard let graph = result.graph else {
            DiagnosticPrinter.printText(result.diagnostics, to: .error)
            DiagnosticPrinter.printCounts(result.diagnostics, to: .error)
            throw ExitCode(1)
        }
        if warnings, !result.warnings.isEmpty { DiagnosticPrinter.printText(result.warnings, to: .error) }
        return graph
    }
}
