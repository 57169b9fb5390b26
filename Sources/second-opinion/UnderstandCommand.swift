import ArgumentParser
import DialogCore
import DialogLoading
import DialogTools

/// `second-opinion understand`: what the understanding layer makes of a line, or how it scores on a
/// labelled corpus.
struct UnderstandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "understand",
        abstract: "Show how a line is understood (words, red flags and their context, the value recorded), or score a corpus.",
        discussion: """
            second-opinion understand "my face feels funny on one side" --at main.note
            second-opinion understand --eval Tests/Understanding [--min FILE] [--failures]
            """)

    @OptionGroup var dialogOptions: DialogOptions

    @ArgumentParser.Argument(help: "The line to explain.")
    var text: String?

    @ArgumentParser.Option(help: "The prompt the line is typed at, as dialog.node.")
    var at: String?

    @ArgumentParser.Option(help: "Score every *.tsv of a corpus folder (redflags/ and answers/).")
    var eval: String?

    @ArgumentParser.Option(help: "A JSON file of minimum figures; exit 1 when a figure is below it.")
    var min: String?

    @ArgumentParser.Flag(help: "List every case that was not read as labelled.")
    var failures = false

    func run() throws {
        let folder = try dialogOptions.folder()
        let graph = try DialogFolder.load(folder)
        let countries = CountryTable.read(folder)
        let probe = UnderstandingProbe(graph: graph, emergencyNumbers: countries.numbers, countryGroups: countries.groups)
        if let eval {
            try score(eval, probe: probe)
            return
        }
        guard let text else { throw ValidationError("give a line to explain, or --eval DIR") }
        var node: NodeID?
        if let at {
            guard let id = NodeID(qualified: at), graph.nodes[id]?.question != nil else {
                throw ValidationError("'\(at)' is not a question; write it as dialog.node, for example main.note")
            }
            node = id
        }
        print(probe.explain(text, at: node))
    }

    private func score(_ dir: String, probe: UnderstandingProbe) throws {
        var exitCode: Int32 = 0
        var all: [(String, UnderstandingScore)] = []
        // `heldout2`, `heldout3`, … are later held-out parts, each written by another author who saw no rules.
        for part in ["tune", "heldout"] + (2...9).map({ "heldout\($0)" }) {
            var score = UnderstandingScore()
            var any = false
            for (kind, sub) in [("redflags", "redflags"), ("answers", "answers")] {
                let file = FilePaths.join(FilePaths.join(dir, sub), part + ".tsv")
                guard case .bytes(let bytes) = FileBytes.read(file, limit: 64 << 20) else { continue }
                any = true
                let text = String(decoding: bytes, as: UTF8.self)
                if kind == "redflags" { score.scoreRedFlags(text, file: file, probe: probe) } else { score.scoreAnswers(text, file: file, probe: probe) }
            }
            guard any else { continue }
            print("== \(part)")
            print(score.report)
            // A held-out part is only ever reported as figures: its lines are never shown, so no one
            // tunes to them by accident.
            if failures && !part.hasPrefix("heldout") {
                for f in score.failures { print("  " + f) }
            } else if failures {
                print("  (failures of a held-out part are not shown)")
            }
            all.append((part, score))
        }
        if all.isEmpty { throw ValidationError("no corpus files in \(dir) (expected redflags/tune.tsv, answers/tune.tsv …)") }
        if let min {
            let minimums = try Thresholds.read(min)
            for (part, score) in all {
                for problem in minimums.check(score, part: part) {
                    StandardStream.error.write("below threshold: \(part) \(problem)\n")
                    exitCode = 1
                }
            }
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

/// Emergency numbers and country groups from `Dialogs/data/countries.json`, for checking alarms.
enum CountryTable {
    static func read(_ folder: String) -> (numbers: [String: String], groups: [String: String]) {
        let file = FilePaths.join(FilePaths.join(folder, "data"), "countries.json")
        guard case .bytes(let bytes) = FileBytes.read(file, limit: 4 << 20), let root = JSONParser.parse(bytes, file: file).root,
            case .object(let top) = root.value, case .object(let countries)? = top["countries"]?.value
        else { return ([:], [:]) }
        var numbers: [String: String] = [:]
        var groups: [String: String] = [:]
        for member in countries.members {
            guard case .object(let entry) = member.value.value else { continue }
            if case .string(let n)? = entry["emergency"]?.value { numbers[member.key] = n }
            if case .string(let g)? = entry["group"]?.value { groups[member.key] = g }
        }
        return (numbers, groups)
    }
}

/// Minimum figures for `understand --eval --min FILE`: `{"tune": {"recall": 0.9, …}, "heldout": {…}}`.
struct Thresholds {
    var parts: [String: [String: Double]]

    static func read(_ file: String) throws -> Thresholds {
        guard case .bytes(let bytes) = FileBytes.read(file, limit: 1 << 20) else { throw ValidationError("cannot read \(file)") }
        let parsed = JSONParser.parse(bytes, file: file)
        guard let root = parsed.root, case .object(let top) = root.value else {
            throw ValidationError(parsed.diagnostics.map(\.description).joined(separator: "\n"))
        }
        var parts: [String: [String: Double]] = [:]
        for member in top.members {
            guard case .object(let o) = member.value.value else { continue }
            for m in o.members { if case .number(let n) = m.value.value { parts[member.key, default: [:]][m.key] = n } }
        }
        return Thresholds(parts: parts)
    }

    /// The figures of `score` that miss their bound: `min_*` figures must be at least, `max_*` at most.
    func check(_ score: UnderstandingScore, part: String) -> [String] {
        let figures: [String: Double] = [
            "recall": score.recall, "false_alarms": score.falseAlarmRate, "correct": score.correctRate, "wrong": score.wrongRate,
            "guessed": score.guessRate, "wrong_numbers": Double(score.wrongNumbers),
        ]
        var out: [String] = []
        for (name, bound) in (parts[part] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let isMin = name.hasPrefix("min_")
            let key = String(name.dropFirst(4))
            guard let value = figures[key] else { continue }
            if isMin ? value < bound : value > bound { out.append("\(key) = \(value), \(isMin ? "minimum" : "maximum") \(bound)") }
        }
        return out
    }
}
