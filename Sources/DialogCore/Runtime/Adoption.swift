/// A conversation carried over to an engine's dialogs (`Engine.adopt`): a saved session resumed, or the
/// dialogs reloaded under a running chat. A front end shows `notes`, then `outputs`, and goes on from `state`.
public struct Adoption: Sendable {
    /// Where the conversation goes on.
    public enum Outcome: Sendable, Hashable {
        /// At the open question, or at the nearest earlier one when it is gone.
        case kept
        /// At the first question whose answer no longer fits, to ask it again.
        case askingAgain(NodeID)
        /// From the start, with every answer that still fits (nothing could be kept in place).
        case restarted
    }

    public var state: EngineState
    /// The step that shows the question (or the start): what the person sees next.
    public var outputs: [Output]
    /// For the person, in order: answers dropped (by label and value), and where the conversation goes on
    /// when that is not where it was.
    public var notes: [String]
    public var outcome: Outcome
    /// The slots whose answers no longer fit, in the order they were answered.
    public var dropped: [String]

    public init(state: EngineState, outputs: [Output], notes: [String], outcome: Outcome, dropped: [String]) {
        self.state = state
        self.outputs = outputs
        self.notes = notes
        self.outcome = outcome
        self.dropped = dropped
    }
}
