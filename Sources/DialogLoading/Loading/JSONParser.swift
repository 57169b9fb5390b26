import DialogCore
import Understanding

/// A strict RFC 8259 JSON parser that records where every value and key starts.
///
/// A syntax error stops the parse with one `E001` diagnostic that says what is wrong, where, and
/// how to fix it, e.g. `surgery.json:14:9: error[E001]: trailing comma before '}' [at /nodes/ask]
/// (hint: remove the comma after the last member)`. Duplicate keys (`E002`) do not stop it: each
/// is reported and the first occurrence is kept. A UTF-8 byte order mark at the start is skipped.
/// Comments (`// …` to the end of the line, `/* … */`), as in JSONC, are skipped like whitespace.
package enum JSONParser {
    /// Parses `bytes` (raw file contents) of file `file`. Returns the root (nil if the document is unusable) and all diagnostics.
    package static func parse(_ bytes: [UInt8], file: String, maxDepth: Int = 64) -> (
        root: JSONNode?, diagnostics: [Diagnostic]
    ) {
        let parsed = parseTree(bytes, file: file, maxDepth: maxDepth)
        return (parsed.tree.map { $0.node($0.root) }, parsed.diagnostics)
    }

    /// Parses `bytes` into a flat `JSONTree` (what the loader reads); the same diagnostics as `parse`.
    static func parseTree(_ bytes: [UInt8], file: String, maxDepth: Int = 64) -> (
        tree: JSONTree?, diagnostics: [Diagnostic]
    ) {
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONByteParser(buffer: buffer, file: file, maxDepth: maxDepth)
            let ok = parser.parseDocument()
            return (ok ? (parser.entries, parser.decoded) : nil, parser.diagnostics)
        }
        guard let body = parsed.0 else { return (nil, parsed.1) }
        return (JSONTree(bytes: bytes, entries: body.0, decoded: body.1), parsed.1)
    }
}

/// Why a parse stopped: the one diagnostic to report.
struct JSONParseStop: Error {
    var diagnostic: Diagnostic
}

/// The recursive-descent parser behind `JSONParser`: one pass over the bytes with an index.
///
/// Every read is guarded by `i < end` (or an equivalent check), recursion is bounded by
/// `maxDepth`, and numbers that could overflow an `Int` are clamped, so no input can trap.
struct JSONByteParser {
    /// A byte position together with its line, so a location can be computed for it later.
    private struct Mark {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    /// An open `{` or `[` that has not been closed yet.
    private struct Opener {
        var mark: Mark
        var bracket: UInt8
        /// How many path components lead to this container.
        var depth: Int
    }

    /// One step of the JSON pointer to the value being parsed. A key is kept as the offset of its
    /// opening quote (no string copy per member); it is decoded again only when a pointer is made.
    private enum PathComponent {
        case key(at: Int)
        case index(Int)
    }

    private let buf: UnsafeBufferPointer<UInt8>
    private let end: Int
    private let file: String
    private let maxDepth: Int

    /// The next byte to read.
    private var i = 0
    /// The line of `i`, and the offset where that line starts.
    private var line = 1
    private var lineStart = 0

    /// The last computed column, so columns along one long line are counted once (linear, not quadratic).
    private var cachedLineStart = -1
    private var cachedOffset = 0
    private var cachedColumn = 1
    /// True while every byte from `lineStart` to `i` is ASCII, so a column there is a byte count.
    /// (Non-ASCII bytes are valid only inside strings, and strings do not span lines.)
    private var lineIsASCII = true

    private var openers: [Opener] = []
    private var path: [PathComponent] = []
    /// Reused buffer for strings that contain escapes.
    private var scratch: [UInt8] = []
    private var duplicates: [Diagnostic] = []
    /// The document's entries so far (see `JSONTree`).
    private(set) var entries: [JSONTree.Entry] = []
    /// The texts of strings with escapes.
    private(set) var decoded: [String] = []
    /// The kept key entries of the objects being parsed, innermost last.
    private var keys: [Int] = []
    /// The duplicate-key diagnostics after a successful parse, or the one that stopped it.
    var diagnostics: [Diagnostic] { stop.map { [$0] } ?? duplicates }
    private var stop: Diagnostic?

    init(buffer: UnsafeBufferPointer<UInt8>, file: String, maxDepth: Int) {
        self.buf = buffer
        self.end = buffer.count
        self.file = file
        self.maxDepth = maxDepth
    }

    // MARK: - Document

    /// Parses the whole document into `entries`; false (with the one diagnostic in `diagnostics`) if it is unusable.
    mutating func parseDocument() -> Bool {
        if end >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
            i = 3
            lineStart = 3
        }
        do throws(JSONParseStop) {
            skipWhitespace()
            if let open = unterminatedComment { throw unterminated(open) }
            guard i < end else {
                throw fail(
                    mark(), "the file is empty",
                    hint: "a dialog file holds one JSON object: { \"dialog\": …, \"start\": …, \"nodes\": { … } }")
            }
            // About one entry per 16 bytes of a dialog file: grow rarely.
            entries.reserveCapacity(end / 16 + 4)
            try parseValue()
            let last = Mark(offset: i - 1, line: line, lineStart: lineStart)
            skipWhitespace()
            if let open = unterminatedComment { throw unterminated(open) }
            if i < end { throw garbageAfterRoot(last) }
            return true
        } catch {
            stop = error.diagnostic
            return false
        }
    }

    // MARK: - Values

