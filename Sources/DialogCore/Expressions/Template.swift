/// Text with `{{slot}}` and `{{slot|fallback words}}` placeholders, parsed once at load.
///
/// A placeholder may name one of a choice's phrasings (`{{purpose.request}}`, resolved by the linker) and
/// end in filters after `:` (`{{symptoms.months:about}}`, `{{weight:round 1}}`, `{{symptoms:or}}`,
/// `{{purpose.short:capitalize}}`). A `say` written `{ "when": …, "text": …, "else": … }` becomes one
/// `choose` segment.
public struct Template: Sendable, Hashable, Codable {
    public enum Segment: Sendable, Hashable, Codable {
        case text(String)
        /// A placeholder; `fallback` is shown when the slot is unanswered; `format` says how the answer reads.
        case slot(String, fallback: String?, format: Format)
        /// `then` when the condition holds, `otherwise` when it does not.
        indirect case choose(Condition, then: [Segment], otherwise: [Segment])

        /// A placeholder that shows the answer as it is.
        public static func slot(_ name: String, fallback: String?) -> Segment { .slot(name, fallback: fallback, format: .plain) }
    }

    /// How a placeholder shows its answer: one of the options' named phrasings, then filters in order.
    public struct Format: Sendable, Hashable, Codable {
        /// A name from the options' `"as"` (nil: the label).
        public var phrasing: String?
        public var filters: [Filter]

        public init(phrasing: String? = nil, filters: [Filter] = []) {
            self.phrasing = phrasing
            self.filters = filters
        }

        public static let plain = Format()
        public var isPlain: Bool { phrasing == nil && filters.isEmpty }
    }

    /// A unit a number can be said in: its names for one and for more, and what one is worth in the
    /// slot's own unit (`week`, `weeks`, 0.25 on a slot counted in months).
    public struct SpokenUnit: Sendable, Hashable, Codable {
        public var one: String
        public var other: String
        public var worth: Double

        public init(one: String, other: String, worth: Double) {
            self.one = one
            self.other = other
            self.worth = worth
        }
    }

    /// A template filter (`{{slot:name}}`).
    public enum Filter: Sendable, Hashable, Codable {
        /// `round` / `round N`: a number rounded to N decimal places (default 0).
        case round(Int)
        /// `about`: a number in the unit that reads best, rounded: "about 3 weeks" for 0.75 months. The
        /// linker fills in the word and the slot's units.
        case about(word: String, units: [SpokenUnit])
        /// `and` / `or`: a multiple choice joined as "A, B and C" / "A, B or C" (the linker fills in the word).
        case join(name: String, word: String)
        /// `capitalize`: the first letter in upper case; `upper`, `lower`: all of it.
        case capitalize, upper, lower
        /// `sentence`: an answer typed all in capitals ("KNEE PAIN FOR MONTHS") in normal case ("Knee pain
        /// for months"), with the first letter in upper case; an answer typed in normal case keeps its
        /// letters ("Dr McKenzie" stays), and short capitals like "MRI" or "HCM" stay as they are.
        case sentence
        /// `calm`: the same normal case for an answer typed in capitals, for the middle of a sentence: the
        /// first letter is left as it is ("methotrexate", "St Mary's").
        case calm
        /// `name`: a name or an address line — a doctor, a clinic, a hospital — typed all in lower case or
        /// all in capitals, written as a name: "ballincollig medical centre" → "Ballincollig Medical
        /// Centre", "ST MARYS HOSPITAL" → "St Marys Hospital"; small joining words stay lower case
        /// inside it ("Clinic of the Sacred Heart") and a few initialisms are capitals ("GP", "NHS").
        /// Text typed with both cases keeps its letters as typed ("Banner urology", "McKenzie"), but for a
        /// capital first letter ("the MS clinic" → "The MS clinic").
        case name

