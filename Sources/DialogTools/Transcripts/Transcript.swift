/// A conversation written down: a header of `# key: value` lines, then `bot:` and `you:` lines.
///
/// ```
/// # persona: UK patient with a new cancer diagnosis
/// # seed: 7
/// bot: Hello. I can help you think about a second opinion.
/// you: yes
/// @ at main.ask_country
/// @ expect country == 'uk'
/// ```
/// Lines starting with `#` after the header are comments. `@` lines are assertions checked after
/// the `you:` line before them: `@ at NODE` (the open question) and `@ expect CONDITION`.
public struct Transcript: Sendable, Hashable {
    public var headerPairs: [HeaderEntry]
    public var lines: [Line]

    public struct HeaderEntry: Sendable, Hashable {
        public var key: String
        public var value: String
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public enum Line: Sendable, Hashable {
        case bot(String)
        case you(String)
        case assertion(String)
        case comment(String)
    }

    /// A line with where it came from, for messages.
    public struct Numbered: Sendable, Hashable {
        public var line: Line
        /// 1-based line in the file (0 for lines made by the engine).
        public var number: Int
        public init(line: Line, number: Int) {
            self.line = line
            self.number = number
        }
    }

    public var numbered: [Numbered]

    /// The `@` lines as `parse` read them, by position in `numbered` (empty for a transcript made in
    /// code): a replay checks them without reading them again. Not part of the value (`==` ignores it),
    /// and a replay uses an entry only while its line still holds the same text.
    let assertions: [ParsedAssertion?]

    public init(headerPairs: [HeaderEntry], numbered: [Numbered]) {
        self.init(headerPairs: headerPairs, numbered: numbered, assertions: [])
    }

    init(headerPairs: [HeaderEntry], numbered: [Numbered], assertions: [ParsedAssertion?]) {
        self.headerPairs = headerPairs
        self.numbered = numbered
        self.lines = numbered.map(\.line)
        self.assertions = assertions
    }

    public static func == (a: Transcript, b: Transcript) -> Bool {
        a.headerPairs == b.headerPairs && a.lines == b.lines && a.numbered == b.numbered
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(headerPairs)
        hasher.combine(lines)
        hasher.combine(numbered)
    }

    /// The seed from the header (default 1).
    public var seed: UInt64 {
        headerPairs.first { $0.key == "seed" }.flatMap { UInt64($0.value) } ?? 1
    }

    public var inputs: [String] {
        lines.compactMap { if case .you(let s) = $0 { return s } else { return nil } }
    }

    /// Problems reading a transcript file.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses transcript text (LF or CRLF line ends). Trailing spaces are ignored; blank lines are skipped.
    public static func parse(_ text: String) -> Result<Transcript, ParseError> {
        var header: [HeaderEntry] = []
        var lines: [Numbered] = []
        var inHeader = true
        // Split on the byte, not the Character: "\r\n" is one Character and would not split on "\n".
        for (i, rawLine) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            while line.last == " " || line.last == "\t" || line.last == "\r" { line = line.dropLast() }
            let number = i + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let body = line.dropFirst().drop { $0 == " " }
                if inHeader, let colon = body.firstIndex(of: ":") {
                    let key = body[..<colon].trimmingBlanks().lowercased()
                    let value = body[body.index(after: colon)...].trimmingBlanks()
                    if !key.isEmpty, !key.contains(" ") {
                        header.append(HeaderEntry(key: key, value: value))
                        continue
                    }
                }
                lines.append(Numbered(line: .comment(String(body)), number: number))
                continue
            }
            inHeader = false
            if let rest = strip(line, "bot:") {
                lines.append(Numbered(line: .bot(rest), number: number))
            } else if let rest = strip(line, "you:") {
                lines.append(Numbered(line: .you(rest), number: number))
            } else if line.hasPrefix("@") {
                lines.append(Numbered(line: .assertion(line.dropFirst().trimmingBlanks()), number: number))
            } else {
                return .failure(
                    ParseError(
                        line: number,
                        message: "expected a line starting with 'bot:', 'you:', '@' or '#', found '\(line.prefix(40))'"))
            }
        }
        if let seed = header.first(where: { $0.key == "seed" }), UInt64(seed.value) == nil {
            return .failure(ParseError(line: 1, message: "seed '\(seed.value)' is not a whole number ≥ 0"))
        }
        // Assertions are read here, once, not at every replay of the transcript.
        var assertions: [ParsedAssertion?] = []
        for (index, line) in lines.enumerated() {
            guard case .assertion(let text) = line.line else { continue }
            if assertions.isEmpty { assertions = Array(repeating: nil, count: lines.count) }
            assertions[index] = ParsedAssertion(text)
        }
        return .success(Transcript(headerPairs: header, numbered: lines, assertions: assertions))
    }

    private static func strip(_ line: Substring, _ prefix: String) -> String? {
        guard line.hasPrefix(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        return String(rest.first == " " ? rest.dropFirst() : rest)
    }

    /// Transcript text: header, then lines (comments and assertions kept where they were).
    public func render() -> String {
        var out = headerPairs.map { "# \($0.key): \($0.value)" }
        for line in lines {
            switch line {
            case .bot(let s): out.append(s.isEmpty ? "bot:" : "bot: " + s)
            case .you(let s): out.append(s.isEmpty ? "you:" : "you: " + s)
            case .assertion(let s): out.append("@ " + s)
            case .comment(let s): out.append("# " + s)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
