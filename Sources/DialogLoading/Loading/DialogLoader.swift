import DialogCore
import Understanding

/// Loads a folder of dialog files into one checked `DialogGraph`.
///
/// Every error check runs on every load — `validate`, `chat`, `replay` and `explore` all come through
/// here, so an invalid dialog set never starts a conversation and all of them print the same errors.
/// Commands that print no warnings skip the warning-only passes (`Checks.errors`).
public enum DialogLoader {
    /// The biggest dialog file we read (1 MiB); bigger files are refused with E003.
    package static let maxFileBytes = 1 << 20
    /// JSON nesting limit.
    public static let maxDepth = 64

    /// One source file: its display name (as printed in diagnostics) and its bytes.
    public struct Source: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The outcome of a load: a graph only when there are no errors, and every diagnostic, sorted.
    public struct Result: Sendable {
        public var graph: DialogGraph?
        public var diagnostics: [Diagnostic]
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    }

    /// Loads every `*.json` in each folder (not recursive) and each file named directly. With `today`
    /// (`YYYY-MM-DD`, from `validate`: the engine has no clock), an overdue content review is a warning.
    public static func load(paths: [String], checks: Checks = .all, today: String? = nil) -> Result {
        load(readSources(paths: paths), checks: checks, today: today)
    }

    /// The files of a load, as read: their bytes, and a diagnostic for each that could not be read.
    public struct SourceSet: Sendable {
        public var sources: [Source]
        public var diagnostics: [Diagnostic]
    }

    /// Loads files read by `readSources`, reporting the problems met reading them too.
    public static func load(_ read: SourceSet, checks: Checks = .all, today: String? = nil) -> Result {
        var result = load(sources: read.sources, checks: checks, today: today)
        result.diagnostics = (read.diagnostics + result.diagnostics).sorted(by: order)
        if read.diagnostics.contains(where: { $0.severity == .error }) { result.graph = nil }
        return result
    }

    /// The bytes of every `*.json` in each folder (not recursive) and each file named directly, in the order
    /// `load` links them, with a diagnostic for each that cannot be read. What `load(paths:)` reads.
    public static func readSources(paths: [String]) -> SourceSet {
        let listed = sourceFiles(paths: paths)
        var sources: [Source] = []
        var diagnostics = listed.diagnostics
        for file in listed.files {
            switch FileBytes.read(file, limit: maxFileBytes) {
            case .tooLarge(let size):
                diagnostics.append(
                    Diagnostic(
                        .limitExceeded, SourceLocation(file: file, line: 1, column: 1), pointer: "",
                        "file is \(size) bytes; dialog files are limited to \(maxFileBytes) bytes",
                        hint: "split it into several dialogs"))
            case .unreadable:
                diagnostics.append(
                    Diagnostic(.malformedJSON, SourceLocation(file: file, line: 1, column: 1), pointer: "", "cannot read the file"))
            case .bytes(let bytes):
                sources.append(Source(name: file, bytes: bytes))
            }
        }
        return SourceSet(sources: sources, diagnostics: diagnostics)
    }

