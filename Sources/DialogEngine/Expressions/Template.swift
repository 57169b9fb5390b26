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
        // Most texts have no placeholder: one byte scan, no per-character work.
        var previous: UInt8 = 0
        var hasPlaceholder = false
        for byte in source.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") {
                hasPlaceholder = true
                break
            }
            previous = byte
        }
        if !hasPlaceholder { return .success(Template(segments: source.isEmpty ? [] : [.text(source)])) }
        let s = Array(source.unicodeScalars)
        var segments: [Segment] = []
        var text = String.UnicodeScalarView()
        var i = 0
        func isPair(_ at: Int, _ c: Unicode.Scalar) -> Bool { at + 1 < s.count && s[at] == c && s[at + 1] == c }
        while i < s.count {
            guard isPair(i, "{") else {
                text.append(s[i])
                i += 1
                continue
            }
            let open = i
            var j = open + 2
            while j < s.count, !isPair(j, "}"), !isPair(j, "{") { j += 1 }
            guard isPair(j, "}") else {
                return .failure(
                    ExpressionError(
                        message: "'{{' without a closing '}}'", offset: open,
                        hint: "write {{slot}} or {{slot|fallback words}}"))
            }
            // Name up to '|' (or the end), trimmed.
            var nameStart = open + 2
            while nameStart < j, Self.isSpace(s[nameStart]) { nameStart += 1 }
            var bar = nameStart
            while bar < j, s[bar] != "|" { bar += 1 }
            var nameEnd = bar
            while nameEnd > nameStart, Self.isSpace(s[nameEnd - 1]) { nameEnd -= 1 }
            let name = string(s[nameStart..<nameEnd])
            if name.isEmpty {
                return .failure(
                    ExpressionError(
                        message: "a placeholder needs a slot name", offset: open,
                        hint: "write {{slot}}, e.g. {{country}}"))
            }
            if !ConditionParser.isValidSlotName(name) {
                return .failure(ConditionParser.invalidNameError(name, at: nameStart))
            }
            var fallback: String?
            if bar < j {
                var start = bar + 1
                var end = j
                while start < end, Self.isSpace(s[start]) { start += 1 }
                while end > start, Self.isSpace(s[end - 1]) { end -= 1 }
                fallback = string(s[start..<end])
                // "{{a|b} }}" would be written back as "{{a|b}}}", which reads as "{{a|b}}" and "}".
                if end > start, s[end - 1] == "}" {
                    return .failure(
                        ExpressionError(
                            message: "a fallback cannot end with '}'", offset: end - 1,
                            hint: "remove the '}' or put it after the closing '}}'"))
                }
            }
            if !text.isEmpty {
                segments.append(.text(String(text)))
                text = String.UnicodeScalarView()
            }
            segments.append(.slot(name, fallback: fallback))
            i = j + 2
        }
        if !text.isEmpty { segments.append(.text(String(text))) }
        return .success(Template(segments: segments))
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
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
