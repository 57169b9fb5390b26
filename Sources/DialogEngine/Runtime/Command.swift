import Foundation

/// A built-in command: recognised only when it is the whole answer ("help", "save notes.md"),
/// never inside a sentence, so "I need help with records" is still an answer.
enum Command: Equatable {
    case help, back, why, summary, restart, save(String?), quit

    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        let word = lower.trimmingCharacters(in: CharacterSet(charactersIn: "?!. "))
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
                let path = trimmed.dropFirst(5).trimmingCharacters(in: .whitespaces)
                // "save my records" reads like an answer, not a file; require something file-like.
                guard path.contains(".") || path.contains("/"), !path.contains(" ") else { return nil }
                self = .save(path)
                return
            }
            return nil
        }
    }
}
