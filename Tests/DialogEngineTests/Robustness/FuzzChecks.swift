import DialogCore
@_spi(Fuzzing) import DialogLoading
import DialogTools
import Foundation

/// The bodies of the fuzz targets: each runs one input through the engine and returns the properties
/// it broke (empty when all hold). A crash or a hang is a failure too.
///
/// Shared by the libFuzzer driver (`Fuzz/Sources/DialogFuzz/FuzzChecks.swift` is a symlink to this
/// file) and `FuzzRegressionTests`, so a saved input is replayed through exactly the same code.
///
/// ```swift
/// let checks = FuzzChecks(dialogsFolder: "Dialogs")
/// checks.run(.condition, Array("country == 'uk' and".utf8))  // []
/// ```
struct FuzzChecks: Sendable {
    /// A fuzz target; the raw value names it on the command line and its regression folder.
    enum Target: String, CaseIterable, Sendable {
        /// `DialogLoader.load(sources:)` on one file of arbitrary bytes.
        case loader
        /// One shipped dialog mutated (seeds: `Dialogs/*.json`), loaded alone.
        case dialogs
        /// One shipped dialog mutated and loaded with the others in its place: linking, lint, a short chat.
        /// About 60 times slower per input than `dialogs` (the whole set is linked and linted each time).
        case dialogSet = "dialog-set"
        /// `ConditionParser.parse`, then `description` round trip, `ConditionChecker.check`, `evaluate`.
        case condition
        /// `Template.parse`, then `description` round trip and `render`.
        case template
        /// `AnswerMatcher.match`: the first byte picks a slot type, the rest is the typed line.
        case matcher
        /// `Transcript.parse`, `render` round trip, and replay against the shipped graph for short inputs.
        case transcript
        /// The compiled form's decoder (`CompiledDialogs.decodeBody`) on arbitrary bytes: it never traps,
        /// and a graph it gives encodes and decodes back to the same bytes. (Whole forms would mostly stop
        /// at the checksum, so the bytes go straight to the decoder.) Seeds: `compiledSeeds`.
        case compiled
        /// A saved session file as the chat reads it (`{"format", "seed", "state"}` decoded with
        /// `JSONDecoder`), then `Engine.adopt` (as a resumed chat) and a step from it: nothing traps, and
        /// the adopted state's open question is a node of the graph. Seeds: `sessionSeeds`.
        case session
        /// `Engine.readYesNo`, the reading of "Continue it? (yes/no)": it never traps, and a line reads as
        /// its cleaned form does.
        case `continue`
    }

    /// The shipped dialog files, named as `DialogLoader.load(paths:)` names them.
    let shipped: [DialogLoader.Source]
    /// For each shipped file, the bytes `"dialog": "<id>"` as written there.
    let shippedMarkers: [[UInt8]]
    /// The shipped graph (the engine for transcripts, the slots for conditions and templates).
    let graph: DialogGraph
    /// Slot types for the matcher target, with their prepared matchers.
    let matchers: [(type: SlotType, matcher: AnswerMatcher)]
    /// Transcripts with more `you:` lines than this are parsed but not replayed (keeps each run short).
    static let maxReplayedInputs = 40

    /// Loads the shipped dialogs from `dialogsFolder`; nil if they do not load cleanly.
    init?(dialogsFolder: String) {
        // The dialogs and their language data, as the chat reads them.
        let read = DialogLoader.readSources(paths: [dialogsFolder])
        guard read.diagnostics.isEmpty else { return nil }
        let sources = read.sources
        guard let graph = DialogLoader.load(sources: sources).graph else { return nil }
        self.shipped = sources
        self.shippedMarkers = sources.map { source in
            let id = graph.dialogs.values.first { $0.file == source.name }?.id ?? ""
            return Array("\"dialog\": \"\(id)\"".utf8)
        }
        self.graph = graph
        var types: [SlotType] = [
            .bool, .text, .number(min: nil, max: nil, integer: false), .number(min: 0, max: 120, integer: true),
            .number(min: -5, max: 5.5, integer: false),
            .choice([
                Option(value: "a", label: "Not sure"), Option(value: "b", label: "2", synonyms: ["two", "b"]),
                Option(value: "c", label: "Ünïcödé 🙂 label", synonyms: ["", " ", "x", "2"]),
                Option(value: "d", label: "", synonyms: ["all", "none", "yes"]),
            ]),
            .multi([
                Option(value: "a", label: "Pain and fatigue", synonyms: ["pain", "and"]),
                Option(value: "b", label: "Pain", synonyms: ["1"]), Option(value: "c", label: "None of these"),
                Option(value: "d", label: "Everything else", synonyms: ["all", "🙂"]),
            ]),
        ]
        for name in graph.slotOrder {
            guard let type = graph.slotType(name), !type.options.isEmpty, !types.contains(type) else { continue }
            types.append(type)
        }
        self.matchers = types.map { ($0, AnswerMatcher(type: $0)) }
    }

