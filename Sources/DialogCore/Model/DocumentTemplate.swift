/// A document declared in JSON: a title and rule-selected items, rendered as Markdown or plain text.
public struct DocumentTemplate: Sendable {
    /// What goes before the title and each kind of item: the document's `style`, then its own `marks`.
    public struct Marks: Sendable, Hashable {
        public var title: String
        public var heading: String
        public var bullet: String
        public var check: String

        public init(title: String, heading: String, bullet: String, check: String) {
            self.title = title
            self.heading = heading
            self.bullet = bullet
            self.check = check
        }

        /// `"style": "markdown"` (the default): `# `, `## `, `- `, `- [ ] `.
        public static let markdown = Marks(title: "# ", heading: "## ", bullet: "- ", check: "- [ ] ")
        /// `"style": "plain"`: for letters that are printed or pasted: no marks on titles and headings.
        public static let plain = Marks(title: "", heading: "", bullet: "- ", check: "[ ] ")
        public static let styles: [String: Marks] = ["markdown": .markdown, "plain": .plain]

        /// The mark before an item of `kind` (nothing before a paragraph).
        public func lead(_ kind: Kind) -> String {
            switch kind {
            case .heading: return heading
            case .text: return ""
            case .bullet: return bullet
            case .check: return check
            }
        }
    }

    public enum Kind: String, Sendable, CaseIterable {
        case heading, text, bullet, check
    }
    public struct Item: Sendable {
        public var kind: Kind
        public var template: Template
        public var condition: Condition?
        public var location: SourceLocation
        /// Keys of `SourceCatalog` entries the item cites (its `source`).
        public var sources: [String] = []

        package init(
            kind: Kind, template: Template, condition: Condition?, location: SourceLocation, sources: [String] = []
        ) {
            self.kind = kind
            self.template = template
            self.condition = condition
            self.location = location
            self.sources = sources
        }
    }
    public var id: String
    public var title: Template
    public var items: [Item]
    public var location: SourceLocation
    public var marks: Marks = .markdown

    package init(id: String, title: Template, items: [Item], location: SourceLocation, marks: Marks = .markdown) {
        self.id = id
        self.title = title
        self.items = items
        self.location = location
        self.marks = marks
    }
}
