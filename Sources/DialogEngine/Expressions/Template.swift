#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text with `{{slot}}` and `{{slot|fallback words}}` placeholders, parsed once at load.
public struct Template: Sendable, Hashable, Codable {
    public enum Segment: Sendable, Hashable, Codable {
        case text(String)
        /// A placeholder; `fallback` is shown when the slot is unanswered.
        case slot(String, fallback: String?)
    }

    public var segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Slot names in order of first appearance, each once.
    public var slots: [String] {
        var names: [String] = []
        for case .slot(let name, _) in segments where !names.contains(name) { names.append(name) }
        return names
    }

    /// Slots with at least one placeholder that has no fallback, in order, each once.
    public var slotsWithoutFallback: [String] {
        var names: [String] = []
        for case .slot(let name, nil) in segments where !names.contains(name) { names.append(name) }
        return names
    }

    /// Whether the template has no placeholders.
    public var isConstant: Bool {
        !segments.contains { if case .slot = $0 { return true } else { return false } }
    }

    /// Parses `{{ slot }}` and `{{slot|fallback words}}`; a lone `{` or `}` is plain text.
    /// Whitespace, with ASCII answered without Unicode tables.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c == " " || (c.value >= 9 && c.value <= 13)) : c.properties.isWhitespace
    }

    public static func parse(_ source: String) -> Result<Template, ExpressionError> {
        // Most texts have no placeholder: a `memchr` scan for "{", no per-character work.
        if !hasDoubleBrace(source) { return .success(Template(segments: source.isEmpty ? [] : [.text(source)])) }
        // The UTF-8 bytes in place when the string stores them contiguously (a native string does).
        if let parsed = source.utf8.withContiguousStorageIfAvailable({ parse(utf8: $0) }) { return parsed }
        return Array(source.utf8).withUnsafeBufferPointer { parse(utf8: $0) }
    }

    /// `parse` over the source's UTF-8 bytes.
    private static func parse(utf8 s: UnsafeBufferPointer<UInt8>) -> Result<Template, ExpressionError> {
        // One pass over the UTF-8 bytes ('{', '}' and '|' are ASCII, so they never match inside a
        // multi-byte character); offsets for errors are counted in scalars only when there is one.
        func scalarOffset(_ byte: Int) -> Int { s[..<byte].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        func isPair(_ at: Int, _ c: UInt8) -> Bool { at + 1 < s.count && s[at] == c && s[at + 1] == c }
        /// The length of the whitespace character starting at `p`, or nil.
        func spaceAt(_ p: Int) -> Int? {
            let b = s[p]
            if b < 0x80 { return isSpace(Unicode.Scalar(b)) ? 1 : nil }
            let n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var v = UInt32(b) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
            for k in 1..<n where p + k < s.count { v = v << 6 | UInt32(s[p + k] & 0x3F) }
            guard let scalar = Unicode.Scalar(v), isSpace(scalar) else { return nil }
            return n
        }
        /// The length of the whitespace character ending just before `end`, or nil.
        func spaceBefore(_ end: Int) -> Int? {
            var start = end - 1
            while start > 0, s[start] & 0xC0 == 0x80 { start -= 1 }
            guard spaceAt(start) != nil else { return nil }
            return end - start
        }
        var segments: [Segment] = []
        var i = 0
        var textStart = 0
        while i < s.count {
            guard isPair(i, UInt8(ascii: "{")) else {
                i += 1
                continue
            }
            let open = i
            var j = open + 2
            while j < s.count, !isPair(j, UInt8(ascii: "}")), !isPair(j, UInt8(ascii: "{")) { j += 1 }
            guard isPair(j, UInt8(ascii: "}")) else {
                return .failure(
                    ExpressionError(
                        message: "'{{' without a closing '}}'", offset: scalarOffset(open),
                        hint: "write {{slot}} or {{slot|fallback words}}"))
            }
            // Name up to '|' (or the end), trimmed.
            var nameStart = open + 2
            while nameStart < j, let n = spaceAt(nameStart) { nameStart += n }
            var bar = nameStart
            while bar < j, s[bar] != UInt8(ascii: "|") { bar += 1 }
            var nameEnd = bar
            while nameEnd > nameStart, let n = spaceBefore(nameEnd) { nameEnd -= n }
            let name = String(decoding: s[nameStart..<nameEnd], as: UTF8.self)
            if name.isEmpty {
                return .failure(
                    ExpressionError(
                        message: "a placeholder needs a slot name", offset: scalarOffset(open),
                        hint: "write {{slot}}, e.g. {{country}}"))
            }
            if !ConditionParser.isValidSlotName(bytes: s[nameStart..<nameEnd]) {
                return .failure(ConditionParser.invalidNameError(name, at: scalarOffset(nameStart)))
            }
            var fallback: String?
            if bar < j {
                var start = bar + 1
                var end = j
                while start < end, let n = spaceAt(start) { start += n }
                while end > start, let n = spaceBefore(end) { end -= n }
                fallback = String(decoding: s[start..<end], as: UTF8.self)
                // "{{a|b} }}" would be written back as "{{a|b}}}", which reads as "{{a|b}}" and "}".
                if end > start, s[end - 1] == UInt8(ascii: "}") {
                    return .failure(
                        ExpressionError(
                            message: "a fallback cannot end with '}'", offset: scalarOffset(end - 1),
                            hint: "remove the '}' or put it after the closing '}}'"))
                }
            }
            if textStart < open { segments.append(.text(String(decoding: s[textStart..<open], as: UTF8.self))) }
            segments.append(.slot(name, fallback: fallback))
            i = j + 2
            textStart = i
        }
        if textStart < s.count { segments.append(.text(String(decoding: s[textStart...], as: UTF8.self))) }
        return .success(Template(segments: segments))
    }

    /// Whether `source` holds "{{" (every placeholder starts with one).
    static func hasDoubleBrace(_ source: String) -> Bool {
        let brace = UInt8(ascii: "{")
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = bytes.baseAddress, bytes.count > 1 else { return false }
            var at = 0
            // The last byte cannot open a pair, so the search stops before it.
            while at < bytes.count - 1, let found = memchr(base + at, Int32(brace), bytes.count - 1 - at) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if bytes[index + 1] == brace { return true }
                at = index + 1
            }
            return false
        }
        if let found = source.utf8.withContiguousStorageIfAvailable(scan) { return found }
        var copy = source
        return copy.withUTF8(scan)
    }

    /// Renders with the current answers. An unanswered slot shows its fallback, or nothing, and then its
    /// name is appended to `missing` (once).
    public func render(
        _ lookup: (String) -> Value?, slotType: (String) -> SlotType?, missing: inout [String]
    ) -> String {
        // A text without placeholders is its own rendering.
        if segments.count == 1, case .text(let t) = segments[0] { return t }
        var out = ""
        render(into: &out, lookup, slotType: slotType, missing: &missing)
        return out
    }

    /// Same, appending to `out`.
    func render(
        into out: inout String, _ lookup: (String) -> Value?, slotType: (String) -> SlotType?, missing: inout [String]
    ) {
        for segment in segments {
            switch segment {
            case .text(let t):
                out += t
            case .slot(let name, let fallback):
                if let value = lookup(name) {
                    out += Template.display(value, type: slotType(name))
                } else if let fallback {
                    out += fallback
                } else if !missing.contains(name) {
                    missing.append(name)
                }
            }
        }
    }

    /// The length in UTF-8 bytes of the template's text segments: a lower bound on its rendering.
    var textLength: Int {
        var length = 0
        for case .text(let t) in segments { length += t.utf8.count }
        return length
    }

    /// How an answer reads in text: a choice's label, a multi's labels as "a, b and c" ("none" when empty),
    /// a bool "yes"/"no", a number without a trailing `.0`, text as typed.
    public static func display(_ value: Value, type: SlotType?) -> String {
        func label(_ v: String) -> String {
            type?.options.first { $0.value == v }?.label ?? v
        }
        switch value {
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return Value.format(n)
        case .text(let s): return s
        case .choice(let v): return label(v)
        case .set(let values):
            guard let last = values.last else { return "none" }
            if values.count == 1 { return label(last) }
            return values.dropLast().map(label).joined(separator: ", ") + " and " + label(last)
        }
    }
}

extension Template: CustomStringConvertible {
    /// The template written back as source: text with `{{slot}}` / `{{slot|fallback}}`.
    public var description: String {
        var out = ""
        for segment in segments {
            switch segment {
            case .text(let t): out += t
            case .slot(let name, nil): out += "{{\(name)}}"
            case .slot(let name, let fallback?): out += "{{\(name)|\(fallback)}}"
            }
        }
        return out
    }
}