    /// Runs `bytes` through `target`; returns every property broken (empty when all hold).
    func run(_ target: Target, _ bytes: [UInt8]) -> [String] {
        switch target {
        case .loader, .dialogs: return loader(bytes)
        case .dialogSet: return dialogSet(bytes)
        case .condition: return condition(String(decoding: bytes, as: UTF8.self))
        case .template: return template(String(decoding: bytes, as: UTF8.self))
        case .matcher: return matcher(bytes)
        case .transcript: return transcript(String(decoding: bytes, as: UTF8.self))
        case .compiled: return compiled(bytes)
        case .session: return session(bytes)
        case .continue: return yesNo(String(decoding: bytes, as: UTF8.self))
        }
    }

    // MARK: - Saved session and the "continue?" prompt

    /// The session file's shape, as `SessionStore` in the command line writes it.
    struct SessionFile: Codable {
        var format = "second-opinion-session"
        var seed: UInt64
        var state: EngineState
    }

    func session(_ bytes: [UInt8]) -> [String] {
        guard let file = try? JSONDecoder().decode(SessionFile.self, from: Data(bytes)),
            file.state.version <= EngineState.version
        else { return [] }
        let engine = Engine(graph: graph)
        // As the chat resumes it: fitted, stepped to its question (or started again), then answered.
        let asked = engine.adopt(file.state).state
        if let position = asked.position, graph.nodes[position] == nil {
            return ["adopt kept a position that is not a node: \(position)"]
        }
        _ = engine.step(asked, .line("yes"))
        _ = engine.step(asked, .line("summary"))
        return []
    }

    /// Seeds for `session`: the states of a short conversation on the shipped dialogs, as files.
    var sessionSeeds: [[UInt8]] {
        let engine = Engine(graph: graph)
        var (state, _) = engine.step(EngineState(seed: 1), .start)
        var seeds: [[UInt8]] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for line in ["yes", "someone I care for", "Rosa", "uk", "what is a second opinion?", "1, 2", "back", "chest pain"] {
            (state, _) = engine.step(state, .line(line))
            if let data = try? encoder.encode(SessionFile(seed: 1, state: state)) { seeds.append([UInt8](data)) }
        }
        return seeds
    }

    func yesNo(_ line: String) -> [String] {
        let answer = Engine.readYesNo(line)
        guard line.utf8.count <= Engine.maxInputBytes else { return answer == nil ? [] : ["an over-long line was read"] }
        let cleaned = Engine.readYesNo(Engine.cleanedLine(line))
        return answer == cleaned ? [] : ["'\(line.debugDescription)' reads \(String(describing: answer)), its cleaned form \(String(describing: cleaned))"]
    }

    // MARK: - Compiled form

    func compiled(_ bytes: [UInt8]) -> [String] {
        guard let graph = CompiledDialogs.decodeBody(bytes) else { return [] }
        let body = CompiledDialogs.body(of: graph)
        guard let again = CompiledDialogs.decodeBody(body) else { return ["the body of a decoded graph does not decode"] }
        if CompiledDialogs.body(of: again) != body { return ["a decoded graph does not encode back to the same bytes"] }
        return []
    }

    /// Seeds for `compiled`: the body of the shipped graph's compiled form.
    var compiledSeeds: [[UInt8]] { [CompiledDialogs.body(of: graph)] }

    // MARK: - Loader

    func loader(_ bytes: [UInt8]) -> [String] {
        load([DialogLoader.Source(name: "fuzz.json", bytes: bytes)])
    }

    func dialogSet(_ bytes: [UInt8]) -> [String] {
        // The input replaces the shipped file whose `"dialog": "<id>"` it still contains (the seed it came from).
        let replaced = shippedMarkers.firstIndex { contains(bytes, $0) }
        var sources = shipped
        if let replaced {
            sources[replaced].bytes = bytes
        } else {
            sources.append(DialogLoader.Source(name: "fuzz.json", bytes: bytes))
        }
        return load(sources)
    }

