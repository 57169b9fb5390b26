import DialogCore

/// Runs a transcript's `you:` lines through the engine and compares what the assistant says now
/// with the `bot:` lines written down.
public enum Replayer {
    /// What one replay found: the difference, the route, and the trace for coverage.
    public struct Result: Sendable {
        /// The transcript's file, as named in the diff and in messages.
        public var file: String
        /// The transcript as the engine produces it now (what `--update` writes).
        public var actual: Transcript { made ?? Replayer.actual(of: transcript, steps: steps, messages: messages) }
        /// Unified diff from the file to `actual`; empty when they agree.
        public var diff: String
        /// File line of the first line that differs.
        public var firstMismatchLine: Int?
        /// Where each step's part of `trace` ends (the first for the opening step, then one per typed line).
        public var stepEnds: [Int] = []

        /// How each typed line was read (`understood` events), one list per typed line, in order.
        public var readings: [[String]] {
            guard stepEnds.count > 1 else { return [] }
            return (1..<stepEnds.count).map { k in
                trace[stepEnds[k - 1]..<stepEnds[k]].compactMap { if case .understood(_, let text) = $0 { return text } else { return nil } }
            }
        }

        /// How each line up to the first difference was read, with the rule that decided ("at
        /// main.note: red flag 'stroke' by …"), in order.
        public var understood: [String] {
            trace[..<routeEnd].compactMap { if case .understood(let id, let text) = $0 { return "at \(id): \(text)" } else { return nil } }
        }

        /// Node ids entered up to the turn of the first difference (all of them when none).
        public var route: [NodeID] {
            trace[..<routeEnd].compactMap { if case .enter(let id) = $0 { return id } else { return nil } }
        }
        /// The transcript's `@` assertions that did not hold, each with its line.
        public var assertionFailures: [String]
        /// Everything the engine traced, for coverage.
        public var trace: [TraceEvent]
        /// How many lines the person typed.
        public var turns: Int
        /// Whether the engine said exactly what the file says and every assertion held.
        public var passed: Bool { diff.isEmpty && assertionFailures.isEmpty }

        /// The transcript replayed.
        public let transcript: Transcript
        /// Each step's outputs, the `.start` step first: `actual` is made of them when asked for.
        let steps: [[Output]]
        /// `actual` when the replay already made it (to compare lines that differ in bytes).
        let made: Transcript?
        /// How much of `trace` the route covers.
        let routeEnd: Int
        /// The folder's messages, for the lines `actual` makes.
        var messages = Messages.english
    }