    /// Parses the value at `i` and appends its entries.
    private mutating func parseValue() throws(JSONParseStop) {
        guard i < end else { throw truncated() }
        let start = mark()
        let (line, column) = position(start)
        switch buf[i] {
        case UInt8(ascii: "{"):
            try parseObject(start, line: line, column: column)
        case UInt8(ascii: "["):
            try parseArray(start, line: line, column: column)
        case UInt8(ascii: "\""):
            try appendString(start, line: line, column: column)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let n = try parseNumber()
            append(Int(bitPattern: UInt(n.bitPattern)), 0, line, column, .number)
        case UInt8(ascii: "t") where matchesLiteral("true"):
            i += 4
            append(1, 0, line, column, .bool)
        case UInt8(ascii: "f") where matchesLiteral("false"):
            i += 5
            append(0, 0, line, column, .bool)
        case UInt8(ascii: "n") where matchesLiteral("null"):
            i += 4
            append(0, 0, line, column, .null)
        default:
            throw unexpectedValue()
        }
    }

    private mutating func append(_ a: Int, _ b: Int, _ line: Int32, _ column: Int32, _ kind: JSONTree.Kind, flags: UInt8 = 0) {
        entries.append(JSONTree.Entry(a: a, b: b, line: line, column: column, kind: kind, flags: flags))
    }

    /// Parses the string at `i` (its opening quote, at `start`) and appends its entry.
    private mutating func appendString(_ start: Mark, line: Int32, column: Int32) throws(JSONParseStop) {
        let (from, to, flags) = try scanString(start)
        if flags & JSONTree.escaped != 0 {
            decoded.append(String(decoding: scratch, as: UTF8.self))
            append(decoded.count - 1, 0, line, column, .string, flags: flags)
        } else {
            append(from, to, line, column, .string, flags: flags)
        }
    }

    private mutating func parseObject(_ open: Mark, line: Int32, column: Int32) throws(JSONParseStop) {
        try enterContainer(open)
        i += 1
        let me = entries.count
        append(0, 0, line, column, .object)
        skipWhitespace()
        if i < end, buf[i] == UInt8(ascii: "}") {
            i += 1
            openers.removeLast()
            entries[me].b = entries.count
            return
        }
        /// This object's kept keys are `keys[keyBase...]` (nested objects push and pop above them).
        let keyBase = keys.count
        /// Built once an object is big enough that a linear duplicate scan would cost.
        var index = KeyIndex.none
        while true {
            guard i < end, buf[i] == UInt8(ascii: "\"") else { throw badKey() }
            let keyMark = mark()
            let (keyLine, keyColumn) = position(keyMark)
            let k = entries.count
            let decodedCount = decoded.count
            try appendString(keyMark, line: keyLine, column: keyColumn)
            skipWhitespace()
            guard i < end, buf[i] == UInt8(ascii: ":") else { throw missingColon(after: entryString(k)) }
            i += 1
            skipWhitespace()
            path.append(.key(at: keyMark.offset))
            if i < end, buf[i] == UInt8(ascii: "}") || buf[i] == UInt8(ascii: ",") {
                throw fail(
                    mark(), "missing value for key '\(display(entryString(k)))'", hint: "write a value after the ':'")
            }
            try parseValue()
            path.removeLast()

            if let first = existingKey(k, from: keyBase, index: &index) {
                let key = entryString(k)
                let firstKey = entries[first]
                duplicates.append(
                    Diagnostic(
                        .duplicateKey, SourceLocation(file: file, line: Int(keyLine), column: Int(keyColumn)),
                        pointer: pointer(appending: key), "duplicate \(duplicateNoun()) '\(display(key))' in this \(containerNoun())",
                        hint: "first defined at line \(firstKey.line), column \(firstKey.column)"
                            + (duplicateNoun() == "key" ? "" : "; give each its own name")))
                // Only the first is kept: drop this member's entries.
                entries.removeSubrange(k...)
                decoded.removeSubrange(decodedCount...)
            } else {
                keys.append(k)
                indexKey(k, from: keyBase, index: &index)
            }

            skipWhitespace()
            guard i < end else { throw truncated() }
            if buf[i] == UInt8(ascii: ",") {
                let comma = mark()
                i += 1
                skipWhitespace()
                if i < end, buf[i] == UInt8(ascii: "}") {
                    throw fail(comma, "trailing comma before '}'", hint: "remove the comma after the last member")
                }
            } else if buf[i] == UInt8(ascii: "}") {
                i += 1
                break
            } else {
                throw afterMember()
            }
        }
        entries[me].a = keys.count - keyBase
        entries[me].b = entries.count
        keys.removeSubrange(keyBase...)
        openers.removeLast()
    }

    /// How an object finds an earlier member with the same key: a linear scan while it is small,
    /// then a table of key bytes, or of key strings once a key is not plain ASCII.
    ///
    /// Not a `WordTable`, the table for fixed vocabularies: these keys are not known in advance but added
    /// one by one as the object is read (the table grows, and is dropped when the object closes), and a
    /// key is a range of the input buffer, compared in place, so no `String` is made for a plain key.
    private enum KeyIndex {
        case none
        /// Open addressing on a hash of the key bytes: key entry indices, -1 for empty slots.
        case bytes([Int])
        /// For objects with keys that need `String` equality (escapes or non-ASCII text).
        case strings([String: Int])
    }

    /// The kept key of this object (`keys[base...]`) equal to key entry `k`, by `String` equality.
    private mutating func existingKey(_ k: Int, from base: Int, index: inout KeyIndex) -> Int? {
        switch index {
        case .none:
            for other in keys[base...] where sameKey(other, k) { return other }
            return nil
        case .bytes(let slots):
            guard entries[k].flags == 0 else {
                // A key that needs `String` equality: switch to a table of strings.
                index = stringIndex(from: base)
                return existingKey(k, from: base, index: &index)
            }
            let mask = slots.count - 1
            var s = keyHash(k) & mask
            while slots[s] >= 0 {
                if sameBytes(slots[s], k) { return slots[s] }
                s = (s + 1) & mask
            }
            return nil
        case .strings(let table):
            return table[entryString(k)]
        }
    }