    /// Loads `sources` and checks the result, then drives any graph it returns for a few turns.
    private func load(_ sources: [DialogLoader.Source]) -> [String] {
        let result = DialogLoader.load(sources: sources)
        var broken: [String] = []
        if result.graph != nil, !result.errors.isEmpty {
            broken.append("a graph was returned together with \(result.errors.count) error(s): \(result.errors[0])")
        }
        if result.graph == nil, result.errors.isEmpty {
            broken.append("no graph, but no error says why")
        }
        var lineLengths: [String: [Int]] = [:]
        for diagnostic in result.diagnostics {
            let at = diagnostic.location
            guard let source = sources.first(where: { $0.name == at.file }) else {
                broken.append("diagnostic names a file that was not loaded: \(diagnostic)")
                continue
            }
            let lengths = lineLengths[at.file] ?? Self.lineLengths(source.bytes)
            lineLengths[at.file] = lengths
            if at.line < 1 || at.line > lengths.count {
                broken.append("line \(at.line) is outside 1...\(lengths.count): \(diagnostic)")
            } else if at.column < 1 || at.column > lengths[at.line - 1] + 1 {
                broken.append("column \(at.column) is outside 1...\(lengths[at.line - 1] + 1): \(diagnostic)")
            }
        }
        if let graph = result.graph { broken += drive(graph) }
        return broken
    }

    /// Starts a conversation on `graph` and answers a few questions; the engine must stay consistent.
    private func drive(_ graph: DialogGraph) -> [String] {
        let engine = Engine(graph: graph)
        var (state, _) = engine.step(EngineState(seed: 1), .start)
        var broken: [String] = []
        for line in ["1", "yes", "skip", "no idea at all", "2", "back", "why", "summary", "3", "help"] {
            if state.position == nil, !state.ended {
                broken.append("after a step there is neither an open question nor an end")
                break
            }
            (state, _) = engine.step(state, .line(line))
        }
        return broken
    }