    /// The files `readSources` reads: every `*.json` in each folder (not recursive, sorted) and each file
    /// named directly, with a diagnostic for each path that is neither.
    package static func sourceFiles(paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            do {
                files += try jsonFiles(at: path)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .malformedJSON, SourceLocation(file: path, line: 1, column: 1), pointer: "",
                        "\(error)", hint: "give a folder of dialog files or a .json file"))
            }
        }
        return (files, diagnostics)
    }

    /// Which checks a load runs.
    public enum Checks: Sendable {
        /// Every check, errors and warnings (`validate`, tests, benchmarks).
        case all
        /// Only checks that can find errors. A conversation refuses to start only on errors, and the
        /// chat does not print warnings, so it skips the passes that can only warn (unreachable nodes,
        /// reads before set, plain-language length): about 5% of its start.
        case errors
    }

    /// Loads in-memory sources (tests, mutation testing, benchmarks). Sources are linked in name order.
    public static func load(sources: [Source], checks: Checks = .all, today: String? = nil) -> Result {
        let sink = DiagnosticSink()
        var dialogs: [RawDialog] = []
        var catalog: SourceCatalog?
        let languageSources = sources.filter { LanguageLoader.isLanguageFile($0.name) }
        let contents = languageSources.isEmpty ? nil : LanguageLoader.readContents(languageSources, sink: sink)
        let language = contents.map { LanguageData(Language($0.spec), files: languageSources.map(\.name)) }
        let languageIsSound = !sink.hasErrors
        var messages = Messages.english
        for source in sources where MessagesReader.isMessagesFile(source.name) && !LanguageLoader.isLanguageFile(source.name) {
            if let read = MessagesReader.read(source, sink: sink, warnings: checks == .all) { messages = read }
        }
        for source in sources.sorted(by: { $0.name < $1.name })
        where !LanguageLoader.isLanguageFile(source.name) && !MessagesReader.isMessagesFile(source.name) {
            if source.bytes.count > maxFileBytes {
                sink.report(
                    .limitExceeded, SourceLocation(file: source.name, line: 1, column: 1), "",
                    "file is \(source.bytes.count) bytes; dialog files are limited to \(maxFileBytes) bytes",
                    hint: "split it into several dialogs")
                continue
            }
            let parsed = JSONParser.parseTree(source.bytes, file: source.name, maxDepth: maxDepth)
            sink.append(contentsOf: parsed.diagnostics)
            guard let tree = parsed.tree else { continue }
            if SourcesFileReader.isSourcesFile(source.name) {
                catalog = SourcesFileReader(file: source.name, sink: sink).read(tree)
                continue
            }
            var reader = DialogFileReader(file: source.name, sink: sink)
            if let raw = reader.read(tree) { dialogs.append(raw) }
        }
        if dialogs.isEmpty, !sink.hasErrors {
            sink.report(
                .missingKey, SourceLocation(file: sources.first?.name ?? "<no files>", line: 1, column: 1), "",
                "no dialog files found", hint: "a dialog folder holds one or more *.json dialog files")
        }
        var graph: DialogGraph?
        if !dialogs.isEmpty {
            var linker = Linker(dialogs: dialogs, sink: sink)
            linker.filterWords = { word in
                switch word {
                case "about": return messages[.filterAbout]
                case "and": return messages[.listAnd]
                case "or": return messages[.listOr]
                default: return word
                }
            }
            dialogs = []  // the linker now holds the only copy and lets it go once the graph is built
            graph = linker.link()
            graph?.language = language
            graph?.sources = catalog
            if let g = graph { SourcesFileReader.check(g, catalog: catalog, sink: sink, warnings: checks == .all) }
            if let today, let catalog, checks == .all { sink.append(contentsOf: catalog.reviewDiagnostics(today: today)) }
            graph?.messages = messages
            graph?.commands = CommandTable(declared: contents?.commands ?? [:])
            if let g = graph { LanguageLoader.checkInterrupts(g, sink: sink, languageIsSound: languageIsSound) }
            if let g = graph, linker.graphIsSound {
                GraphLint(graph: g, facts: linker.facts, sink: sink).run(warnings: checks == .all)
            }
        }
        let diagnostics = sink.items.sorted(by: order)
        return Result(graph: sink.hasErrors ? nil : graph, diagnostics: diagnostics)
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.location, a.code.rawValue, a.message) < (b.location, b.code.rawValue, b.message)
    }

    private static func jsonFiles(at path: String) throws(LoadError) -> [String] {
        guard let isDirectory = FileBytes.isDirectory(path) else {
            throw LoadError("no such file or folder: \(path)")
        }
        guard isDirectory else { return [path] }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let dialogs = try FileBytes.names(inFolder: path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .sorted()
            .map { base + "/" + $0 }
        // The language data beside the dialogs (`language/en/*.json`) and the shared data (`data/*.json`).
        var extra: [String] = []
        for folder in [LanguageLoader.folder + "/" + LanguageLoader.defaultLanguage, LanguageLoader.dataFolder] {
            let path = base + "/" + folder
            guard FileBytes.isDirectory(path) == true else { continue }
            extra += try FileBytes.names(inFolder: path).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
        }
        return dialogs + extra
    }
}

struct LoadError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
