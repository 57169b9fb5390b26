/// The sources that document items cite (`Dialogs/sources.json`), and when the content was last reviewed.
///
/// ```json
/// { "reviewed": "2026-12-07", "next_review": "2027-06-07",
///   "needs_source": ["days", "fee", "HIPAA"],
///   "sources": { "hipaa_access": { "title": "HHS: the HIPAA right of access", "url": "https://www.hhs.gov/…" } } }
/// ```
public struct SourceCatalog: Sendable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        /// May hold placeholders (`{{country.name}}`), filled from the answers where a document lists it.
        public var title: String
        /// An address; may hold placeholders (`{{country.emergency_source}}`, a country's own source).
        public var url: String
        /// Where the entry's key is written.
        public var location = SourceLocation(file: "", line: 0, column: 0)

        /// The title and address with the answers filled in; nil when a placeholder has no answer and
        /// no fallback (the source is then not listed).
        public func rendered(_ lookup: (String) -> Value?) -> (title: String, url: String)? {
            guard Template.hasDoubleBrace(title) || Template.hasDoubleBrace(url) else { return (title, url) }
            var missing: [String] = []
            func fill(_ text: String) -> String {
                guard case .success(let t) = Template.parse(text) else { return text }
                return t.render(lookup, slotType: { _ in nil }, missing: &missing)
            }
            let filled = (fill(title), fill(url))
            return missing.isEmpty && !filled.1.isEmpty ? filled : nil
        }

        package init(key: String, title: String, url: String, location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)) {
            self.key = key
            self.title = title
            self.url = url
            self.location = location
        }
    }
    /// By key.
    public var entries: [String: Entry]
    /// Keys in the file's order.
    public var order: [String]
    /// When the content was last reviewed, as `YYYY-MM-DD`.
    public var reviewed: String
    /// When it must be reviewed again, as `YYYY-MM-DD`.
    public var nextReview: String
    /// Words that make a document item a claim to cite: an item whose words contain one (ignoring case,
    /// as whole words; a trailing `*` matches any ending; a placeholder counts as `{{slot}}`) and that
    /// names no source is warned about (W072).
    public var needsSource: [String]
    /// Where `next_review` is written.
    public var location: SourceLocation

    package init(
        entries: [String: Entry], order: [String], reviewed: String, nextReview: String, needsSource: [String],
        location: SourceLocation
    ) {
        self.entries = entries
        self.order = order
        self.reviewed = reviewed
        self.nextReview = nextReview
        self.needsSource = needsSource
        self.location = location
    }

    /// The first of `needsSource` that the item's words contain, if any.
    public func claim(in template: Template) -> String? {
        func words(_ segments: [Template.Segment]) -> String {
            var out = ""
            for segment in segments {
                switch segment {
                case .text(let t): out += t
                case .slot(let name, let fallback, _): out += "{{" + name + (fallback.map { "|" + $0 } ?? "") + "}}"
                // Either branch may be shown: both are what the item can state.
                case .choose(_, let then, let otherwise): out += words(then) + " " + words(otherwise)
                }
            }
            return out
        }
        let text = Array(words(template.segments).lowercased())
        return needsSource.first { Self.contains(text, $0.lowercased()) }
    }

    /// Whether `text` holds `phrase` with no letter or digit just before it, nor just after it unless
    /// the phrase ends in `*`.
    static func contains(_ text: [Character], _ phrase: String) -> Bool {
        let prefix = phrase.hasSuffix("*")
        let p = Array(prefix ? String(phrase.dropLast()) : phrase)
        guard !p.isEmpty, p.count <= text.count else { return false }
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        for start in 0...(text.count - p.count) where text[start] == p[0] {
            guard Array(text[start..<start + p.count]) == p else { continue }
            if isWord(p[0]), start > 0, isWord(text[start - 1]) { continue }
            let end = start + p.count
            if !prefix, let last = p.last, isWord(last), end < text.count, isWord(text[end]) { continue }
            return true
        }
        return false
    }
}
