import DialogCore

/// Checks, as a replay goes, that what the engine says now is what a transcript has written down:
/// its spoken lines (`bot:` and `you:`, in order) against the `you:` lines read and the lines
/// `OutputFormatter` would make of each output, without making those lines.
///
/// Bytes are compared first; a piece of text whose bytes differ is then made into a line and compared
/// with `String`'s `==` (canonical equivalence), as the replay always has. Option lines are compared
/// by bytes only. So when this says the lines agree they do; when it says they do not, the replay
/// makes the lines and compares them as strings.
struct SpokenLineMatcher {
    private let numbered: [Transcript.Numbered]
    /// Where the search for the next spoken line starts.
    private var next = 0
    /// False from the first line that differs.
    private(set) var agrees = true

    /// The folder's messages (the end-of-conversation and goodbye lines).
    private var messages = Messages.english

    init(_ numbered: [Transcript.Numbered], messages: Messages = .english) {
        self.numbered = numbered
        self.messages = messages
    }

    /// The `you:` line at `index` of the transcript is said next.
    mutating func you(at index: Int) {
        guard agrees else { return }
        if nextSpoken() != index { agrees = false }
    }

    /// No spoken line is left.
    mutating func end() {
        guard agrees else { return }
        if nextSpoken() != nil { agrees = false }
    }

    /// The engine said `outputs`: the lines `OutputFormatter.lines` makes of them come next, each
    /// without its trailing spaces and tabs.
    mutating func bot(_ outputs: [Output]) {
        var previous: Output?
        for output in outputs {
            defer { previous = output }
            guard agrees else { return }
            switch output {
            case .text(let text, _):
                lines(of: text, droppingLastIfEmpty: false)
            case .options(let labels):
                for (offset, label) in labels.enumerated() {
                    guard agrees else { return }
                    option(offset + 1, label)
                }
            case .document(_, _, let markdown):
                if !OutputFormatter.sharesRule(after: previous) { rule() }
                guard agrees else { return }
                lines(of: markdown, droppingLastIfEmpty: true)
                guard agrees else { return }
                rule()
            default:
                for text in OutputFormatter.lines(output, messages: messages) {
                    guard agrees else { return }
                    line(text)
                }
            }
        }
    }

    /// The rule above and below a document (no trailing blanks to remove).
    private mutating func rule() {
        guard let expected = expectedBot() else { return }
        if expected != OutputFormatter.documentRule { agrees = false }
    }

    /// The next spoken line's position, or nil when none is left.
    private mutating func nextSpoken() -> Int? {
        while next < numbered.count {
            let index = next
            next += 1
            switch numbered[index].line {
            case .bot, .you: return index
            default: continue
            }
        }
        return nil
    }

    /// The text of the next spoken line when it is a `bot:` line; nil (and no longer agreeing) otherwise.
    private mutating func expectedBot() -> String? {
        if let index = nextSpoken(), case .bot(let text) = numbered[index].line { return text }
        agrees = false
        return nil
    }

    /// One made line, compared as `Replayer` compares lines: trailing spaces and tabs removed, then `==`.
    private mutating func line(_ made: String) {
        guard let expected = expectedBot() else { return }
        compare(made, with: expected)
    }

    private mutating func compare(_ made: String, with expected: String) {
        var line = made
        while let last = line.utf8.last, last == 0x20 || last == 0x09 { line.removeLast() }
        if expected != line { agrees = false }
    }

    /// The pieces of `text` cut at each "\n" that does not follow a "\r" (`OutputFormatter.splitLines`),
    /// one line each; with `droppingLastIfEmpty`, an empty last piece is not a line (documents).
    private mutating func lines(of text: String, droppingLastIfEmpty: Bool) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while agrees {
                if droppingLastIfEmpty, start == bytes.count { return }
                let end = piece(at: start, of: bytes)
                if end == bytes.count { return }
                start = end + 1
            }
        }
    }

    /// The piece of `bytes` from `start` as a line; returns where the piece ends (its "\n", or the end).
    ///
    /// Most pieces are the expected line itself: when the expected bytes are there, followed by a cut
    /// or the end, the piece is that line, found in one pass with no search for its end.
    private mutating func piece(at start: Int, of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var expected = expectedBot() else { return bytes.count }
        // Blank lines (between a document's paragraphs) are common: an empty piece is at a cut or the end.
        if expected.isEmpty, start == bytes.count || bytes[start] == 0x0A { return start }
        let found = expected.withUTF8 { e -> Int? in
            let end = start + e.count
            guard end <= bytes.count, Self.equalWithoutNewline(e, UnsafeBufferPointer(rebasing: bytes[start..<end])) else {
                return nil
            }
            if let last = e.last, last == 0x20 || last == 0x09 || last == 0x0D { return nil }
            return end == bytes.count || bytes[end] == 0x0A ? end : nil
        }
        if let found { return found }
        // Not the expected line: find the piece's end, and compare as `Replayer` does (trailing
        // spaces and tabs removed by Characters, then `==`).
        var end = start
        while end < bytes.count, !(bytes[end] == 0x0A && (end == start || bytes[end - 1] != 0x0D)) { end += 1 }
        compare(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), with: expected)
        return end
    }

    /// An option line, `  N. label`.
    private mutating func option(_ number: Int, _ label: String) {
        guard var expected = expectedBot() else { return }
        var label = label
        let same = expected.withUTF8 { e in
            label.withUTF8 { l -> Bool? in
                // A label ending in a blank (or none) is trimmed into the prefix: made as a string.
                guard let last = l.last, last != 0x20, last != 0x09 else { return nil }
                if number < 10 {
                    return e.count == 5 + l.count && e[0] == 0x20 && e[1] == 0x20 && e[2] == UInt8(truncatingIfNeeded: 0x30 + number)
                        && e[3] == 0x2E && e[4] == 0x20 && Self.equal(UnsafeBufferPointer(rebasing: e[5...]), l)
                }
                let prefix = Array("  \(number). ".utf8)
                return e.count == prefix.count + l.count && e.prefix(prefix.count).elementsEqual(prefix)
                    && Self.equal(UnsafeBufferPointer(rebasing: e[prefix.count...]), l)
            }
        }
        switch same {
        case true?: return
        case false?: agrees = false
        case nil: compare("  \(number). \(label)", with: expected)
        }
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// Whether `a` and `b` (of the same length) hold the same bytes and `a` no "\n", eight bytes at a time.
    private static func equalWithoutNewline(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        let ra = UnsafeRawPointer(pa)
        let rb = UnsafeRawPointer(pb)
        let count = a.count
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        while i + 8 <= count {
            let x = ra.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            guard x == rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) else { return false }
            let n = x ^ newlines
            guard (n &- ones) & ~n & highs == 0 else { return false }
            i += 8
        }
        if i < count, count >= 8 {
            // The last eight bytes, overlapping those already compared.
            let x = ra.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            guard x == rb.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) else { return false }
            let n = x ^ newlines
            return (n &- ones) & ~n & highs == 0
        }
        while i < count {
            guard a[i] == b[i], a[i] != 0x0A else { return false }
            i += 1
        }
        return true
    }
}
