import ArgumentParser
import DialogCore
import DialogLoading

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
        // The engine has no clock: today's date comes from here, for the content-review check (W073).
        let result = DialogLoader.load(paths: paths, today: Self.today())
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

extension ValidateCommand {
    /// Today's date in UTC as `YYYY-MM-DD`.
    static func today() -> String {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
