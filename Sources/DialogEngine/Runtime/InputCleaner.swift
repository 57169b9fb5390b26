/// Makes a typed line safe to keep and echo: ANSI escape sequences and control characters are
/// removed (they must never reach a document or the terminal raw), whitespace is collapsed.
enum InputCleaner {
    static func clean(_ text: String) -> String {
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
}
