/// Reads a typed line as a command, with the phrases of one `CommandTable` for the commands it accepts:
/// the engine's (`Engine.step` reads every line with its own) and those a front end performs itself and
/// registers (`Engine.commandReader(adding:)`).
///
/// A line is a command only as a whole phrase: blanks around it, case, and `?`, `!`, `.` and spaces at
/// either end do not matter; nothing else is forgiven (no typos: "hlep" is an answer, and so is "I need
/// help with records"). A phrase written with `FILE` ("save FILE") is its words, a space, and one word
/// that looks like a file (a dot or a slash, no space): "save notes.md", while "save my records" stays
/// an answer.
///
/// ```swift
/// let reader = CommandReader(graph.commands, accepting: CommandName.engine)
/// reader.command(in: "Go back?")        // Command(.back)
/// reader.command(in: "save notes.md")   // Command(.save, file: "notes.md")
/// ```
package struct CommandReader: Sendable {
    /// Phrases without a file, by their words (the first written wins, as in the fast path).
    private let plain: [String: CommandName]
    /// Phrases with a file: their words and a space, longest first ("save transcript " before "save ").
    private let filePrefixes: [(prefix: String, command: CommandName)]
    /// The same phrases as bytes, for `asciiLookup`.
    private let ascii: ASCIITable

    package init(_ table: CommandTable, accepting names: Set<CommandName>) {
        let phrases = table.phrases.filter { names.contains($0.command) }
        let plainPhrases = phrases.filter { !$0.takesFile }
        plain = Dictionary(plainPhrases.map { ($0.words, $0.command) }, uniquingKeysWith: { first, _ in first })
        // Longest first, so "save transcript FILE" is tried before "save FILE" (a stable sort keeps the
        // written order among equals).
        var withFile: [(prefix: String, command: CommandName)] = []
        for phrase in phrases where phrase.takesFile {
            let prefix = phrase.words + " "
            let at = withFile.firstIndex { $0.prefix.count < prefix.count } ?? withFile.count
            withFile.insert((prefix, phrase.command), at: at)
        }
        filePrefixes = withFile
        ascii = ASCIITable(plain: plainPhrases, filePrefixes: filePrefixes.map(\.prefix))
    }

    /// The command `line` names, cleaned first as the engine cleans every typed line (escape sequences
    /// and control characters removed, spaces collapsed); nil when it is not one.
    package func command(in line: String) -> Command? {
        guard line.utf8.count <= Engine.maxInputBytes else { return nil }
        return read(InputCleaner.clean(line))
    }

    /// A cleaned line: the fast path over an ASCII line's bytes, else the general reading.
    func read(_ text: String) -> Command? {
        switch asciiLookup(text) {
        case .none: return nil
        case .found(let command): return command
        case .undecided: return read(slow: text)
        }
    }

    /// The general reading: any text. `asciiLookup` must agree with it wherever it decides
    /// (CommandTests compares them).
    func read(slow text: String) -> Command? {
        // Trimmed without Foundation: every typed line comes through here, and `explore` types many.
        let trimmed = text.trimmingBlanks()
        let words = Self.trimmed(trimmed.lowercased()) { $0 == "?" || $0 == "!" || $0 == "." || $0 == " " }
        if let name = plain[words] { return Command(name) }
        for (prefix, name) in filePrefixes where String(trimmed.prefix(prefix.count)).lowercased() == prefix {
            let file = trimmed.dropFirst(prefix.count).trimmingBlanks()
            // "save my records" reads like an answer, not a file; require something file-like.
            if file.contains(".") || file.contains("/"), !file.contains(" ") { return Command(name, file: file) }
        }
        return nil
    }

    enum Lookup: Equatable {
        /// Surely not a command.
        case none
        case found(Command)
        /// Not ASCII, or starts with the words of a phrase that takes a file: left to the general reading.
        case undecided
    }

    /// The same reading over the bytes of an ASCII line, without allocating.
    func asciiLookup(_ text: String) -> Lookup {
        var text = text
        let table = ascii
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
            for prefix in table.filePrefixes where last - first + 1 > prefix.count {
                if zip(bytes[first...], prefix).allSatisfy({ lower($0) == $1 }) { return .undecided }
            }
            var start = first
            var end = last
            while start <= end, trim(bytes[start]) { start += 1 }
            while end >= start, trim(bytes[end]) { end -= 1 }
            guard start <= end else { return .none }
            let count = end - start + 1
            guard count <= table.longest, table.firstLetters & (1 << UInt64(lower(bytes[start]) & 63)) != 0 else { return .none }
            for k in table.commands.indices where table.start[k + 1] - table.start[k] == count {
                var same = true
                for i in 0..<count where lower(bytes[start + i]) != table.bytes[table.start[k] + i] {
                    same = false
                    break
                }
                if same { return .found(Command(table.commands[k])) }
            }
            return .none
        }
    }

    /// The ASCII phrases as one flat byte array, for `asciiLookup` (a phrase with other letters never
    /// equals an ASCII line, so it is left to the general reading's table alone).
    struct ASCIITable: Sendable {
        let bytes: [UInt8]
        /// Phrase `k` is `bytes[start[k]..<start[k + 1]]`.
        let start: [Int]
        let commands: [CommandName]
        /// The longest phrase, in bytes.
        let longest: Int
        /// The first letters of the phrases, one bit per byte value modulo 64.
        let firstLetters: UInt64
        /// The words and space of each phrase that takes a file ("save "), as bytes: a line that starts
        /// with one is left to the general reading.
        let filePrefixes: [[UInt8]]

        init(plain: [CommandTable.Phrase], filePrefixes: [String]) {
            var bytes: [UInt8] = []
            var start = [0]
            var commands: [CommandName] = []
            var firstLetters: UInt64 = 0
            for phrase in plain where phrase.words.utf8.allSatisfy({ $0 < 0x80 }) {
                bytes += phrase.words.utf8
                start.append(bytes.count)
                commands.append(phrase.command)
                firstLetters |= 1 << UInt64((phrase.words.utf8.first ?? 0) & 63)
            }
            self.bytes = bytes
            self.start = start
            self.commands = commands
            self.firstLetters = firstLetters
            longest = zip(start.dropFirst(), start).map { $0 - $1 }.max() ?? 0
            self.filePrefixes = filePrefixes.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
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
