/// A phrase that can come up at any question and jumps somewhere (a red flag, a common question).
public struct Interrupt: Sendable {
    public var id: String
    public var keywords: [String]
    public var matcher: PhraseMatcher
    public var target: NodeID
    /// When true, the target's `return` asks the interrupted question again.
    public var resume: Bool
    /// Urgent interrupts (red flags) are checked before the answer is read. Others (common
    /// questions) only when the line is not a usable answer, or reads as a question ("…?", "can I…"),
    /// so "I'd prefer online" answers the question instead of opening the "online" FAQ.
    public var urgent: Bool
    public var priority: Int
    public var location: SourceLocation
}
