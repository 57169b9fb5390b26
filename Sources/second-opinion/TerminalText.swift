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

// MARK: - Wrapping

extension TerminalText {
    /// The terminal's width in columns when standard output is a terminal; nil when it is not (piped or
    /// redirected: lines are then written as they are) or when the width cannot be told.
    static func outputWidth() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `text` wrapped to `width` columns at spaces, never inside a word: a word longer than the width
    /// stands on a line of its own, whole. Existing line breaks are kept; each line's continuation lines
    /// keep its indentation, and a list item's ("- ", "1. ") line up under its text. Escape sequences
    /// (a style's colours) take no columns. A width under 10 leaves the text as it is.
    ///
    /// Columns are counted in Characters: a wide character (CJK, most emoji) counts as one, so such a
    /// line may wrap a little later than the edge.
    static func wrap(_ text: String, width: Int) -> String {
        guard width >= 10 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { wrapLine($0, width: width) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ whole: Substring, width: Int) -> String {
        if columns(whole) <= width { return String(whole) }
        // A style's opening sequences stay in front; the indentation is read after them.
        let style = leadingEscapes(whole)
        let line = whole[style.endIndex...]
        let hang = hangingIndent(line)
        let lead = line.prefix { $0 == " " || $0 == "\t" }
        // A hanging indent that leaves too little room falls back to the line's own indentation, then none.
        let indent = hang.count <= width / 2 ? hang : lead.count <= width / 2 ? String(lead) : ""
        // Words with the blanks before each, so runs of spaces inside a line (aligned columns) are kept.
        var words: [(gap: Int, word: Substring)] = []
        var rest = line.dropFirst(lead.count)
        while !rest.isEmpty {
            let gap = rest.prefix { $0 == " " }
            rest = rest.dropFirst(gap.count)
            let word = rest.prefix { $0 != " " }
            rest = rest.dropFirst(word.count)
            if !word.isEmpty { words.append((gap.count, word)) }
        }
        var lines: [String] = []
        var current = String(style) + String(lead)
        var used = columns(lead)
        var empty = true  // nothing but indentation on the current line yet
        for (gap, word) in words {
            let w = columns(word)
            if !empty && used + gap + w > width {
                lines.append(current)
                current = indent
                used = indent.count
                empty = true
            }
            if empty {
                current += word
                used += w
                empty = false
            } else {
                current += String(repeating: " ", count: gap) + word
                used += gap + w
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// The indentation continuation lines take: the line's leading blanks, and the width of a list
    /// marker after them ("- ", "* ", "1. ", "12) ").
    static func hangingIndent(_ line: Substring) -> String {
        let lead = line.prefix { $0 == " " || $0 == "\t" }
        let rest = line.dropFirst(lead.count)
        var marker = 0
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("• ") {
            marker = 2
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let after = rest.dropFirst(digits.count)
            if !digits.isEmpty, digits.count <= 3, after.hasPrefix(". ") || after.hasPrefix(") ") { marker = digits.count + 2 }
        }
        return String(lead) + String(repeating: " ", count: marker)
    }

    /// The CSI sequences (`ESC [ … final`) a line opens with, as a style puts them.
    static func leadingEscapes(_ line: Substring) -> Substring {
        var rest = line.unicodeScalars[...]
        var end = rest.startIndex
        while rest.first == "\u{1B}" {
            rest.removeFirst()
            guard rest.first == "[" else { break }
            rest.removeFirst()
            while let c = rest.first, !(0x40...0x7E).contains(c.value) { rest.removeFirst() }
            guard !rest.isEmpty else { break }
            rest.removeFirst()
            end = rest.startIndex
        }
        return Substring(line.unicodeScalars[line.unicodeScalars.startIndex..<end])
    }

    /// Columns a piece of text takes: its Characters, leaving out escape sequences (CSI `ESC [ … final`).
    static func columns(_ text: Substring) -> Int {
        if !text.utf8.contains(0x1B) { return text.count }
        var visible = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let c = scalars.popFirst() {
            if c == "\u{1B}" {
                if scalars.first == "[" {
                    scalars.removeFirst()
                    while let p = scalars.popFirst(), !(0x40...0x7E).contains(p.value) {}
                } else {
                    _ = scalars.popFirst()
                }
                continue
            }
            visible.append(c)
        }
        // Characters, not scalars (combining marks and joined emoji are one).
        return String(visible).count
    }
}
