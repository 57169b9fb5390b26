/// Where a chat writes what the person reads: standard output (`StandardOutput`), or a test's buffer. The
/// chat writes whole lines through it and nothing else, so a test can drive a chat end to end and read
/// everything it said.
protocol ChatOutput: AnyObject {
    /// Writes `text` as it is (it ends with a line break).
    func write(_ text: String)
    /// Writes `text` to where errors go (it ends with a line break).
    func writeError(_ text: String)
    /// The width to wrap lines at, asked before each line (a resized window is followed); nil leaves them
    /// as they are.
    var width: Int? { get }
}

/// Standard output and standard error, wrapped to the terminal's width when standard output is one
/// (`TerminalText.outputWidth`).
final class StandardOutput: ChatOutput {
    func write(_ text: String) { StandardStream.output.write(text) }
    func writeError(_ text: String) { StandardStream.error.write(text) }
    var width: Int? { TerminalText.outputWidth() }
}
