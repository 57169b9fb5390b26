/// A built-in command: recognised only when it is the whole answer ("help", "save notes.md"),
/// never inside a sentence, so "I need help with records" is still an answer.
enum Command: Equatable {
    case help, back, why, summary, restart, save(String?), quit

    init?(_ text: String) {
        // Trimmed without Foundation: every typed line comes through here (a fifth of `explore`'s time).
        let trimmed = Self.trimmed(text, Self.isBlank)
        let lower = trimmed.lowercased()
        let word = Self.trimmed(lower) { $0 == "?" || $0 == "!" || $0 == "." || $0 == " " }
        switch word {
        case "help", "commands", "what can i do", "menu": self = .help
        case "back", "undo", "go back": self = .back
        case "why", "why do you ask", "why ask", "why do you need this": self = .why
        case "summary", "my answers", "show answers": self = .summary
        case "restart", "start over", "start again": self = .restart
        case "save": self = .save(nil)
        case "quit", "exit", "bye", "goodbye": self = .quit
        default:
            if lower.hasPrefix("save "), !lower.hasPrefix("save transcript") {
                let path = Self.trimmed(String(trimmed.dropFirst(5)), Self.isBlank)
                // "save my records" reads like an answer, not a file; require something file-like.
                guard path.contains(".") || path.contains("/"), !path.contains(" ") else { return nil }
                self = .save(path)
                return
            }
            return nil
        }
    }

    /// Spaces and tabs: what Foundation's `CharacterSet.whitespaces` holds (Unicode Zs and tab).
    static func isBlank(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c.properties.generalCategory == .spaceSeparator
    }

    /// `text` without the leading and trailing scalars that `drop` matches.
    static func trimmed(_ text: String, _ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }), let last = scalars.lastIndex(where: { !drop($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