    /// Records the newly kept key `k` (already appended to `keys[base...]`).
    private mutating func indexKey(_ k: Int, from base: Int, index: inout KeyIndex) {
        switch index {
        case .none:
            let kept = keys.count - base
            guard kept >= 12 else { return }
            var slots = [Int](repeating: -1, count: 64)
            for key in keys[base...] {
                guard entries[key].flags == 0 else {
                    index = stringIndex(from: base)
                    return
                }
                place(key, in: &slots)
            }
            index = .bytes(slots)
        case .bytes(var slots):
            guard entries[k].flags == 0 else {
                index = stringIndex(from: base)
                return
            }
            index = .none
            if slots.count < (keys.count - base) * 2 {
                var bigger = [Int](repeating: -1, count: slots.count * 4)
                for old in slots where old >= 0 { place(old, in: &bigger) }
                slots = bigger
            }
            place(k, in: &slots)
            index = .bytes(slots)
        case .strings(var table):
            index = .none
            table[entryString(k)] = k
            index = .strings(table)
        }
    }

    /// A table of this object's kept keys (`keys[base...]`) by their text.
    private mutating func stringIndex(from base: Int) -> KeyIndex {
        var table = [String: Int](minimumCapacity: (keys.count - base) * 2)
        for key in keys[base...] where table[entryString(key)] == nil { table[entryString(key)] = key }
        return .strings(table)
    }

    /// Puts plain key entry `k` in an open-addressing table of key entries.
    private mutating func place(_ k: Int, in slots: inout [Int]) {
        let mask = slots.count - 1
        var s = keyHash(k) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = k
    }

    /// `String` equality of two key entries; plain ASCII keys compare their bytes.
    private func sameKey(_ x: Int, _ y: Int) -> Bool {
        if entries[x].flags == 0, entries[y].flags == 0 { return sameBytes(x, y) }
        return entryString(x) == entryString(y)
    }

    /// True when plain key entries `x` and `y` have the same bytes.
    private func sameBytes(_ x: Int, _ y: Int) -> Bool {
        let ex = entries[x]
        let ey = entries[y]
        let n = ex.b - ex.a
        guard ey.b - ey.a == n else { return false }
        var p = 0
        while p < n, buf[ex.a + p] == buf[ey.a + p] { p += 1 }
        return p == n
    }

    /// FNV-1a of a plain key entry's bytes.
    private func keyHash(_ k: Int) -> Int {
        let e = entries[k]
        var h = FNV1a.basis
        for p in e.a..<e.b { h = FNV1a.adding(UInt64(buf[p]), to: h) }
        return Int(truncatingIfNeeded: h ^ h >> 29)
    }

    /// The text of string or key entry `k`.
    private func entryString(_ k: Int) -> String {
        let e = entries[k]
        if e.flags & JSONTree.escaped != 0 { return decoded[e.a] }
        return String(decoding: bytes(e.a, e.b), as: UTF8.self)
    }

    private mutating func parseArray(_ open: Mark, line: Int32, column: Int32) throws(JSONParseStop) {
        try enterContainer(open)
        i += 1
        let me = entries.count
        append(0, 0, line, column, .array)
        skipWhitespace()
        if i < end, buf[i] == UInt8(ascii: "]") {
            i += 1
            openers.removeLast()
            entries[me].b = entries.count
            return
        }
        var count = 0
        path.append(.index(0))
        while true {
            path[path.count - 1] = .index(count)
            try parseValue()
            count += 1
            skipWhitespace()
            guard i < end else {
                path.removeLast()
                throw truncated()
            }
            if buf[i] == UInt8(ascii: ",") {
                let comma = mark()
                i += 1
                skipWhitespace()
                if i < end, buf[i] == UInt8(ascii: "]") {
                    path.removeLast()
                    throw fail(comma, "trailing comma before ']'", hint: "remove the comma after the last element")
                }
            } else if buf[i] == UInt8(ascii: "]") {
                i += 1
                break
            } else {
                path.removeLast()
                throw afterElement()
            }
        }
        path.removeLast()
        openers.removeLast()
        entries[me].a = count
        entries[me].b = entries.count
    }

    private mutating func enterContainer(_ open: Mark) throws(JSONParseStop) {
        guard openers.count < maxDepth else {
            throw JSONParseStop(
                diagnostic: Diagnostic(
                    .limitExceeded, locationWithoutCache(open), pointer: pointer(), "nesting deeper than \(maxDepth) levels",
                    hint: "dialog files need only a few levels; look for brackets that are never closed"))
        }
        openers.append(Opener(mark: open, bracket: buf[open.offset], depth: path.count))
    }

    // MARK: - Strings

