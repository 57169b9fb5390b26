/// A phrase that can come up at any question and jumps somewhere (a red flag, a common question).
public struct Interrupt: Sendable {
    public var id: String
    public var keywords: [String]
    public var matcher: PhraseMatcher
    public var target: NodeID
    /// When true, the target's `return` asks the interrupted question again.
    public var resume: Bool
    public var priority: Int
    public var location: SourceLocation
}
