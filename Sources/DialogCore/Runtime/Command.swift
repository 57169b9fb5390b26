/// A built-in command: recognised only when it is the whole answer ("help", "save notes.md"),
/// never inside a sentence, so "I need help with records" is still an answer.
enum Command: Equatable {
    case help, back, why, summary, restart, save(String?), quit

    /// Every command phrase (lowercase, as the whole answer) and its command; `save FILE` is read apart.
    static let phrases: [(text: String, command: Command)] = [
        ("help", .help), ("commands", .help), ("what can i do", .help), ("menu", .help),
        ("back", .back), ("undo", .back), ("go back", .back),
        ("why", .why), ("why do you ask", .why), ("why ask", .why), ("why do you need this", .why),
        ("summary", .summary), ("my answers", .summary), ("show answers", .summary),
        ("restart", .restart), ("start over", .restart), ("start again", .restart),
        ("save", .save(nil)),
        ("quit", .quit), ("exit", .quit), ("bye", .quit), ("goodbye", .quit),
    ]

    init?(_ text: String) {
        switch Self.asciiLookup(text) {
        case .none: return nil
        case .found(let command): self = command
        case .undecided: self.init(slow: text)
        }
    }

    /// The general reading: any text, and `save FILE`. `asciiLookup` must agree with it wherever it
    /// decides (CommandTests compares them).
    init?(slow text: String) {
        // Trimmed without Foundation: every typed line comes through here, and `explore` types many.
        let trimmed = text.trimmingBlanks()
        let lower = trimmed.lowercased()
        let word = Self.trimmed(lower) { $0 == "?" || $0 == "!" || $0 == "." || $0 == " " }
        if let found = Self.phrases.first(where: { $0.text == word }) {
            self = found.command
            return
        }
        if lower.hasPrefix("save "), !lower.hasPrefix("save transcript") {
            let path = trimmed.dropFirst(5).trimmingBlanks()
            // "save my records" reads like an answer, not a file; require something file-like.
            guard path.contains(".") || path.contains("/"), !path.contains(" ") else { return nil }
            self = .save(path)
            return
        }
        return nil
    }

    enum Lookup {
        /// Surely not a command.
        case none
        case found(Command)
        /// Not ASCII, or starts with "save ": left to the general reading.
        case undecided
    }

    /// The same reading over the bytes of an ASCII line, without allocating.
    static func asciiLookup(_ text: String) -> Lookup {
        var text = text
        return text.withUTF8 { bytes -> Lookup in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .undecided }
            // ASCII blanks are space and tab; then `?`, `!`, `.` and spaces around the words.
            func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
            func trim(_ b: UInt8) -> Bool {
                b == 0x20 || b == UInt8(ascii: "?") || b == UInt8(ascii: "!") || b == UInt8(ascii: ".")
            }
            guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) })
            else { return .none }
            func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
            if last - first + 1 >= 5, zip(bytes[first...], "save ".utf8).allSatisfy({ lower($0) == $1 }) { return .undecided }
            var start = first
            var end = last
            while start <= end, trim(bytes[start]) { start += 1 }
            while end >= start, trim(bytes[end]) { end -= 1 }
            guard start <= end else { return .none }
            let count = end - start + 1
            guard count <= Table.longest, Table.firstLetters & (1 << UInt64(lower(bytes[start]) & 63)) != 0 else { return .none }
            let table = Table.shared
            for k in table.commands.indices where table.start[k + 1] - table.start[k] == count {
                var same = true
                for i in 0..<count where lower(bytes[start + i]) != table.bytes[table.start[k] + i] {
                    same = false
                    break
                }
                if same { return .found(table.commands[k]) }
            }
            return .none
        }
    }

    /// `phrases` as one flat byte array, for `asciiLookup`.
    struct Table: Sendable {
        let bytes: [UInt8]
        /// Phrase `k` is `bytes[start[k]..<start[k + 1]]`.
        let start: [Int]
        let commands: [Command]

        static let shared = Table()
        /// The longest phrase, in bytes.
        static let longest = phrases.map(\.text.utf8.count).max() ?? 0
        /// The first letters of the phrases, one bit per byte value modulo 64.
        static let firstLetters: UInt64 = phrases.reduce(0) { $0 | 1 << UInt64(($1.text.utf8.first ?? 0) & 63) }

        init() {
            var bytes: [UInt8] = []
            var start = [0]
            for phrase in Command.phrases {
                bytes += phrase.text.utf8
                start.append(bytes.count)
            }
            self.bytes = bytes
            self.start = start
            commands = Command.phrases.map(\.command)
        }
    }

    /// `text` without the leading and trailing scalars that `drop` matches.
    static func trimmed(_ text: String, _ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }), let last = scalars.lastIndex(where: { !drop($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
