/// Makes a typed line safe to keep and echo: ANSI escape sequences and control characters are
/// removed (they must never reach a document or the terminal raw), whitespace is collapsed.
///
/// Escape sequences follow ECMA-48: CSI (`ESC [`, or U+009B with parameters) runs to its final byte;
/// OSC, DCS, SOS, PM and APC strings (`ESC ] P X ^ _`, or their 8-bit forms when terminated) run to
/// BEL or ST; other escapes are `ESC`, intermediates, one final (`ESC c`, Alt+key, `ESC O P`). A
/// malformed sequence ends at the first character that cannot belong to it, and that character is
/// kept as text ("\u{1B}é" keeps the "é").
enum InputCleaner {
    static func clean(_ text: String) -> String {
        if let ascii = cleanASCII(text) { return ascii }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var lastWasSpace = true
        var pending: Unicode.Scalar?
        var run = 0  // scalars joined to the last base character (`maxJoinedScalars`)
        var afterJoiner = false
        var afterLeadingJamo = false
        while let c = pending ?? scalars.next() {
            pending = nil
            if EscapeSequence.introducers.contains(c.value) {
                var values = ScalarValues(base: scalars)
                let kept = EscapeSequence.skip(after: c.value, &values)
                scalars = values.base
                if let kept { pending = Unicode.Scalar(kept) }
                continue
            }
            let isSpace = c == " " || c == "\t" || c == "\n" || c == "\r" || c.properties.isWhitespace
            if isSpace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            // C0/C1 controls, DEL, and bidi overrides that could disguise text.
            if c.value < 0x20 || (0x7F...0x9F).contains(c.value) || (0x202A...0x202E).contains(c.value)
                || (0x2066...0x2069).contains(c.value)
            {
                continue
            }
            let leadingJamo = (0x1100...0x115F).contains(c.value) || (0xA960...0xA97F).contains(c.value)
            if afterJoiner || (leadingJamo ? afterLeadingJamo : joins(c)) {
                run += 1
            } else {
                run = 0
            }
            afterJoiner = c.value == 0x200D
            afterLeadingJamo = leadingJamo
            if run > maxJoinedScalars { continue }
            out.append(c)
            lastWasSpace = false
        }
        var s = String(out)
        if s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// Scalars kept joined to one base character (combining marks, joiner chains, Hangul jamo): more
    /// than any real text uses, few enough that one "character" of a million scalars costs nothing later.
    static let maxJoinedScalars = 16

    /// Whether `c` joins the character before it: a grapheme extender or spacing mark, a zero-width
    /// joiner, or a Hangul vowel or trailing jamo (leading jamo join only one another: the caller checks).
    private static func joins(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x200D, 0x1160...0x11FF, 0xD7B0...0xD7FF: return true
        default: return c.properties.isGraphemeExtend || c.properties.generalCategory == .spacingMark
        }
    }

    /// The same cleaning over bytes, for all-ASCII text (nearly every typed line); nil otherwise.
    /// A line that needs no change is returned as it is, without copying.
    private static func cleanASCII(_ text: String) -> String? {
        var text = text
        // One pass over the bytes in place: nil for non-ASCII, else whether anything must change.
        let scan = text.withUTF8 { bytes -> (ascii: Bool, needsWork: Bool) in
            var needsWork = false
            var previous = UInt8(ascii: " ")
            for byte in bytes {
                guard byte < 0x80 else { return (false, false) }
                if byte < 0x20 || byte == 0x7F || (byte == UInt8(ascii: " ") && previous == UInt8(ascii: " ")) { needsWork = true }
                previous = byte
            }
            return (true, needsWork || previous == UInt8(ascii: " "))
        }
        guard scan.ascii else { return nil }
        guard scan.needsWork else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        var lastWasSpace = true
        var pending: UInt8?
        while let c = pending ?? bytes.next() {
            pending = nil
            if c == 0x1B {
                var values = ByteValues(base: bytes)
                let kept = EscapeSequence.skip(after: 0x1B, &values)
                bytes = values.base
                pending = kept.map(UInt8.init)
                continue
            }
            // ASCII White_Space: tab, line feed, vertical tab, form feed, carriage return, space.
            if c == UInt8(ascii: " ") || (0x09...0x0D).contains(c) {
                if !lastWasSpace { out.append(UInt8(ascii: " ")) }
                lastWasSpace = true
                continue
            }
            if c < 0x20 || c == 0x7F { continue }
            out.append(c)
            lastWasSpace = false
        }
        if out.last == UInt8(ascii: " ") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The ECMA-48 escape sequence grammar, over scalar values (bytes are scalar values below 0x80).
enum EscapeSequence {
    /// ESC and the 8-bit introducers: DCS, SOS, CSI, OSC, PM, APC.
    static let introducers: Set<UInt32> = [0x1B, 0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F]

    /// Consumes the rest of the sequence begun by `introducer`. Returns a value that turned out not
    /// to belong to it (to be handled as ordinary input), or nil when everything read was the sequence.
    static func skip<Values: IteratorProtocol<UInt32>>(after introducer: UInt32, _ values: inout Values) -> UInt32? {
        // The 8-bit forms are rare in typed text and easily stray ("\u{9B}yes"), so each is taken as
        // a sequence only when it has the shape of one: a CSI with parameters, a string with its end.
        // Otherwise only the introducer itself is dropped, like any other C1 control.
        switch introducer {
        case 0x9B:
            let saved = values
            if let first = values.next(), (0x20...0x3F).contains(first) { return skipControlSequence(&values) }
            values = saved
            return nil
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            let saved = values
            if !skipString(&values) { values = saved }
            return nil
        default: break
        }
        guard let next = values.next() else { return nil }
        switch next {
        case 0x5B: return skipControlSequence(&values)  // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // ] P X ^ _
            _ = skipString(&values)
            return nil
        case 0x4E, 0x4F:  // SS2, SS3 (function keys: ESC O P): one more character
            guard let shifted = values.next() else { return nil }
            return (0x20...0x7E).contains(shifted) ? nil : shifted
        case 0x20...0x2F:  // intermediates, then one final
            while let more = values.next() {
                if (0x20...0x2F).contains(more) { continue }
                return (0x30...0x7E).contains(more) ? nil : more
            }
            return nil
        case 0x30...0x7E: return nil  // a two-character escape (also Alt+key)
        default: return next  // a lone ESC
        }
    }

    /// Parameters and intermediates (0x20–0x3F) up to a final (0x40–0x7E).
    private static func skipControlSequence<Values: IteratorProtocol<UInt32>>(_ values: inout Values) -> UInt32? {
        while let next = values.next() {
            if (0x40...0x7E).contains(next) { return nil }
            if !(0x20...0x3F).contains(next) { return next }
        }
        return nil
    }

    /// A command string up to BEL or ST (ESC \ or U+009C); false when the line ends first.
    private static func skipString<Values: IteratorProtocol<UInt32>>(_ values: inout Values) -> Bool {
        while let next = values.next() {
            if next == 0x07 || next == 0x9C { return true }
            if next == 0x1B {
                _ = values.next()  // the "\" of ST
                return true
            }
        }
        return false
    }
}

/// Scalar values of a string's scalars.
private struct ScalarValues: IteratorProtocol {
    var base: String.UnicodeScalarView.Iterator
    mutating func next() -> UInt32? { base.next()?.value }
}

/// Scalar values of an ASCII string's bytes.
private struct ByteValues: IteratorProtocol {
    var base: String.UTF8View.Iterator
    mutating func next() -> UInt32? { base.next().map(UInt32.init) }
}
