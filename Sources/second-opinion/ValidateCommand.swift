import ArgumentParser
import DialogEngine
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `second-opinion validate [PATH…]`: every authoring problem, at once, with locations and hints.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dialog files and report every problem with its file:line:column and a hint.")

    @Argument(help: "Dialog folders or files (default: the shipped Dialogs).")
    var paths: [String] = []

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @ArgumentParser.Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        var paths = self.paths
        if paths.isEmpty {
            guard let found = DialogLocator.locate() else { throw ValidationError("cannot find the dialog files; pass a path") }
            paths = [found]
        }
        let result = DialogLoader.load(paths: paths)
        switch format {
        case .text:
            DiagnosticPrinter.printText(result.diagnostics, to: .output)
            if result.diagnostics.isEmpty, let graph = result.graph {
                print("ok: \(graph.dialogs.count) dialogs, \(graph.nodes.count) nodes, \(graph.slots.count) slots, no problems")
            } else {
                DiagnosticPrinter.printCounts(result.diagnostics, to: .output)
            }
        case .json:
            print(DiagnosticPrinter.json(result.diagnostics), terminator: "")
        }
        if !result.errors.isEmpty || (strict && !result.warnings.isEmpty) { throw ExitCode(1) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