        /// The filter as written in a template.
        public var source: String {
            switch self {
            case .round(let n): return n == 0 ? "round" : "round \(n)"
            case .about: return "about"
            case .join(let name, _): return name
            case .capitalize: return "capitalize"
            case .upper: return "upper"
            case .lower: return "lower"
            case .sentence: return "sentence"
            case .calm: return "calm"
            case .name: return "name"
            }
        }

        /// Every filter name, for hints.
        public static let names = ["about", "and", "calm", "capitalize", "lower", "name", "or", "round", "sentence", "upper"]

        /// Whether the filter works on a number, a list of options, or any text.
        public var needs: Needs {
            switch self {
            case .round, .about: return .number
            case .join: return .multi
            case .capitalize, .upper, .lower, .sentence, .calm, .name: return .text
            }
        }

        /// The kind of slot value a filter formats.
        public enum Needs: Sendable { case number, multi, text }
    }

    /// The text and placeholders, in order.
    public var segments: [Segment]

    /// A template of these segments (the loader parses them with `parse`).
    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Slot names in order of first appearance, each once (a `choose` adds its condition's, then both texts').
    public var slots: [String] {
        var names: [String] = []
        Self.collect(segments, into: &names, withoutFallback: false)
        return names
    }

    /// Slots with at least one placeholder that has no fallback, in order, each once. In a `choose`, the
    /// slots its condition needs answered are not counted for the `then` text.
    public var slotsWithoutFallback: [String] {
        var names: [String] = []
        Self.collect(segments, into: &names, withoutFallback: true)
        return names
    }

    private static func collect(_ segments: [Segment], into names: inout [String], withoutFallback: Bool) {
        for segment in segments {
            switch segment {
            case .text: break
            case .slot(let name, let fallback, _):
                if (!withoutFallback || fallback == nil), !names.contains(name) { names.append(name) }
            case .choose(let c, let then, let otherwise):
                if !withoutFallback {
                    for name in c.slotsRead.sorted() where !names.contains(name) { names.append(name) }
                    collect(then, into: &names, withoutFallback: false)
                } else {
                    var inner: [String] = []
                    collect(then, into: &inner, withoutFallback: true)
                    let answered = c.answeredWhenTrue()
                    for name in inner where !answered.contains(name) && !names.contains(name) { names.append(name) }
                }
                collect(otherwise, into: &names, withoutFallback: withoutFallback)
            }
        }
    }

    /// Whether the template has no placeholders.
    public var isConstant: Bool {
        !segments.contains { if case .text = $0 { return false } else { return true } }
    }

