/// A property of every path, declared in dialog JSON and proved by `explore`.
public struct PathProperty: Sendable {
    public enum Rule: Sendable {
        /// On every path that reaches `then`, `first` was reached earlier.
        case before(first: NodeID, then: NodeID)
        /// No path reaches `node` (optionally: while `when` holds on arrival).
        case never(node: NodeID, when: Condition?)
        /// Every complete path passes through `node` (optionally: every path on which `when` holds at the end).
        case alwaysReaches(node: NodeID, when: Condition?)
        /// No document shown at a node, or written at the end (as `save` writes them), contains any of
        /// `phrases`, ignoring case (optionally: only while `when` holds there).
        case neverWrites(phrases: [String], when: Condition?)
        /// Every document shown at a node, or written at the end, includes an item whose words contain
        /// one of `phrases`, a placeholder read as `{{slot|fallback}}` (optionally: only while `when` holds).
        case alwaysWrites(phrases: [String], when: Condition?)
        /// No answer that a document shows holds one of `phrases` (ignoring case); `explore` types each
        /// phrase at every question whose answer a document shows.
        case neverAnswers(phrases: [String])
        /// No text said at a node (its `say`, the branch of a `{ "when" … }` say that holds, and its
        /// question's re-prompt) contains any of `phrases`, ignoring case (optionally: only while `when`
        /// holds on arrival). Placeholders read as their fallbacks: what the person typed is theirs.
        case neverSays(phrases: [String], when: Condition?)
    }
    public var id: String
    public var description: String
    public var rule: Rule
    public var location: SourceLocation

    package init(id: String, description: String, rule: Rule, location: SourceLocation) {
        self.id = id
        self.description = description
        self.rule = rule
        self.location = location
    }
}
