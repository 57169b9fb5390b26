/// What the engine says back. Drivers (REPL, replay, explore) decide how to show it.
public enum Output: Sendable, Hashable {
    /// A line or paragraph of conversation.
    case text(String, TextStyle)
    /// The numbered options of the open question.
    case options([String])
    /// A rendered document (Markdown).
    case document(id: String, title: String, markdown: String)
    /// The person asked to save the documents; `path` nil means the default file name.
    case save(path: String?, markdown: String)
    /// The conversation reached an end node.
    case end
    /// The person typed `quit`, or the dialogs paused the conversation (a `pause` node): the driver
    /// stops, keeping an unfinished conversation for next time.
    case quit
}

/// How a line of text is meant, so a terminal can colour it.
public enum TextStyle: String, Sendable, Hashable, Codable {
    /// The dialog's own words.
    case say
    /// A re-prompt after an answer that could not be used.
    case reprompt
    /// Replies to built-in commands (`help`, `summary`, …).
    case info
    /// Urgent or error messages.
    case alert
}
