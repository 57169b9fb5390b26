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
    }
    public var id: String
    public var description: String
    public var rule: Rule
    public var location: SourceLocation
}
