/// Turns outputs into the lines a person reads — the same lines the REPL prints and transcripts hold.
public enum OutputFormatter {
    /// The line above and below a document.
    public static let documentRule = "────────"

    /// The lines of `output`, with the built-in English texts for the end and goodbye.
    public static func lines(_ output: Output) -> [String] {
        lines(output, messages: .english)
    }

    /// The lines, with the end-of-conversation and goodbye texts from `messages` (the folder's own).
    public static func lines(_ output: Output, messages: Messages) -> [String] {
        lines(output, after: nil, messages: messages)
    }

    /// The lines of `output` said right after `previous` in the same turn: a document that follows
    /// another document shares its rule (one line between them, not two).
    public static func lines(_ output: Output, after previous: Output?, messages: Messages) -> [String] {
        switch output {
        case .text(let s, _):
            return splitLines(s)
        case .options(let labels):
            return labels.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        case .document(_, _, let markdown):
            var lines = splitLines(markdown)
            if lines.last == "" { lines.removeLast() }
            return (sharesRule(after: previous) ? [] : [documentRule]) + lines + [documentRule]
        case .save(let path, _):
            return ["[documents saved to \(path ?? "the default file")]"]
        case .end:
            return [messages[.conversationOver]]
        case .quit:
            return [messages[.goodbye]]
        }
    }

    /// Whether a document said after `previous` starts without its own rule (the one above is `previous`'s closing rule).
    public static func sharesRule(after previous: Output?) -> Bool {
        if case .document = previous { return true }
        return false
    }

    /// The lines of `outputs` said in one turn, in order.
    public static func lines(_ outputs: [Output], messages: Messages) -> [String] {
        var result: [String] = []
        var previous: Output?
        for output in outputs {
            result += lines(output, after: previous, messages: messages)
            previous = output
        }
        return result
    }

    /// `text` cut at each "\n", empty pieces kept: the same as splitting its Characters on "\n" (so a
    /// "\r\n", one Character, is not a cut), but over UTF-8 bytes, since replay formats every line it
    /// compares.
    static func splitLines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                if index > start, bytes[index - 1] == 0x0D { continue }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
    }
}
