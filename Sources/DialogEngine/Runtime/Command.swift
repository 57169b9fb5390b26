/// A built-in command: recognised only when it is the whole answer ("help", "save notes.md"),
/// never inside a sentence, so "I need help with records" is still an answer.
enum Command: Equatable {
    case help, back, why, summary, restart, save(String?), quit

    init?(_ text: String) {
        if Self.cannotBeCommand(text) { return nil }
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

    /// The first letters of every command word above.
    private static let firstLetters: Set<UInt8> = Set("hcwmbugsrqe".utf8)

    /// The longest command phrase above ("why do you need this"), in bytes.
    private static let longest = 20

    /// A quick test that rules out most ASCII answers with no allocation: true only when `init` would
    /// surely return nil (the words, trimmed as `init` trims them, are too long or start with a letter no
    /// command starts with, and the line does not start with "save ").
    static func cannotBeCommand(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        // ASCII blanks are space and tab; then `?`, `!`, `.` and spaces around the words.
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        func trim(_ b: UInt8) -> Bool { b == 0x20 || b == UInt8(ascii: "?") || b == UInt8(ascii: "!") || b == UInt8(ascii: ".") }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else {
            return true
        }
        let outer = bytes[first...last]
        if outer.count >= 5, zip(outer, "save ".utf8).allSatisfy({ $0 | 0x20 == $1 }) { return false }
        guard let start = outer.firstIndex(where: { !trim($0) }), let end = outer.lastIndex(where: { !trim($0) }) else {
            return true
        }
        let word = outer[start...end]
        if word.count > longest { return true }
        let lead = word[start]
        let lower = lead >= 0x41 && lead <= 0x5A ? lead + 32 : lead
        return !firstLetters.contains(lower)
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
