/// A document declared in JSON: a title and rule-selected items, rendered as Markdown.
public struct DocumentTemplate: Sendable {
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
    }
    public var id: String
    public var title: Template
    public var items: [Item]
    public var location: SourceLocation
}
