/// ANSI styling for terminal output; every method returns its input unchanged when colour is off.
struct TerminalStyle: Equatable, Sendable {
    /// Whether the methods add escape sequences.
    let colorEnabled: Bool

    /// A style with colour switched on or off explicitly; `detect(noColorFlag:)` decides it from the environment.
    init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    /// Colour on only when stdout is a tty, `NO_COLOR` is unset or empty, `TERM` is not `dumb`, and no `--no-color` flag.
    static func detect(noColorFlag: Bool) -> TerminalStyle {
        let noColorVariable = Environment.value("NO_COLOR").map { !$0.isEmpty } ?? false
        let dumbTerminal = Environment.value("TERM") == "dumb"
        let enabled = !noColorFlag && !noColorVariable && !dumbTerminal && isatty(STDOUT_FILENO) == 1
        return TerminalStyle(colorEnabled: enabled)
    }

    /// Text spoken by the assistant (cyan).
    func bot(_ s: String) -> String { wrap(s, in: "36") }

    /// Text to stand out, such as option labels (bold).
    func emphasis(_ s: String) -> String { wrap(s, in: "1") }

    /// Warnings and refusals (yellow).
    func warning(_ s: String) -> String { wrap(s, in: "33") }

    /// Secondary text such as hints (faint).
    func dim(_ s: String) -> String { wrap(s, in: "2") }

    /// For readline prompts: wraps each escape sequence in `\u{1}`…`\u{2}` so readline does not count it as width.
    ///
    /// Parts already between `\u{1}` and `\u{2}` are copied unchanged, so wrapping twice is harmless.
    func prompt(_ s: String) -> String {
        var result = ""
        var scalars = s.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case Self.ignoreStart:
                result.unicodeScalars.append(scalar)
                while let inner = scalars.popFirst() {
                    result.unicodeScalars.append(inner)
                    if inner == Self.ignoreEnd { break }
                }
            case Self.escape:
                result.unicodeScalars.append(Self.ignoreStart)
                result.unicodeScalars.append(scalar)
                result.unicodeScalars.append(contentsOf: Self.popEscapeBody(from: &scalars))
                result.unicodeScalars.append(Self.ignoreEnd)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let escape: Unicode.Scalar = "\u{1B}"
    private static let ignoreStart: Unicode.Scalar = "\u{1}"
    private static let ignoreEnd: Unicode.Scalar = "\u{2}"

    private func wrap(_ s: String, in sgrCode: String) -> String {
        guard colorEnabled, !s.isEmpty else { return s }
        return "\u{1B}[\(sgrCode)m\(s)\u{1B}[0m"
    }

    /// The rest of an escape sequence after ESC: a CSI (`[`, parameters, intermediates, final byte) or one character.
    private static func popEscapeBody(from scalars: inout Substring.UnicodeScalarView) -> [Unicode.Scalar] {
        guard let first = scalars.popFirst() else { return [] }
        var body = [first]
        guard first == "[" else { return body }
        while let next = scalars.popFirst() {
            body.append(next)
            if (0x40...0x7E).contains(next.value) { break }  // CSI final byte
        }
        return body
    }
}
