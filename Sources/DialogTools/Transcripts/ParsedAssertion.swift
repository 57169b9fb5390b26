import DialogCore

/// An `@` line read once: its words (`at NODE`, `expect CONDITION`) and, for `expect`, the parsed
/// condition. What it means for a conversation is decided at replay (`Replayer.check`).
struct ParsedAssertion: Sendable {
    /// The line's text after `@`, to tell whether the line still holds it.
    let text: String
    /// `text.split(separator: " ", maxSplits: 1)` as strings.
    let words: [String]
    /// For `expect CONDITION`: the condition parsed (or why it does not parse); nil otherwise.
    let condition: Result<Condition, ExpressionError>?

    init(_ text: String) {
        self.text = text
        words = Self.words(text)
        condition = words.count == 2 && words[0] == "expect" ? ConditionParser.parse(words[1]) : nil
    }

    /// Whether this was read from `text`, byte for byte.
    func isReading(of text: String) -> Bool {
        var mine = self.text
        var other = text
        return mine.withUTF8 { a in other.withUTF8 { b in a.count == b.count && a.elementsEqual(b) } }
    }

    /// `text.split(separator: " ", maxSplits: 1)` as strings. The usual assertion (`at x.y`,
    /// `expect …`: a word, one space between ASCII characters, the rest) is cut at its first space
    /// byte, which is then a Character of its own; anything else goes through `split`.
    static func words(_ text: String) -> [String] {
        var text = text
        let cut = text.withUTF8 { bytes -> [String]? in
            guard let space = bytes.firstIndex(of: 0x20), space > 0, space + 1 < bytes.count,
                bytes[space - 1] < 0x80, bytes[space + 1] < 0x80, bytes[space + 1] != 0x20
            else { return nil }
            return [
                String(decoding: UnsafeBufferPointer(rebasing: bytes[..<space]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: bytes[(space + 1)...]), as: UTF8.self),
            ]
        }
        return cut ?? text.split(separator: " ", maxSplits: 1).map(String.init)
    }
}