    /// Scans the string whose opening quote is at `i` (and at `start`): the range of its bytes
    /// between the quotes, and its flags. If it has escapes, its text is left in `scratch`.
    private mutating func scanString(_ start: Mark) throws(JSONParseStop) -> (from: Int, to: Int, flags: UInt8) {
        i += 1
        let from = i
        var run = i
        var escaped = false
        var flags: UInt8 = 0
        let raw = UnsafeRawBufferPointer(buf)
        while i < end {
            // Eight plain bytes at a time: none is a quote, a backslash, a control character or non-ASCII.
            while end - i >= 8 {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let quote = w ^ 0x2222_2222_2222_2222
                let backslash = w ^ 0x5C5C_5C5C_5C5C_5C5C
                let high: UInt64 = 0x8080_8080_8080_8080
                let low: UInt64 = 0x0101_0101_0101_0101
                // A byte is zero (or below 0x20) where (x - low*k) borrows into its top bit while x's top bit is clear.
                let special =
                    ((quote &- low) & ~quote) | ((backslash &- low) & ~backslash) | ((w &- 0x2020_2020_2020_2020) & ~w) | w
                let found = special & high
                if found != 0 {
                    // The lowest flagged byte is a real one (borrows only run upward): go straight to it.
                    i += found.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            guard i < end else { break }
            let b = buf[i]
            if b >= 0x20, b < 0x80, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") {
                i += 1
            } else if b == UInt8(ascii: "\"") {
                if escaped {
                    scratch.append(contentsOf: bytes(run, i))
                    flags = JSONTree.escaped
                    if scratch.contains(where: { $0 >= 0x80 }) { flags |= JSONTree.nonASCII }
                }
                i += 1
                return (from, i - 1, flags)
            } else if b == UInt8(ascii: "\\") {
                if !escaped {
                    scratch.removeAll(keepingCapacity: true)
                    escaped = true
                }
                scratch.append(contentsOf: bytes(run, i))
                try parseEscape(inStringAt: start)
                run = i
            } else if b >= 0x80 {
                let n = utf8SequenceLength(at: i)
                guard n > 0 else { throw invalidUTF8() }
                flags = JSONTree.nonASCII
                lineIsASCII = false
                i += n
            } else {
                throw controlCharacterInString()
            }
        }
        throw truncatedString(start)
    }

    /// Parses the string whose opening quote is at `i` (and at `start`).
    private mutating func parseString(_ start: Mark) throws(JSONParseStop) -> String {
        let (from, to, flags) = try scanString(start)
        if flags & JSONTree.escaped != 0 { return String(decoding: scratch, as: UTF8.self) }
        return String(decoding: bytes(from, to), as: UTF8.self)
    }

    /// Parses the escape at `i` (a backslash) and appends what it stands for to `scratch`.
    private mutating func parseEscape(inStringAt start: Mark) throws(JSONParseStop) {
        let escape = mark()
        guard i + 1 < end else { throw truncatedString(start) }
        let c = buf[i + 1]
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(c)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hex4(escape: escape, inStringAt: start)
            i += 6
            if unit >= 0xD800, unit <= 0xDBFF {
                guard i < end, !(buf[i] == UInt8(ascii: "\\") && i + 1 >= end) else { throw truncatedString(start) }
                let lowEscape = mark()
                guard buf[i] == UInt8(ascii: "\\"), buf[i + 1] == UInt8(ascii: "u") else {
                    throw unpairedHighSurrogate(escape, unit)
                }
                let low = try hex4(escape: lowEscape, inStringAt: start)
                guard low >= 0xDC00, low <= 0xDFFF else { throw unpairedHighSurrogate(escape, unit) }
                i += 6
                appendScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            } else if unit >= 0xDC00, unit <= 0xDFFF {
                throw fail(
                    escape, "unpaired low surrogate '\\u\(hex(unit, width: 4))' in string",
                    hint: "a low surrogate (\\uDC00–\\uDFFF) must follow a high surrogate (\\uD800–\\uDBFF)")
            } else {
                appendScalar(unit)
            }
            return
        default:
            let shown: String
            if c >= 0x21, c <= 0x7E {
                shown = "'\\\(String(UnicodeScalar(c)))'"
            } else {
                shown = "'\\' followed by \(describe(at: i + 1))"
            }
            throw fail(
                escape, "invalid escape \(shown) in string",
                hint: c == UInt8(ascii: "'")
                    ? "a single quote needs no escape inside a JSON string"
                    : "the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\")
        }
        i += 2
    }

    /// Reads the four hex digits of the `\u` escape at `escape`.
    private func hex4(escape: Mark, inStringAt start: Mark) throws(JSONParseStop) -> UInt32 {
        var unit: UInt32 = 0
        for k in 0..<4 {
            let p = escape.offset + 2 + k
            guard p < end else { throw truncatedString(start) }
            guard let digit = hexValue(buf[p]) else {
                var shown = "\\u"
                var q = escape.offset + 2
                while q < end, q < escape.offset + 6, buf[q] >= 0x21, buf[q] <= 0x7E, buf[q] != UInt8(ascii: "\"") {
                    shown.unicodeScalars.append(UnicodeScalar(buf[q]))
                    q += 1
                }
                throw fail(
                    escape, "invalid unicode escape '\(shown)' in string",
                    hint: "\\u must be followed by exactly four hex digits, as in \\u00e9")
            }
            unit = unit << 4 | digit
        }
        return unit
    }

    private func unpairedHighSurrogate(_ escape: Mark, _ unit: UInt32) -> JSONParseStop {
        fail(
            escape, "unpaired high surrogate '\\u\(hex(unit, width: 4))' in string",
            hint: "a high surrogate (\\uD800–\\uDBFF) must be followed by a low surrogate escape (\\uDC00–\\uDFFF)")
    }

    private mutating func appendScalar(_ v: UInt32) {
        if v < 0x80 {
            scratch.append(UInt8(v))
        } else if v < 0x800 {
            scratch.append(UInt8(0xC0 | v >> 6))
            scratch.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            scratch.append(UInt8(0xE0 | v >> 12))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        } else {
            scratch.append(UInt8(0xF0 | v >> 18 & 0x07))
            scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    // MARK: - Numbers

    /// Parses the number at `i` (a `-` or a digit).
    private mutating func parseNumber() throws(JSONParseStop) -> Double {
        let start = i
        var p = i
        let negative = buf[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        guard p < end, isDigit(buf[p]) else {
            if p < end, isWordStart(buf[p]), isNonFiniteWord(word(from: p)) { throw nonFiniteNumber() }
            throw fail(
                mark(), "invalid number '\(numberToken(from: start))': '-' must be followed by a digit", hint: "write a digit after '-', like -1")
        }
        var mantissa: UInt64 = 0
        var mantissaDigits = 0
        var exact = true
        var exponent = 0

        if buf[p] == UInt8(ascii: "0") {
            p += 1
            if p < end, isDigit(buf[p]) {
                throw fail(
                    mark(at: p - 1), "number '\(numberToken(from: start))' has a leading zero",
                    hint: "remove the leading zero, or write a code like \"0123\" as a string")
            }
        } else {
            while p < end, isDigit(buf[p]) {
                accumulate(buf[p], &mantissa, &mantissaDigits, &exact)
                p += 1
            }
        }
        if p < end, buf[p] == UInt8(ascii: ".") {
            let dot = p
            p += 1
            guard p < end, isDigit(buf[p]) else {
                let whole = String(decoding: bytes(start, dot), as: UTF8.self)
                throw fail(
                    mark(at: dot), "number '\(numberToken(from: start))' needs a digit after the decimal point",
                    hint: "write \(whole) or \(whole).0")
            }
            while p < end, isDigit(buf[p]) {
                accumulate(buf[p], &mantissa, &mantissaDigits, &exact)
                exponent -= 1
                p += 1
            }
        }
        if p < end, buf[p] == UInt8(ascii: "e") || buf[p] == UInt8(ascii: "E") {
            let e = p
            p += 1
            var negativeExponent = false
            if p < end, buf[p] == UInt8(ascii: "+") || buf[p] == UInt8(ascii: "-") {
                negativeExponent = buf[p] == UInt8(ascii: "-")
                p += 1
            }
            guard p < end, isDigit(buf[p]) else {
                throw fail(
                    mark(at: e), "number '\(numberToken(from: start))' needs digits in its exponent",
                    hint: "write the exponent as digits, as in 1e5 or 2.5E-3")
            }
            var value = 0
            while p < end, isDigit(buf[p]) {
                if value < 1_000_000 { value = value * 10 + Int(buf[p] &- UInt8(ascii: "0")) }
                p += 1
            }
            exponent += negativeExponent ? -value : value
        }
        if p < end, isNumberJunk(buf[p]) {
            throw fail(
                mark(at: p), "invalid number '\(numberToken(from: start))'",
                hint: "a JSON number is decimal digits with an optional '-', fraction and exponent, like -12.5e3")
        }
        i = p

        if exact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            // Exact operands and one correctly rounded operation: the same result as a full parse.
            var value = Double(mantissa)
            let scale = JSONByteParser.powersOfTen[exponent < 0 ? -exponent : exponent]
            value = exponent < 0 ? value / scale : value * scale
            return negative ? -value : value
        }
        let text = String(decoding: bytes(start, p), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw fail(
                mark(at: start), "number '\(numberToken(from: start))' is too large",
                hint: "numbers must be within ±1.7976931348623157e308")
        }
        return value
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private func accumulate(_ digit: UInt8, _ mantissa: inout UInt64, _ count: inout Int, _ exact: inout Bool) {
        if count < 19 {
            mantissa = mantissa &* 10 &+ UInt64(digit &- UInt8(ascii: "0"))
            count += 1
        } else {
            exact = false
        }
    }

    /// `NaN`, `Infinity` and `-Infinity` (any case), which some encoders write and JSON does not allow.
    private func nonFiniteNumber() -> JSONParseStop {
        fail(
            mark(), "'\(numberToken(from: i))' is not a valid JSON number",
            hint: "JSON numbers must be finite; use null or a string instead")
    }

    private func isNonFiniteWord(_ word: String) -> Bool {
        ["nan", "inf", "infinity"].contains(word.lowercased())
    }

    /// The number-like characters from `start`, for messages.
    private func numberToken(from start: Int) -> String {
        var p = start
        while p < end, p - start < 40,
            isNumberJunk(buf[p]) || buf[p] == UInt8(ascii: "+") || buf[p] == UInt8(ascii: "-")
        {
            p += 1
        }
        let token = String(decoding: bytes(start, p), as: UTF8.self)
        return p < end && p - start >= 40 && isNumberJunk(buf[p]) ? token + "…" : token
    }

    /// What a key of the object being parsed names: top-level `nodes`, `slots` and `documents` hold ids.
    private func duplicateNoun() -> String {
        guard path.count == 1, case .key(let at) = path[0] else { return "key" }
        switch key(at: at) {
        case "nodes": return "node id"
        case "slots": return "slot name"
        case "documents": return "document id"
        default: return "key"
        }
    }

    private func containerNoun() -> String { duplicateNoun() == "key" ? "object" : "dialog" }

    // MARK: - Errors at the current position

    private func fail(_ at: Mark, _ message: String, hint: String?) -> JSONParseStop {
        JSONParseStop(
            diagnostic: Diagnostic(.malformedJSON, locationWithoutCache(at), pointer: pointer(), message, hint: hint))
    }

    /// Problems that read the same wherever they occur: end of file, comments, bad UTF-8, stray characters.
    private func commonProblem() -> JSONParseStop? {
        guard i < end else { return truncated() }
        let b = buf[i]
        if b == UInt8(ascii: "/") {
            return fail(mark(), "unexpected '/'", hint: "a comment starts with '//' (to the end of the line) or '/*' (to '*/')")
        }
        if b >= 0x80 {
            let n = utf8SequenceLength(at: i)
            guard n > 0 else { return invalidUTF8() }
            let scalar = decodeScalar(at: i, length: n)
            switch scalar {
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2018, 0x2019, 0x00AB, 0x00BB:
                return fail(
                    mark(), "typographic quote \(describe(at: i)) instead of '\"'",
                    hint: "JSON strings use straight double quotes (\"); turn off smart quotes in your editor")
            case 0xFEFF:
                return fail(
                    mark(), "unexpected byte order mark (U+FEFF)",
                    hint: "a byte order mark is allowed only at the very start of the file")
            default:
                if let s = UnicodeScalar(scalar), s.properties.isWhitespace {
                    return fail(
                        mark(), "unexpected space character U+\(hex(scalar, width: 4))",
                        hint: "only spaces, tabs and line breaks may separate JSON values")
                }
                return fail(mark(), "unexpected character \(describe(at: i)) (U+\(hex(scalar, width: 4)))",
                    hint: "a JSON value is an object, a list, a string in double quotes, a number, true, false or null")
            }
        }
        if b < 0x20 {
            return fail(
                mark(), "unexpected control character U+\(hex(UInt32(b), width: 4))",
                hint: b == 0 ? "is the file UTF-16? save it as UTF-8" : nil)
        }
        return nil
    }

    private func truncated() -> JSONParseStop {
        if let open = unterminatedComment { return unterminated(open) }
        let n = openers.count
        var message = "unexpected end of file"
        if n > 0 { message += ": \(n) open bracket\(n == 1 ? "" : "s") not closed" }
        return JSONParseStop(
            diagnostic: Diagnostic(
                .malformedJSON, locationWithoutCache(endMark()), pointer: pointer(depth: openers.last?.depth ?? 0),
                message, hint: innermostOpenerHint()))
    }

    private func truncatedString(_ start: Mark) -> JSONParseStop {
        let n = openers.count
        var message = "unexpected end of file in a string"
        if n > 0 { message += "; \(n) open bracket\(n == 1 ? "" : "s") not closed" }
        let opened = locationWithoutCache(start)
        return JSONParseStop(
            diagnostic: Diagnostic(
                .malformedJSON, locationWithoutCache(endMark()), pointer: pointer(), message,
                hint: "the string starting at line \(opened.line), column \(opened.column) has no closing '\"'"))
    }

    private func innermostOpenerHint() -> String? {
        guard let last = openers.last else { return nil }
        let at = locationWithoutCache(last.mark)
        let closer = last.bracket == UInt8(ascii: "{") ? "}" : "]"
        return
            "'\(String(UnicodeScalar(last.bracket)))' opened at line \(at.line), column \(at.column) has no matching '\(closer)'"
    }

    private func invalidUTF8() -> JSONParseStop {
        var shown: [String] = []
        var p = i
        let n = utf8SpanForMessage(at: i)
        while p < end, p < i + n {
            shown.append("0x" + hex(UInt32(buf[p]), width: 2))
            p += 1
        }
        let utf16 =
            i < 2 && end >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF))
        return fail(
            mark(), "invalid UTF-8 at byte offset \(i) (\(shown.joined(separator: " ")))",
            hint: utf16 ? "the file looks like UTF-16; save it as UTF-8" : "save the file as UTF-8")
    }

    private func controlCharacterInString() -> JSONParseStop {
        let b = buf[i]
        switch b {
        case 0x0A, 0x0D:
            return fail(
                mark(), "line break in string",
                hint: "close the string with '\"' before the end of the line, or write \\n for a line break")
        case 0x09:
            return fail(mark(), "tab character in string", hint: "write a tab as \\t")
        default:
            let code = hex(UInt32(b), width: 4)
            return fail(mark(), "control character U+\(code) in string", hint: "write it as \\u\(code)")
        }
    }

    private func unexpectedValue() -> JSONParseStop {
        if let problem = commonProblem() { return problem }
        let b = buf[i]
        let valueHint = "a value is a string, number, object, array, true, false or null"
        switch b {
        case UInt8(ascii: "'"):
            return fail(mark(), "single-quoted string", hint: "JSON strings use double quotes")
        case UInt8(ascii: "+"):
            if i + 1 < end, isWordStart(buf[i + 1]), isNonFiniteWord(word(from: i + 1)) { return nonFiniteNumber() }
            if i + 1 < end, isDigit(buf[i + 1]) {
                let token = numberToken(from: i)
                return fail(
                    mark(), "number '\(token)' cannot start with '+'", hint: "write \(token.dropFirst())")
            }
        case UInt8(ascii: "."):
            if i + 1 < end, isDigit(buf[i + 1]) {
                let token = numberToken(from: i)
                return fail(mark(), "number '\(token)' must start with a digit", hint: "write 0\(token)")
            }
        case UInt8(ascii: ","):
            return fail(mark(), "expected a value, found ','", hint: "remove the extra comma, or put a value before it")
        default:
            if isWordStart(b) { return badWord() }
        }
        return fail(mark(), "expected a value, found \(describe(at: i))", hint: valueHint)
    }

    /// A bare word where a value should be: a mistyped literal, `NaN`, or an unquoted string.
    private func badWord() -> JSONParseStop {
        let text = word(from: i)
        let lower = text.lowercased()
        if isNonFiniteWord(text) { return nonFiniteNumber() }
        if ["none", "nil", "undefined"].contains(lower) {
            return fail(mark(), "invalid literal '\(display(text))'", hint: "JSON writes an empty value as null")
        }
        for literal in ["true", "false", "null"] {
            if lower == literal {
                return fail(
                    mark(), "invalid literal '\(display(text))'", hint: "JSON literals are lowercase: \(literal)")
            }
            if Suggestion.editDistance(Array(lower.utf8), Array(literal.utf8)) == 1 {
                return fail(mark(), "invalid literal '\(display(text))'", hint: "did you mean '\(literal)'?")
            }
        }
        return fail(
            mark(), "unquoted string '\(display(text))'", hint: "JSON strings use double quotes: \"\(display(text))\"")
    }

    private func badKey() -> JSONParseStop {
        if let problem = commonProblem() { return problem }
        let b = buf[i]
        if b == UInt8(ascii: "'") {
            return fail(mark(), "single-quoted key", hint: "JSON strings use double quotes")
        }
        if isWordByte(b) {
            let text = word(from: i, extra: [UInt8(ascii: "-"), UInt8(ascii: ".")])
            return fail(
                mark(), "unquoted key '\(display(text))'",
                hint: "JSON keys are strings in double quotes: \"\(display(text))\"")
        }
        if b == UInt8(ascii: ",") {
            return fail(mark(), "expected a key in double quotes, found ','", hint: "remove the extra comma")
        }
        return fail(mark(), "expected a key in double quotes, found \(describe(at: i))", hint: "keys are strings in double quotes, like \"say\"")
    }

    private func missingColon(after key: String) -> JSONParseStop {
        if let problem = commonProblem() { return problem }
        let hint = "write \"\(display(key))\": value"
        if buf[i] == UInt8(ascii: "=") {
            return fail(mark(), "expected ':' after key '\(display(key))', found '='", hint: hint)
        }
        return fail(mark(), "missing ':' after key '\(display(key))'", hint: hint)
    }

    private func afterMember() -> JSONParseStop {
        if let problem = commonProblem() { return problem }
        let b = buf[i]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || isWordByte(b) {
            return fail(mark(), "missing comma between object members", hint: "add ',' after the previous member")
        }
        if b == UInt8(ascii: "]"), let open = openers.last {
            let at = locationWithoutCache(open.mark)
            return fail(
                mark(), "expected ',' or '}' after the member, found ']'",
                hint: "the object opened at line \(at.line), column \(at.column) must end with '}'")
        }
        return fail(mark(), "expected ',' or '}' after the member, found \(describe(at: i))", hint: "put ',' between members and '}' after the last")
    }

    private func afterElement() -> JSONParseStop {
        if let problem = commonProblem() { return problem }
        let b = buf[i]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "{") || b == UInt8(ascii: "[")
            || b == UInt8(ascii: "-") || isWordByte(b)
        {
            return fail(mark(), "missing comma between array elements", hint: "add ',' after the previous element")
        }
        if b == UInt8(ascii: "}"), let open = openers.last {
            let at = locationWithoutCache(open.mark)
            return fail(
                mark(), "expected ',' or ']' after the element, found '}'",
                hint: "the array opened at line \(at.line), column \(at.column) must end with ']'")
        }
        if b == UInt8(ascii: ":") {
            return fail(
                mark(), "expected ',' or ']' after the element, found ':'",
                hint: "key-value pairs belong in an object: { \"key\": value }")
        }
        return fail(mark(), "expected ',' or ']' after the element, found \(describe(at: i))", hint: "put ',' between elements and ']' after the last")
    }

    private func garbageAfterRoot(_ last: Mark) -> JSONParseStop {
        if let problem = commonProblem() { return problem }
        let at = locationWithoutCache(last)
        let b = buf[i]
        let ended = "the top-level value ends at line \(at.line), column \(at.column)"
        let hint =
            b == UInt8(ascii: "}") || b == UInt8(ascii: "]")
            ? "\(ended); is this an extra closing bracket?"
            : "\(ended); a file holds exactly one JSON value"
        return fail(mark(), "unexpected \(describe(at: i)) after the top-level value", hint: hint)
    }

    // MARK: - Bytes

    /// The start of a `/*` comment that has no `*/`: the parse stops there at the end of the file.
    private var unterminatedComment: Mark?

    private func unterminated(_ open: Mark) -> JSONParseStop {
        fail(open, "unterminated comment: '/*' has no '*/'", hint: "close the comment with '*/', or start each comment line with '//'")
    }

    /// Skips a `//` or `/*` comment at `i`, keeping lines and `lineIsASCII` right; false when `i` starts none.
    private mutating func skipComment() -> Bool {
        guard i + 1 < end, buf[i] == UInt8(ascii: "/") else { return false }
        if buf[i + 1] == UInt8(ascii: "/") {
            i += 2
            while i < end, buf[i] != 0x0A, buf[i] != 0x0D {
                if buf[i] >= 0x80 { lineIsASCII = false }
                i += 1
            }
            return true
        }
        guard buf[i + 1] == UInt8(ascii: "*") else { return false }
        let open = mark()
        i += 2
        while i < end {
            let b = buf[i]
            if b == UInt8(ascii: "*"), i + 1 < end, buf[i + 1] == UInt8(ascii: "/") {
                i += 2
                return true
            }
            i += 1
            if b == 0x0A || (b == 0x0D && !(i < end && buf[i] == 0x0A)) {
                line += 1
                lineStart = i
                lineIsASCII = true
            } else if b >= 0x80 {
                lineIsASCII = false
            }
        }
        unterminatedComment = open
        return true
    }

    private mutating func skipWhitespace() {
        let raw = UnsafeRawBufferPointer(buf)
        while i < end {
            let b = buf[i]
            if b > 0x20 {
                if b == UInt8(ascii: "/"), skipComment() { continue }
                return
            }
            if b == 0x20 {
                // Indentation comes in runs: step to the first byte that is not a space, up to eight at a time.
                if end - i >= 8 {
                    let other = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x2020_2020_2020_2020
                    i += other == 0 ? 8 : other.trailingZeroBitCount >> 3
                } else {
                    i += 1
                }
            } else if b == 0x0A {
                i += 1
                line += 1
                lineStart = i
                lineIsASCII = true
            } else if b == 0x09 {
                i += 1
            } else if b == 0x0D {
                i += 1
                if i < end, buf[i] == 0x0A { i += 1 }
                line += 1
                lineStart = i
                lineIsASCII = true
            } else {
                return
            }
        }
    }

    private func matchesLiteral(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard end - i >= n else { return false }
        let p = literal.utf8Start
        for k in 0..<n where buf[i + k] != p[k] { return false }
        return i + n == end || !isWordByte(buf[i + n])
    }

    private func bytes(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buf[from..<to])
    }

