/// Turns outputs into the lines a person reads — the same lines the REPL prints and transcripts hold.
public enum OutputFormatter {
    public static func lines(_ output: Output) -> [String] {
        switch output {
        case .text(let s, _):
            return s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .options(let labels):
            return labels.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        case .document(_, _, let markdown):
            var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return ["────────"] + lines + ["────────"]
        case .save(let path, _):
            return ["[documents saved to \(path ?? "the default file")]"]
        case .end:
            return ["(The conversation is over. Type save to keep your documents, back to change an answer, or quit.)"]
        case .quit:
            return ["Goodbye. Take care of yourself."]
        }
    }
}
