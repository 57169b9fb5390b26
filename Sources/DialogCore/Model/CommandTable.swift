/// The phrases that name commands, for every command (the engine's and a front end's): the language
/// data's `commands` (command name → phrases), and for a command it leaves out (or a folder without
/// language data) the command's name. `CommandReader` reads typed lines with it.
///
/// ```json
/// "commands": { "back": ["back", "undo", "go back"], "save": ["save", "save FILE"] }
/// ```
public struct CommandTable: Sendable, Hashable {
    /// One phrase of one command.
    public struct Phrase: Sendable, Hashable {
        public var command: CommandName
        /// The words a typed line must be, lowercase, one space between ("go back"; "save" for "save FILE").
        public var words: String
        /// Whether a file name follows the words (written with `FILE` last: "save FILE").
        public var takesFile: Bool

        public init(command: CommandName, words: String, takesFile: Bool) {
            self.command = command
            self.words = words
            self.takesFile = takesFile
        }

        /// Why a written phrase cannot be one.
        public enum Problem: Error, Equatable {
            /// Nothing but blanks and `?!.` (or `FILE` alone).
            case empty
            /// `FILE` somewhere other than last.
            case fileNotLast
            /// `FILE` on a command that takes no file.
            case takesNoFile
        }

        /// A phrase as the language data writes it ("Go back", "save FILE"): lowercased, blanks collapsed, and
        /// `?`, `!` and `.` at either end dropped, as a typed line's are.
        public static func parse(_ text: String, for command: CommandName) -> Result<Phrase, Problem> {
            var words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            let takesFile = words.last == "FILE"
            if takesFile { words.removeLast() }
            if words.contains("FILE") { return .failure(.fileNotLast) }
            if takesFile, !command.takesFile { return .failure(.takesNoFile) }
            let joined = words.joined(separator: " ").lowercased()
            let kept = CommandReader.trimmed(joined) { $0 == "?" || $0 == "!" || $0 == "." || $0 == " " }
            guard !kept.isEmpty else { return .failure(.empty) }
            return .success(Phrase(command: command, words: kept, takesFile: takesFile))
        }
    }

    /// Every phrase, command by command in `CommandName.allCases` order, each command's in the order written.
    public var phrases: [Phrase]

    public init(phrases: [Phrase]) {
        self.phrases = phrases
    }

    /// The table of the phrases `declared` for each command; a command left out answers to its name
    /// (`CommandName.words`), and to its name and a file when it takes one.
    public init(declared: [CommandName: [Phrase]]) {
        phrases = CommandName.allCases.flatMap { declared[$0] ?? Self.defaultPhrases($0) }
    }

    /// The table of a folder whose language data gives no commands.
    public static let defaults = CommandTable(declared: [:])

    /// What `command` answers to when the language data gives it no phrases.
    public static func defaultPhrases(_ command: CommandName) -> [Phrase] {
        let plain = Phrase(command: command, words: command.words, takesFile: false)
        return command.takesFile ? [plain, Phrase(command: command, words: command.words, takesFile: true)] : [plain]
    }

    /// The phrase to offer for `command` (Tab completion, the explorer's typed commands): its first phrase
    /// without a file, else nil.
    public func shown(_ command: CommandName) -> String? {
        phrases.first { $0.command == command && !$0.takesFile }?.words
    }
}