    /// Plays `transcript`'s typed lines, from its seed, through `engine` (tracing on), and compares each
    /// `bot:` line and `@` assertion with what the engine says and does now; `file` names it in the diff.
    public static func replay(_ transcript: Transcript, engine: Engine, file: String) -> Result {
        var engine = engine
        engine.tracing = true
        let numbered = transcript.numbered
        var state = EngineState(seed: transcript.seed)
        // The engine appends each step's trace to the state's, so it is gathered without copies.
        state.trace.reserveCapacity(4 * numbered.count + 16)
        var outputs: [Output]
        (state, outputs) = engine.step(state, .start, keepingTrace: true)
        var steps: [[Output]] = [outputs]
        steps.reserveCapacity(numbered.count + 1)
        // Where each step's part of the trace ends, for the route to a difference.
        var traceEnds = [state.trace.count]
        traceEnds.reserveCapacity(numbered.count + 1)
        var matcher = SpokenLineMatcher(numbered, messages: engine.graph.messages)
        var failures: [String] = []
        var turns = 0
        var quit = false
        var index = 0
        while index < numbered.count, !isYou(numbered[index].line) { index += 1 }
        matcher.bot(outputs)
        while index < numbered.count {
            let current = index
            index += 1
            guard case .you(let input) = numbered[current].line else { continue }
            matcher.you(at: current)
            if quit {
                failures.append("\(file):\(numbered[current].number): input after 'quit' is never read")
                continue
            }
            (state, outputs) = engine.step(consume state, .line(input), keepingTrace: true)
            turns += 1
            steps.append(outputs)
            traceEnds.append(state.trace.count)
            // Assertions that follow this input, up to the next `you:`.
            while index < numbered.count, !isYou(numbered[index].line) {
                if case .assertion(let text) = numbered[index].line,
                    let failure = check(
                        text, state: state, engine: engine,
                        read: index < transcript.assertions.count ? transcript.assertions[index] : nil)
                {
                    failures.append("\(file):\(numbered[index].number): assertion '@ \(text)' failed: \(failure)")
                }
                index += 1
            }
            matcher.bot(outputs)
            if outputs.contains(.quit) { quit = true }
        }
        matcher.end()
        let trace = state.trace
        if matcher.agrees {
            var result = Result(
                file: file, diff: "", firstMismatchLine: nil, assertionFailures: failures, trace: trace, turns: turns,
                transcript: transcript, steps: steps, made: nil, routeEnd: trace.count, messages: engine.graph.messages)
            result.stepEnds = traceEnds
            return result
        }
        // The lines differ (in bytes at least): make them, and compare and diff them as text.
        let actual = Self.actual(of: transcript, steps: steps, messages: engine.graph.messages).numbered
        var mismatch: Int?
        var routeEnd = trace.count
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
            let turn = actual.map(\.line).filter(isSpeech).prefix(k).filter(isYou).count
            routeEnd = traceEnds[min(turn, traceEnds.count - 1)]
        }
        var result = Result(
            file: file, diff: diff, firstMismatchLine: mismatch, assertionFailures: failures, trace: trace, turns: turns,
            transcript: transcript, steps: steps, made: Transcript(headerPairs: transcript.headerPairs, numbered: actual),
            routeEnd: routeEnd, messages: engine.graph.messages)
        result.stepEnds = traceEnds
        return result
    }

    /// The transcript as replayed: its comments and assertions where they were, its `you:` lines, and
    /// after each the lines of that step's outputs (`steps[0]` for `.start`); inputs after a quit get none.
    static func actual(of transcript: Transcript, steps: [[Output]], messages: Messages = .english) -> Transcript {
        var actual: [Transcript.Numbered] = []
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
        appendBot(steps[0], to: &actual, messages: messages)
        actual += afterOpening
        var step = 0
        var quit = false
        while index < numbered.count {
            let current = numbered[index]
            index += 1
            guard case .you = current.line else { continue }
            actual.append(current)
            if quit { continue }
            step += 1
            // Assertions and comments that follow this input, up to the next `you:`.
            while index < numbered.count, !isYou(numbered[index].line) {
                let line = numbered[index]
                index += 1
                switch line.line {
                case .assertion, .comment: actual.append(line)
                default: break
                }
            }
            let outputs = step < steps.count ? steps[step] : []
            appendBot(outputs, to: &actual, messages: messages)
            if outputs.contains(.quit) { quit = true }
        }
        return Transcript(headerPairs: transcript.headerPairs, numbered: actual)
    }

    private static func appendBot(_ outputs: [Output], to lines: inout [Transcript.Numbered], messages: Messages) {
        for text in OutputFormatter.lines(outputs, messages: messages) {
            // Transcript files ignore trailing spaces, so the engine's lines are compared without them.
            var line = text
            while let last = line.utf8.last, last == 0x20 || last == 0x09 { line.removeLast() }
            lines.append(.init(line: .bot(line), number: 0))
        }
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
    ///
    /// `read` is the line as `Transcript.parse` read it, used when it still reads `text`.
    static func check(_ text: String, state: EngineState, engine: Engine, read: ParsedAssertion? = nil) -> String? {
        let reading = read.flatMap { $0.isReading(of: text) ? $0 : nil }
        let parts = reading?.words ?? ParsedAssertion.words(text)
        if parts.first == "end" { return checkEnd(parts.count == 2 ? parts[1] : nil, state: state) }
        guard parts.count == 2 else { return "write '@ at NODE', '@ expect CONDITION', '@ end' or '@ end at NODE'" }
        switch parts[0] {
        case "at":
            let want = parts[1].trimmingBlanks()
            if let id = state.position, Self.isNamed(id, want) { return nil }
            let now = state.position?.description ?? (state.ended ? "the end" : "no open question")
            return now == want ? nil : "the open question is \(now)"
        case "expect":
            switch reading?.condition ?? ConditionParser.parse(parts[1]) {
            case .failure(let e): return "the condition does not parse: \(e.message)"
            case .success(let c):
                // Only the slots are captured (capturing `state` or `engine` copies every part of them).
                let declared = engine.graph.slots
                let issues = ConditionChecker.check(c, slotType: { declared[$0]?.type }, slotNames: engine.graph.slotOrder)
                if let issue = issues.first { return issue.message }
                let slots = state.slots
                if ConditionProgram(c).evaluate(slots) { return nil }
                let shown = c.slotsMentioned.sorted().map { "\($0) = \(slots[$0]?.literal ?? "unanswered")" }
                return "it is false (" + shown.joined(separator: ", ") + ")"
            }
        default:
            return "unknown assertion '\(parts[0])'; write '@ at NODE', '@ expect CONDITION', '@ end' or '@ end at NODE'"
        }
    }

    /// `@ end` (the conversation is over) and `@ end at NODE` (it ended at that node: the last one entered).
    private static func checkEnd(_ rest: String?, state: EngineState) -> String? {
        var last: NodeID?
        for event in state.trace.reversed() {
            if case .enter(let id) = event {
                last = id
                break
            }
        }
        guard state.ended else {
            return "the conversation has not ended; the open question is \(state.position?.description ?? "none")"
        }
        guard let rest else { return nil }
        let words = rest.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2, words[0] == "at" else { return "write '@ end' or '@ end at NODE'" }
        let want = words[1].trimmingBlanks()
        if let last, isNamed(last, want) { return nil }
        return "it ended at \(last?.description ?? "an unknown node")"
    }

    /// Whether `want` is `id` written `dialog.node`, byte for byte (`NodeID.description` without making it).
    private static func isNamed(_ id: NodeID, _ want: String) -> Bool {
        var want = want
        var dialog = id.dialog
        var node = id.node
        guard want.utf8.count == dialog.utf8.count + 1 + node.utf8.count else { return false }
        return want.withUTF8 { w in
            dialog.withUTF8 { d in
                node.withUTF8 { n in
                    w[d.count] == UInt8(ascii: ".") && UnsafeBufferPointer(rebasing: w[..<d.count]).elementsEqual(d)
                        && UnsafeBufferPointer(rebasing: w[(d.count + 1)...]).elementsEqual(n)
                }
            }
        }
    }
}
