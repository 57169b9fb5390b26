/// Makes a typed line safe to keep and echo: ANSI escape sequences and control characters are
/// removed (they must never reach a document or the terminal raw), whitespace is collapsed.
enum InputCleaner {
    static func clean(_ text: String) -> String {
        if let ascii = cleanASCII(text) { return ascii }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var lastWasSpace = true
        while let c = scalars.next() {
            if c == "\u{1B}" {
                // CSI: ESC [ params final(0x40–0x7E); OSC: ESC ] … BEL or ESC \ ; otherwise drop one char.
                guard let kind = scalars.next() else { break }
                if kind == "[" {
                    while let p = scalars.next(), !(0x40...0x7E).contains(p.value) {}
                } else if kind == "]" {
                    while let p = scalars.next(), p != "\u{07}", p != "\u{1B}" {}
                }
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
            out.append(c)
            lastWasSpace = false
        }
        var s = String(out)
        if s.hasSuffix(" ") { s.removeLast() }
        return s
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
        while let c = bytes.next() {
            if c == 0x1B {
                guard let kind = bytes.next() else { break }
                if kind == UInt8(ascii: "[") {
                    while let p = bytes.next(), !(0x40...0x7E).contains(p) {}
                } else if kind == UInt8(ascii: "]") {
                    while let p = bytes.next(), p != 0x07, p != 0x1B {}
                }
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