    /// The ASCII word (letters, digits, `_`, `$`, and `extra`) starting at `p`.
    private func word(from p: Int, extra: [UInt8] = []) -> String {
        var q = p
        while q < end, isWordByte(buf[q]) || extra.contains(buf[q]) { q += 1 }
        return String(decoding: bytes(p, q), as: UTF8.self)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private func isWordStart(_ b: UInt8) -> Bool {
        (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "$")
    }

    private func isWordByte(_ b: UInt8) -> Bool { isWordStart(b) || isDigit(b) }

    /// Characters that cannot directly follow a number.
    private func isNumberJunk(_ b: UInt8) -> Bool { isWordByte(b) || b == UInt8(ascii: ".") }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b &- UInt8(ascii: "A") &+ 10)
        default: return nil
        }
    }

    /// For a UTF-8 lead byte: the sequence length, and the allowed range of the second byte
    /// (narrowed to reject overlong forms, surrogates and values past U+10FFFF); length 0 if it cannot lead.
    private func utf8Lead(_ b0: UInt8) -> (length: Int, low: UInt8, high: UInt8) {
        switch b0 {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return (0, 0, 0)
        }
    }

    /// The length of the well-formed UTF-8 sequence at `p` (1–4), or 0 if it is ill-formed or cut off.
    private func utf8SequenceLength(at p: Int) -> Int {
        let b0 = buf[p]
        if b0 < 0x80 { return 1 }
        let lead = utf8Lead(b0)
        let n = lead.length
        guard n > 0, end - p >= n else { return 0 }
        let b1 = buf[p + 1]
        guard b1 >= lead.low, b1 <= lead.high else { return 0 }
        for k in 2..<n where buf[p + k] & 0xC0 != 0x80 { return 0 }
        return n
    }

    /// How many bytes of the ill-formed sequence at `p` to show: up to and including the first bad one.
    private func utf8SpanForMessage(at p: Int) -> Int {
        let lead = utf8Lead(buf[p])
        guard lead.length > 0 else { return 1 }
        for k in 1..<lead.length {
            guard p + k < end else { return k }
            let b = buf[p + k]
            let ok = k == 1 ? (b >= lead.low && b <= lead.high) : (b & 0xC0 == 0x80)
            if !ok { return k + 1 }
        }
        return lead.length
    }

    private func decodeScalar(at p: Int, length n: Int) -> UInt32 {
        var v = UInt32(buf[p]) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
        for k in 1..<n { v = v << 6 | UInt32(buf[p + k] & 0x3F) }
        return v
    }

    /// A character for messages: `'x'`, `'é'`, `control character U+0001`, or `byte 0xFF`.
    private func describe(at p: Int) -> String {
        guard p < end else { return "end of file" }
        let b = buf[p]
        if b >= 0x21, b <= 0x7E { return "'\(String(UnicodeScalar(b)))'" }
        if b < 0x80 { return "control character U+\(hex(UInt32(b), width: 4))" }
        let n = utf8SequenceLength(at: p)
        guard n > 0, let scalar = UnicodeScalar(decodeScalar(at: p, length: n)) else {
            return "byte 0x\(hex(UInt32(b), width: 2))"
        }
        return "'\(String(scalar))'"
    }

    private func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A key or word shortened for messages.
    private func display(_ s: String) -> String {
        s.unicodeScalars.count <= 40 ? s : String(s.unicodeScalars.prefix(40)) + "…"
    }

    // MARK: - Locations and pointers

    private func mark() -> Mark { Mark(offset: i, line: line, lineStart: lineStart) }

    /// A position on the current line.
    private func mark(at offset: Int) -> Mark { Mark(offset: offset, line: line, lineStart: lineStart) }

    private func endMark() -> Mark { Mark(offset: end, line: line, lineStart: lineStart) }

    /// The line and column of `m`, counting columns in Unicode scalars from the cached column when it can.
    private mutating func position(_ m: Mark) -> (line: Int32, column: Int32) {
        if lineIsASCII, m.lineStart == lineStart {
            return (Int32(truncatingIfNeeded: m.line), Int32(truncatingIfNeeded: m.offset - m.lineStart + 1))
        }
        var from = m.lineStart
        var column = 1
        if cachedLineStart == m.lineStart, cachedOffset <= m.offset {
            from = cachedOffset
            column = cachedColumn
        }
        column += scalarCount(from, m.offset)
        cachedLineStart = m.lineStart
        cachedOffset = m.offset
        cachedColumn = column
        return (Int32(truncatingIfNeeded: m.line), Int32(truncatingIfNeeded: column))
    }

    /// The location of `m` counted from its line start (for diagnostics, which are rare).
    private func locationWithoutCache(_ m: Mark) -> SourceLocation {
        SourceLocation(file: file, line: m.line, column: 1 + scalarCount(m.lineStart, m.offset))
    }

    /// Unicode scalars that start in `from..<to` (bytes that are not UTF-8 continuation bytes).
    private func scalarCount(_ from: Int, _ to: Int) -> Int {
        var count = 0
        var p = from
        // Eight bytes at a time: a continuation byte (10xxxxxx) has its top bit set and the next one clear.
        let raw = UnsafeRawBufferPointer(buf)
        while to - p >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
            // One bit per continuation byte, moved to each byte's bottom and summed into the top byte.
            count += 8 - Int(truncatingIfNeeded: ((continuations >> 7) &* 0x0101_0101_0101_0101) >> 56)
            p += 8
        }
        while p < to {
            if buf[p] & 0xC0 != 0x80 { count += 1 }
            p += 1
        }
        return count
    }

    /// The RFC 6901 pointer of the value being parsed.
    private func pointer() -> String { pointer(depth: path.count) }

    /// The RFC 6901 pointer made of the first `depth` path components.
    private func pointer(depth: Int) -> String {
        var s = ""
        for component in path.prefix(depth) {
            s += "/"
            switch component {
            case .key(let offset): s += JSONByteParser.escapePointer(key(at: offset))
            case .index(let n): s += String(n)
            }
        }
        return s
    }

    /// The key whose opening quote is at `offset` (already parsed once, so it is well formed).
    private func key(at offset: Int) -> String {
        var copy = self
        copy.i = offset
        return (try? copy.parseString(Mark(offset: offset, line: line, lineStart: lineStart))) ?? ""
    }

    private func pointer(appending key: String) -> String {
        pointer() + "/" + JSONByteParser.escapePointer(key)
    }

    /// Escapes a key for a JSON pointer: `~` as `~0`, `/` as `~1`.
    static func escapePointer(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return key }
        var out = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            switch scalar {
            case "~": out.append(contentsOf: "~0".unicodeScalars)
            case "/": out.append(contentsOf: "~1".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
