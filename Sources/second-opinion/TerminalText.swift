/// Text made safe to print or save: what came from a file or from the person (a saved session's
/// answers, a dialog's words, a typed line, a path) may hold escape sequences that set a terminal's
/// title, clear its screen or hide text. They are removed, with every other control character
/// except line feed and tab, and bidirectional overrides.
///
/// Escape sequences follow ECMA-48 as the engine's input cleaning does: CSI (`ESC [` … final byte),
/// OSC, DCS, SOS, PM and APC strings (to BEL or ST), other escapes (`ESC` and one character).
enum TerminalText {
    static func clean(_ text: String) -> String {
        // Nearly every line is plain: nothing to copy.
        if !text.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let c = scalars.popFirst() {
            switch c.value {
            case 0x1B:
                skipEscape(&scalars)
            case 0x9B:  // 8-bit CSI
                skipControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:  // 8-bit DCS, SOS, OSC, PM, APC
                skipString(&scalars)
            case 0x0A, 0x09:
                out.append(c)
            case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                out.append(c)
            }
        }
        return String(out)
    }

    private static func skipEscape(_ scalars: inout Substring.UnicodeScalarView) {
        guard let next = scalars.popFirst() else { return }
        switch next.value {
        case 0x5B: skipControlSequence(&scalars)  // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: skipString(&scalars)  // ] P X ^ _
        case 0x20...0x2F:  // intermediates, then one final
            while let more = scalars.first, (0x20...0x2F).contains(more.value) { scalars.removeFirst() }
            if let final = scalars.first, (0x30...0x7E).contains(final.value) { scalars.removeFirst() }
        default: break  // a two-character escape; a stray character after ESC goes with it
        }
    }

    /// Parameters and intermediates up to a final byte; a character that cannot belong ends it and is dropped.
    private static func skipControlSequence(_ scalars: inout Substring.UnicodeScalarView) {
        while let next = scalars.popFirst() {
            if !(0x20...0x3F).contains(next.value) { return }
        }
    }

    /// A command string up to BEL or ST (ESC \ or U+009C), or the end of the text.
    private static func skipString(_ scalars: inout Substring.UnicodeScalarView) {
        while let next = scalars.popFirst() {
            if next.value == 0x07 || next.value == 0x9C { return }
            if next.value == 0x1B {
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            }
        }
    }
}
