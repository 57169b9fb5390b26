/// A command read from a typed line (`CommandReader`): only ever the whole answer ("help", "save
/// notes.md"), never inside a sentence, so "I need help with records" is still an answer.
public struct Command: Sendable, Hashable {
    public var name: CommandName
    /// The file named after the command's words ("save notes.md"), for a command that takes one.
    public var file: String?

    public init(_ name: CommandName, file: String? = nil) {
        self.name = name
        self.file = file
    }
}