    /// Lengths (in bytes, an upper bound on scalars) of each line, splitting as the JSON parser does: LF, CR, CRLF.
    static func lineLengths(_ bytes: [UInt8]) -> [Int] {
        var lengths: [Int] = []
        var current = 0
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x0A:
                lengths.append(current)
                current = 0
            case 0x0D:
                lengths.append(current)
                current = 0
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            default:
                current += 1
            }
            i += 1
        }
        lengths.append(current)
        return lengths
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    // MARK: - Expressions

    func condition(_ source: String) -> [String] {
        let length = source.unicodeScalars.count
        switch ConditionParser.parse(source) {
        case .failure(let error):
            return (0...length).contains(error.offset) ? [] : ["error offset \(error.offset) outside 0...\(length): \(error)"]
        case .success(let condition):
            var broken: [String] = []
            let written = condition.description
            switch ConditionParser.parse(written) {
            case .success(let again) where again == condition: break
            case .success(let again): broken.append("'\(written)' re-parses to a different condition: '\(again)'")
            case .failure(let error): broken.append("'\(written)' does not re-parse: \(error)")
            }
            let issues = ConditionChecker.check(
                condition, slotType: { graph.slotType($0) }, slotNames: graph.slotOrder, source: source)
            for issue in issues where !(0...length).contains(issue.offset) {
                broken.append("issue offset \(issue.offset) outside 0...\(length): \(issue.message)")
            }
            let program = ConditionProgram(condition)
            _ = program.evaluate { _ in nil }
            for seed in 0..<3 {
                _ = program.evaluate { sampleValue(for: $0, seed: seed) }
            }
            return broken
        }
    }

    func template(_ source: String) -> [String] {
        let length = source.unicodeScalars.count
        switch Template.parse(source) {
        case .failure(let error):
            return (0...length).contains(error.offset) ? [] : ["error offset \(error.offset) outside 0...\(length): \(error)"]
        case .success(let template):
            var broken: [String] = []
            let written = template.description
            switch Template.parse(written) {
            case .success(let again) where again == template: break
            case .success(let again): broken.append("'\(written)' re-parses to a different template: \(again.segments)")
            case .failure(let error): broken.append("'\(written)' does not re-parse: \(error)")
            }
            for seed in 0..<2 {
                var missing: [String] = []
                let lookup: (String) -> Value? = { seed == 0 ? nil : sampleValue(for: $0, seed: seed) }
                _ = template.render(lookup, slotType: { graph.slotType($0) }, missing: &missing)
                let expected = template.slotsWithoutFallback.filter { lookup($0) == nil }
                if missing != expected { broken.append("render reported missing \(missing), expected \(expected)") }
            }
            return broken
        }
    }

    /// A value of the slot's declared type (or text for unknown slots), varied by `seed`.
    private func sampleValue(for slot: String, seed: Int) -> Value? {
        guard let type = graph.slotType(slot) else { return seed == 1 ? .text("x") : nil }
        switch type {
        case .bool: return .bool(seed == 1)
        case .number: return .number(seed == 1 ? 3 : -1e300)
        case .text: return .text(seed == 1 ? "a 'quoted' answer" : "")
        case .choice(let options): return (seed == 1 ? options.first : options.last).map { .choice($0.value) }
        case .multi(let options): return .set(seed == 1 ? options.map(\.value) : [])
        }
    }

    // MARK: - Matcher

    func matcher(_ bytes: [UInt8]) -> [String] {
        guard let selector = bytes.first else { return [] }
        let (type, matcher) = matchers[Int(selector) % matchers.count]
        let line = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let outcome = matcher.match(line)
        let values = type.options.map(\.value)
        switch (outcome, type) {
        case (.noMatch, _), (.skipped, _), (.matched(.bool), .bool):
            return []
        case (.matched(.text(let text)), .text):
            if text.isEmpty { return ["text answer matched as empty"] }
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return ["text answer keeps a control character: \(text.debugDescription)"]
            }
            return []
        case (.matched(.number(let n)), .number(let min, let max, let integer)):
            if !n.isFinite || (integer && n != n.rounded()) || n < (min ?? -.infinity) || n > (max ?? .infinity) {
                return ["number \(n) matched outside \(type)"]
            }
            return []
        case (.outOfRange(let n), .number(let min, let max, let integer)):
            if n.isFinite, !(integer && n != n.rounded()), n >= (min ?? -.infinity), n <= (max ?? .infinity) {
                return ["\(n) called out of range for \(type)"]
            }
            return []
        case (.matched(.choice(let v)), .choice):
            return values.contains(v) ? [] : ["choice '\(v)' is not an option value"]
        case (.matched(.set(let vs)), .multi):
            let ordered = values.filter { vs.contains($0) }
            return ordered == vs ? [] : ["set \(vs) is not option values in declaration order without duplicates"]
        case (.ambiguous(let options), .choice), (.ambiguous(let options), .multi):
            let all = type.options
            let positions = options.compactMap { o in all.firstIndex(of: o) }
            if options.count < 2 || positions.count != options.count || positions != positions.sorted()
                || Set(positions).count != positions.count
            {
                return ["ambiguous \(options.map(\.value)) is not 2+ distinct options in declaration order"]
            }
            return []
        default:
            return ["outcome \(outcome) does not fit slot type \(type.name)"]
        }
    }

    // MARK: - Transcripts

    func transcript(_ text: String) -> [String] {
        switch Transcript.parse(text) {
        case .failure(let error):
            let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
            return (1...max(lines, 1)).contains(error.line) ? [] : ["error line \(error.line) outside 1...\(lines): \(error)"]
        case .success(let transcript):
            var broken: [String] = []
            let rendered = transcript.render()
            switch Transcript.parse(rendered) {
            case .success(let again) where again.lines == transcript.lines && again.headerPairs == transcript.headerPairs:
                break
            case .success: broken.append("render() re-parses to a different transcript")
            case .failure(let error): broken.append("render() does not re-parse: \(error)")
            }
            guard transcript.inputs.count <= Self.maxReplayedInputs else { return broken }
            let engine = Engine(graph: graph)
            let first = Replayer.replay(transcript, engine: engine, file: "fuzz.transcript")
            // `replay --update` writes `actual`; replaying what it wrote must pass.
            switch Transcript.parse(first.actual.render()) {
            case .success(let updated):
                let second = Replayer.replay(updated, engine: engine, file: "fuzz.transcript")
                if !second.diff.isEmpty { broken.append("the updated transcript does not replay:\n\(second.diff)") }
            case .failure(let error):
                broken.append("the updated transcript does not parse: \(error)")
            }
            return broken
        }
    }
}
