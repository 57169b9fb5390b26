/// Runs a transcript's `you:` lines through the engine and compares what the assistant says now
/// with the `bot:` lines written down.
public enum Replayer {
    public struct Result: Sendable {
        public var file: String
        /// The transcript as the engine produces it now (what `--update` writes).
        public var actual: Transcript
        /// Unified diff from the file to `actual`; empty when they agree.
        public var diff: String
        /// File line of the first line that differs.
        public var firstMismatchLine: Int?
        /// Node ids entered up to the turn of the first difference (all of them when none).
        public var route: [NodeID]
        public var assertionFailures: [String]
        /// Everything the engine traced, for coverage.
        public var trace: [TraceEvent]
        public var turns: Int
        public var passed: Bool { diff.isEmpty && assertionFailures.isEmpty }
    }

    public static func replay(_ transcript: Transcript, engine: Engine, file: String) -> Result {
        var engine = engine
        engine.tracing = true
        var state = EngineState(seed: transcript.seed)
        var outputs: [Output]
        (state, outputs) = engine.step(state, .start)
        var trace = state.trace
        var routeByTurn: [[NodeID]] = [enteredNodes(state.trace)]
        var actual: [Transcript.Numbered] = []
        var failures: [String] = []
        var turns = 0
        var quit = false
        // Comments before the first `you:` keep their side of the opening bot lines: above them when
        // written above (so a `# key: value` comment never turns into a header), below them otherwise.
        let numbered = transcript.numbered
        var index = 0
        var afterOpening: [Transcript.Numbered] = []
        var seenBot = false
        while index < numbered.count, !isYou(numbered[index].line) {
            if case .bot = numbered[index].line {
                seenBot = true
            } else if seenBot {
                afterOpening.append(numbered[index])
            } else {
                actual.append(numbered[index])
            }
            index += 1
        }
        appendBot(outputs, to: &actual)
        actual += afterOpening
        while index < numbered.count {
            let current = numbered[index]
            index += 1
            guard case .you(let input) = current.line else { continue }
            actual.append(current)
            if quit {
                failures.append("\(file):\(current.number): input after 'quit' is never read")
                continue
            }
            (state, outputs) = engine.step(consume state, .line(input))
            turns += 1
            trace += state.trace
            routeByTurn.append(enteredNodes(state.trace))
            // Assertions and comments that follow this input, up to the next `you:`.
            while index < numbered.count, !isYou(numbered[index].line) {
                let line = numbered[index]
                index += 1
                switch line.line {
                case .assertion(let text):
                    actual.append(line)
                    if let failure = check(text, state: state, engine: engine) {
                        failures.append("\(file):\(line.number): assertion '@ \(text)' failed: \(failure)")
                    }
                case .comment: actual.append(line)
                default: break
                }
            }
            appendBot(outputs, to: &actual)
            if outputs.contains(.quit) { quit = true }
        }
        let result = Transcript(headerPairs: transcript.headerPairs, numbered: actual)
        var mismatch: Int?
        var route = routeByTurn.flatMap { $0 }
        // Most replays agree: compare the spoken lines as they are, and make text for a diff only when not.
        let same = numbered.lazy.map(\.line).filter(isSpeech).elementsEqual(actual.lazy.map(\.line).filter(isSpeech))
        var diff = ""
        if !same {
            let expectedLines = speech(numbered.map(\.line))
            let actualLines = speech(actual.map(\.line))
            diff = UnifiedDiff.diff(expectedLines, actualLines, fromName: file, toName: "\(file) (now)")
            let spoken = numbered.filter { isSpeech($0.line) }
            var k = 0
            while k < expectedLines.count, k < actualLines.count, expectedLines[k] == actualLines[k] { k += 1 }
            mismatch = k < spoken.count ? spoken[k].number : (spoken.last?.number ?? 1)
            // Turn of the first difference: the number of `you:` lines before it.
            let turn = actual.prefix { _ in true }.map(\.line).filter(isSpeech).prefix(k).filter(isYou).count
            route = routeByTurn.prefix(turn + 1).flatMap { $0 }
        }
        return Result(
            file: file, actual: result, diff: diff, firstMismatchLine: mismatch, route: route, assertionFailures: failures,
            trace: trace, turns: turns)
    }

    private static func appendBot(_ outputs: [Output], to lines: inout [Transcript.Numbered]) {
        for output in outputs {
            for text in OutputFormatter.lines(output) {
                // Transcript files ignore trailing spaces, so the engine's lines are compared without them.
                var line = text
                while let last = line.utf8.last, last == 0x20 || last == 0x09 { line.removeLast() }
                lines.append(.init(line: .bot(line), number: 0))
            }
        }
    }

    private static func enteredNodes(_ trace: [TraceEvent]) -> [NodeID] {
        trace.compactMap { if case .enter(let id) = $0 { return id } else { return nil } }
    }

    private static func isYou(_ line: Transcript.Line) -> Bool {
        if case .you = line { return true } else { return false }
    }

    private static func isSpeech(_ line: Transcript.Line) -> Bool {
        switch line {
        case .bot, .you: return true
        default: return false
        }
    }

    private static func speech(_ lines: [Transcript.Line]) -> [String] {
        lines.compactMap {
            switch $0 {
            case .bot(let s): return s.isEmpty ? "bot:" : "bot: " + s
            case .you(let s): return s.isEmpty ? "you:" : "you: " + s
            default: return nil
            }
        }
    }

    /// Checks one assertion; returns why it failed, or nil.
    static func check(_ text: String, state: EngineState, engine: Engine) -> String? {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return "write '@ at NODE' or '@ expect CONDITION'" }
        switch parts[0] {
        case "at":
            let want = parts[1].trimmingBlanks()
            let now = state.position?.description ?? (state.ended ? "the end" : "no open question")
            return now == want ? nil : "the open question is \(now)"
        case "expect":
            switch ConditionParser.parse(parts[1]) {
            case .failure(let e): return "the condition does not parse: \(e.message)"
            case .success(let c):
                let issues = ConditionChecker.check(c, slotType: { engine.graph.slotType($0) }, slotNames: engine.graph.slotOrder)
                if let issue = issues.first { return issue.message }
                if c.evaluate({ state.slots[$0] }) { return nil }
                let shown = c.slotsMentioned.sorted().map { "\($0) = \(state.slots[$0]?.literal ?? "unanswered")" }
                return "it is false (" + shown.joined(separator: ", ") + ")"
            }
        default:
            return "unknown assertion '\(parts[0])'; write '@ at NODE' or '@ expect CONDITION'"
        }
    }
}
