/// One thing the engine did during a step, recorded when `Engine.tracing` is on.
public enum TraceEvent: Sendable, Hashable {
    case enter(NodeID)
    /// Edge `index` of the node's `next` list was taken.
    case edge(NodeID, Int)
    /// Edge `index`'s condition was evaluated with this outcome.
    case condition(NodeID, Int, Bool)
    /// Say-variant `index` was picked.
    case variant(NodeID, Int)
    /// An unusable answer led to a re-prompt at this node.
    case reprompt(NodeID)
    /// Item `index` of a document was included.
    case documentItem(String, Int)
    case interrupt(String)
    /// How the line typed at this node was read, and the rule (file:line) that decided: "red flag
    /// 'stroke' by '@face ~3 @droop' (redflags.json:12)", "yes by the concept answer_yes (answers.json:40)".
    case understood(NodeID, String)
}
