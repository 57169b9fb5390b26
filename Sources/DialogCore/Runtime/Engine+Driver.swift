import Understanding

/// Small helpers for front ends (the REPL): reading a reply and deciding what may be kept, with the
/// engine's own reading of a line.
extension Engine {
    /// A yes/no reply read exactly as every bool question reads its answer (`AnswerMatcher`, after the
    /// same cleaning of the typed line): true for yes, false for no, nil when it is not clearly either
    /// (a front end then asks again). For a driver's own questions, such as "Continue it?".
    public static func readYesNo(_ line: String) -> Bool? {
        guard line.utf8.count <= maxInputBytes else { return nil }
        if case .matched(.bool(let yes)) = AnswerMatcher(type: .bool).match(InputCleaner.clean(line)) { return yes }
        return nil
    }

    /// `readYesNo`, with this engine's language data first (the general yes and no phrasings every yes/no
    /// question reads: "yes please", "go on", "I'd rather stop"), then the plain matcher.
    public func readYesNo(_ line: String) -> Bool? {
        guard line.utf8.count <= Self.maxInputBytes else { return nil }
        let cleaned = InputCleaner.clean(line)
        if let language = graph.language?.language {
            switch language.readYesNo(cleaned) {
            case .yes: return true
            case .no: return false
            case .unsure, .conflicting, .unclear, .tentative: return nil
            case .none: break
            }
        }
        return Self.readYesNo(cleaned)
    }

    /// A typed line as the engine reads it: escape sequences and control characters removed, spaces
    /// collapsed (for a driver that writes typed lines down, such as a recording or the history).
    public static func cleanedLine(_ line: String) -> String {
        InputCleaner.clean(line)
    }

    /// Whether `line` names a red flag (an urgent interrupt's phrase), as the engine would read it at a
    /// question: a front end keeps such lines out of anything it stores, such as an answer history.
    package func raisesRedFlag(_ line: String) -> Bool {
        guard line.utf8.count <= Self.maxInputBytes else { return false }
        let cleaned = InputCleaner.clean(line)
        if let reading = graph.language?.language.read(cleaned), !reading.alarms.isEmpty || !reading.checks.isEmpty { return true }
        return program.interrupts.index.firstMatch(TextNormalizer.tokens(cleaned), urgent: true) != nil
    }

    /// Whether the open question is one a red flag leads to (in the dialog of an urgent interrupt's
    /// target, such as the safety questions): its answers are as private as the red flag itself.
    package func isAfterRedFlag(_ state: EngineState) -> Bool {
        guard let position = state.position else { return false }
        return graph.interrupts.contains { $0.urgent && $0.target.dialog == position.dialog }
    }
}
