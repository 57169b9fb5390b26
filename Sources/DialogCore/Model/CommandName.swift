/// A command the person can type at any prompt, by the name the language data's `commands` gives it
/// (`"go_back"` is no name; `"back"` is). The engine performs its own (`engine`); a front end performs the
/// rest itself and registers them with `Engine.commandReader(adding:)`.
public enum CommandName: String, Sendable, Hashable, CaseIterable, Comparable {
    case help, back, why, summary, restart, save, quit
    /// Authors: load the dialog files again, keeping the answers (the REPL's).
    case reload
    /// Maintainers: write the conversation as a replayable transcript (the REPL's).
    case saveTranscript = "save_transcript"

    /// The commands `Engine.step` performs.
    public static let engine: Set<CommandName> = [.help, .back, .why, .summary, .restart, .save, .quit]

    /// Whether the command may be followed by a file name (`save FILE`).
    public var takesFile: Bool { self == .save || self == .saveTranscript }

    /// Its name as words ("save transcript"): what it answers to when the language data gives it no phrases.
    public var words: String { rawValue.replacingUnderscores() }

    public static func < (a: CommandName, b: CommandName) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