    /// Whitespace, with ASCII answered without Unicode tables.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c == " " || (c.value >= 9 && c.value <= 13)) : c.properties.isWhitespace
    }

    /// Parses `{{ slot }}`, `{{slot|fallback words}}` and `{{slot:filter}}` placeholders (authoring guide,
    /// Templates); a lone `{` or `}` is plain text. The error says where the text goes wrong.
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
            var colon = nameStart
            while colon < bar, s[colon] != UInt8(ascii: ":") { colon += 1 }
            var nameEnd = colon
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
            var filters: [Filter] = []
            if colon < bar {
                switch parseFilters(String(decoding: s[(colon + 1)..<bar], as: UTF8.self), at: scalarOffset(colon + 1)) {
                case .failure(let e): return .failure(e)
                case .success(let f): filters = f
                }
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
            segments.append(.slot(name, fallback: fallback, format: Format(filters: filters)))
            i = j + 2
            textStart = i
        }
        if textStart < s.count { segments.append(.text(String(decoding: s[textStart...], as: UTF8.self))) }
        return .success(Template(segments: segments))
    }

    /// The filters of a placeholder: `:`-separated, each a name and, for `round`, a number of decimals.
    /// `at` is the scalar offset of the text after the first `:`.
    static func parseFilters(_ text: String, at start: Int) -> Result<[Filter], ExpressionError> {
        var filters: [Filter] = []
        var offset = start
        for part in text.split(separator: ":", omittingEmptySubsequences: false) {
            defer { offset += part.unicodeScalars.count + 1 }
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let lead = part.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
            guard let name = words.first else {
                return .failure(
                    ExpressionError(
                        message: "an empty filter", offset: offset + lead,
                        hint: "write a filter after ':', one of: " + Filter.names.joined(separator: ", ")))
            }
            let filter: Filter
            switch name {
            case "round":
                guard words.count <= 2 else { return .failure(extra(words, offset + lead)) }
                if words.count == 2 {
                    guard let n = Int(words[1]), (0...6).contains(n) else {
                        return .failure(
                            ExpressionError(
                                message: "'round' takes a number of decimal places from 0 to 6, not '\(words[1])'",
                                offset: offset + lead, hint: "write {{slot:round}} or {{slot:round 1}}"))
                    }
                    filter = .round(n)
                } else {
                    filter = .round(0)
                }
            case "about": filter = .about(word: "about", units: [])
            case "and", "or": filter = .join(name: name, word: name)
            case "capitalize": filter = .capitalize
            case "upper": filter = .upper
            case "lower": filter = .lower
            case "sentence": filter = .sentence
            case "calm": filter = .calm
            case "name": filter = .name
            default:
                return .failure(
                    ExpressionError(
                        message: "unknown filter '\(name)'", offset: offset + lead,
                        hint: Suggestion.hint(for: name, in: Filter.names) ?? "use one of: " + Filter.names.joined(separator: ", ")))
            }
            if words.count > 1, name != "round" { return .failure(extra(words, offset + lead)) }
            filters.append(filter)
        }
        return .success(filters)
    }

    private static func extra(_ words: [String], _ offset: Int) -> ExpressionError {
        ExpressionError(
            message: "the filter '\(words[0])' takes \(words[0] == "round" ? "at most one number" : "nothing"), not '\(words.dropFirst().joined(separator: " "))'",
            offset: offset, hint: "separate filters with ':', e.g. {{slot:round:capitalize}}")
    }

    /// Whether `source` holds "{{" (every placeholder starts with one).
    package static func hasDoubleBrace(_ source: String) -> Bool {
        let brace = UInt8(ascii: "{")
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = bytes.count
            guard let base = bytes.baseAddress, count > 1 else { return false }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let braces = ones &* UInt64(brace)
            var at = 0
            // Eight bytes at a time: a word none of whose bytes is "{" (no zero byte in `word ^ braces`) is
            // passed over whole; one that may hold a "{" is looked at byte by byte.
            while at + 8 <= count {
                let x = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: at, as: UInt64.self) ^ braces
                if (x &- ones) & ~x & (ones &<< 7) != 0 {
                    for i in at..<at + 8 where bytes[i] == brace && i + 1 < count && bytes[i + 1] == brace { return true }
                }
                at += 8
            }
            while at < count - 1 {
                if bytes[at] == brace && bytes[at + 1] == brace { return true }
                at += 1
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
        Self.render(segments, into: &out, lookup, slotType: slotType, missing: &missing)
    }

    private static func render(
        _ segments: [Segment], into out: inout String, _ lookup: (String) -> Value?, slotType: (String) -> SlotType?,
        missing: inout [String]
    ) {
        for segment in segments {
            switch segment {
            case .text(let t):
                out += t
            case .slot(let name, let fallback, let format):
                if let value = lookup(name) {
                    out += Template.display(value, type: slotType(name), format: format, fallback: fallback)
                } else if let fallback {
                    out += fallback
                } else if !missing.contains(name) {
                    missing.append(name)
                }
            case .choose(let c, let then, let otherwise):
                render(ConditionProgram(c).evaluate(lookup) ? then : otherwise, into: &out, lookup, slotType: slotType, missing: &missing)
            }
        }
    }

    /// The length in UTF-8 bytes of the template's text segments: a lower bound on its rendering.
    var textLength: Int {
        Self.textLength(segments)
    }

    private static func textLength(_ segments: [Segment]) -> Int {
        var length = 0
        for segment in segments {
            switch segment {
            case .text(let t): length += t.utf8.count
            case .slot: break
            case .choose(_, let then, let otherwise): length += min(textLength(then), textLength(otherwise))
            }
        }
        return length
    }

    /// How an answer reads in text: a choice's label, a multi's labels as "a, b and c" ("none" when empty),
    /// a bool "yes"/"no", a number without a trailing `.0`, text as typed.
    public static func display(_ value: Value, type: SlotType?) -> String {
        display(value, type: type, format: .plain)
    }

    /// How an answer reads in a placeholder: through its format, or the placeholder's fallback when a
    /// filter leaves nothing of it (an answer of spaces only).
    public static func display(_ value: Value, type: SlotType?, format: Format, fallback: String?) -> String {
        let shown = display(value, type: type, format: format)
        if shown.isEmpty, let fallback, !format.filters.isEmpty { return fallback }
        return shown
    }

    /// How an answer reads through a placeholder's format: the phrasing named in `format` instead of the
    /// label, then each filter in order (number and list filters on the answer, text filters on the text).
    public static func display(_ value: Value, type: SlotType?, format: Format) -> String {
        if format.isPlain { return plainDisplay(value, type: type, phrasing: nil) }
        var text: String?
        for filter in format.filters {
            switch (filter, value, text) {
            case (.round(let places), .number(let n), nil):
                text = Value.format(Self.round(n, places: places))
            case (.about(let word, let units), .number(let n), nil):
                text = Self.about(n, word: word, units: units)
            case (.join(_, let word), .set(let values), nil):
                let labels = values.map { Self.label($0, type: type, phrasing: format.phrasing) }
                text = labels.isEmpty ? plainDisplay(value, type: type, phrasing: nil) : Self.join(labels, word: word)
            case (.capitalize, _, _):
                let t = text ?? plainDisplay(value, type: type, phrasing: format.phrasing)
                text = t.prefix(1).uppercased() + t.dropFirst()
            case (.upper, _, _): text = (text ?? plainDisplay(value, type: type, phrasing: format.phrasing)).uppercased()
            case (.lower, _, _): text = lowercasedKeepingI(text ?? plainDisplay(value, type: type, phrasing: format.phrasing))
            case (.sentence, _, _): text = sentenceCase(text ?? plainDisplay(value, type: type, phrasing: format.phrasing))
            case (.calm, _, _): text = sentenceCase(text ?? plainDisplay(value, type: type, phrasing: format.phrasing), capitalized: false)
            case (.name, _, _): text = nameCase(text ?? plainDisplay(value, type: type, phrasing: format.phrasing))
            default: break  // a filter for another kind of answer (the linker refuses it)
            }
        }
        return text ?? plainDisplay(value, type: type, phrasing: format.phrasing)
    }

    /// The `sentence` filter: text typed all in capitals in normal case, the first letter in upper case.
    /// "Shouting" is text with no lower-case letter and a word of five letters or more, so an
    /// abbreviation typed alone ("MRI", "HCM") is left alone; the word "I" stays upper case. Text with
    /// any lower-case letter keeps every letter as typed, so a name is never changed, except the pronoun
    /// "i", which is written "I".
    /// With `capitalized: false` (the `calm` filter) the first letter is left as it is.
    package static func sentenceCase(_ text: String, capitalized: Bool = true) -> String {
        asciiSentenceCase(text, capitalized: capitalized) ?? sentenceCase(characters: text, capitalized: capitalized)
    }

    /// `sentenceCase` read by `Character` (any text; the reference for the ASCII path).
    static func sentenceCase(characters text: String, capitalized: Bool) -> String {
        let words = text.split(whereSeparator: { !$0.isLetter })
        let shouting = !text.contains(where: \.isLowercase) && words.contains(where: { $0.count >= 5 })
        // Shouted text in lower case ("I" stays); other text as typed, but the pronoun "i" as "I".
        let out = shouting ? lowercasedKeepingI(characters: text) : pronounI(characters: text)
        guard capitalized, let first = out.firstIndex(where: \.isLetter) else { return out }
        return String(out[..<first]) + out[first].uppercased() + String(out[out.index(after: first)...])
    }

    /// The `name` filter: text typed in one case only (all lower case, or all capitals) written as a name,
    /// each word with a capital first letter (also after - and a one-letter ': "o'sullivan" → "O'Sullivan"), joining
    /// words lower case inside it, a few initialisms in capitals; text with both cases as typed, but for a
    /// capital first letter.
    package static func nameCase(_ text: String) -> String {
        let hasLower = text.contains(where: \.isLowercase)
        let hasUpper = text.contains(where: \.isUppercase)
        if hasLower && hasUpper {
            // As typed, but a line of an address starts with a capital ("the MS clinic" → "The MS clinic").
            guard let first = text.firstIndex(where: \.isLetter) else { return text }
            return String(text[..<first]) + text[first].uppercased() + String(text[text.index(after: first)...])
        }
        var first = true
        return mapWords(text, isWordCharacter: { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "\u{2019}" || $0 == "-" }) { word in
            defer { first = false }
            let lower = word.lowercased()
            if Self.initialisms.contains(lower) || Self.looksLikeInitialism(lower) { return lower.uppercased() }
            if !first, Self.joiningWords.contains(lower) { return lower }
            // A capital after - ("Saint-Louis"), and after ' that follows one letter ("O'Sullivan",
            // "D'Arcy"), not in "Vincent's".
            var out = ""
            var startOfPiece = true
            var pieceLength = 0
            for ch in lower {
                out += startOfPiece ? ch.uppercased() : String(ch)
                let apostrophe = ch == "'" || ch == "\u{2019}"
                startOfPiece = ch == "-" || (apostrophe && pieceLength == 1)
                pieceLength = startOfPiece || apostrophe ? 0 : pieceLength + 1
            }
            return out
        }
    }

    /// `text` with each word (a run of `isWordCharacter`) replaced by `transform` of it, in order, and
    /// everything between the words kept.
    static func mapWords(_ text: String, isWordCharacter: (Character) -> Bool, _ transform: (String) -> String) -> String {
        var out = ""
        var word = ""
        for ch in text {
            if isWordCharacter(ch) {
                word.append(ch)
            } else {
                if !word.isEmpty { out += transform(word) }
                word = ""
                out.append(ch)
            }
        }
        if !word.isEmpty { out += transform(word) }
        return out
    }

    /// Words written in lower case inside a name ("Clinic of the Sacred Heart", "Hospital de la Santa Creu").
    static let joiningWords: Set<String> = [
        "a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with",
        "de", "del", "della", "der", "des", "di", "du", "la", "le", "van", "von", "y",
        "am", "im", "an", "auf", "bei", "zum", "zur", "und", "et", "e",
    ]

    /// A word of two to four letters without a vowel ("vgh", "nhs", "chb") that is no usual abbreviation
    /// written with a capital only ("st", "dr", "mt"): an initialism, written in capitals.
    static func looksLikeInitialism(_ word: String) -> Bool {
        guard (2...4).contains(word.count), word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        if word.contains(where: { "aeiouy".contains($0) }) { return false }
        return !["st", "dr", "mt", "mr", "mrs", "ms", "jr", "sr", "rd", "ft", "pl", "nr", "bldg", "ln", "blvd"].contains(word)
    }

    /// Initialisms written in capitals inside a name ("Ballincollig GP Practice", "NHS Lothian").
    static let initialisms: Set<String> = [
        "gp", "gps", "nhs", "hse", "md", "ent", "icu", "uk", "usa", "nyu", "ucla", "ucsf", "upmc", "ucl", "ucd",
        "mgh", "va", "aiims", "pgimer", "cmc", "nih", "ohsu", "uab", "unc", "er", "a&e", "ae", "bc", "mri", "ct",
    ]

    /// The pronoun "i" typed in lower case written "I" ("and i feel rushed" → "and I feel rushed"; also
    /// "i'm", "i've", "i'd", "i'll"); nothing else changes.
    package static func pronounI(_ text: String) -> String {
        asciiPronounI(text) ?? pronounI(characters: text)
    }

    /// `pronounI` read by `Character` (any text; the reference for the ASCII path).
    static func pronounI(characters text: String) -> String {
        guard text.contains("i") else { return text }
        let chars = Array(text)
        var out = chars
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        for k in chars.indices where chars[k] == "i" {
            if k > 0, isWordChar(chars[k - 1]) || ["'", "\u{2019}", "-", ".", "/"].contains(chars[k - 1]) { continue }
            if k + 1 < chars.count {
                let next = chars[k + 1]
                if isWordChar(next) || next == "-" || next == "/" { continue }
                // "i.e." is no pronoun.
                if next == ".", k + 2 < chars.count, isWordChar(chars[k + 2]) { continue }
            }
            out[k] = "I"
        }
        return String(out)
    }

    /// Lower case, except the pronoun "I" (the `lower` filter: "What matters most to us is …").
    package static func lowercasedKeepingI(_ text: String) -> String {
        asciiLowercasedKeepingI(text) ?? lowercasedKeepingI(characters: text)
    }

    /// `lowercasedKeepingI` read by `Character` (any text; the reference for the ASCII path).
    static func lowercasedKeepingI(characters text: String) -> String {
        mapWords(text, isWordCharacter: { $0.isLetter || $0 == "'" || $0 == "\u{2019}" }) { word in
            let pronoun = word == "I" || word.hasPrefix("I'") || word.hasPrefix("I\u{2019}")
            return pronoun ? "I" + word.dropFirst().lowercased() : word.lowercased()
        }
    }

    /// An option's label, or its phrasing of that name when it has one.
    static func label(_ v: String, type: SlotType?, phrasing: String?) -> String {
        guard let option = type?.options.first(where: { $0.value == v }) else { return v }
        if let phrasing, let phrase = option.phrasings[phrasing] { return phrase }
        return option.label
    }

    /// "a, b and c" with `word` before the last.
    static func join(_ items: [String], word: String) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " " + word + " " + last
    }

    static func round(_ n: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (n * scale).rounded() / scale
    }

    /// "about 3 weeks": the largest unit in which the number is at least 2 (else at least 1, else the
    /// smallest), rounded to a whole number of it.
    static func about(_ n: Double, word: String, units: [SpokenUnit]) -> String {
        let sorted = units.sorted { $0.worth > $1.worth }
        guard let smallest = sorted.last else { return word + " " + Value.format(n.rounded()) }
        let unit = sorted.first { abs(n) / $0.worth >= 2 } ?? sorted.first { abs(n) / $0.worth >= 1 } ?? smallest
        var count = (n / unit.worth).rounded()
        if n != 0, count == 0 { count = n > 0 ? 1 : -1 }
        return word + " " + Value.format(count) + " " + (abs(count) == 1 ? unit.one : unit.other)
    }

    private static func plainDisplay(_ value: Value, type: SlotType?, phrasing: String?) -> String {
        func label(_ v: String) -> String { Self.label(v, type: type, phrasing: phrasing) }
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
            case .slot(let name, let fallback, let format):
                out += "{{" + name + (format.phrasing.map { "." + $0 } ?? "")
                for f in format.filters { out += ":" + f.source }
                out += (fallback.map { "|" + $0 } ?? "") + "}}"
            case .choose(let c, let then, let otherwise):
                // Written back as the `say` object it came from would need JSON; this is for messages.
                out += "{" + c.description + " ? " + Template(segments: then).description + " : "
                    + Template(segments: otherwise).description + "}"
            }
        }
        return out
    }
}
