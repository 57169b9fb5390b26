/// Everything about one conversation, as a plain value: save it, restore it, compare it.
public struct EngineState: Sendable, Hashable, Codable {
    /// Format version of this value when encoded; sessions from a newer version are refused.
    public static let version = 1
    public var version = EngineState.version
    /// The node whose question is open (nil before start and after the end).
    public var position: NodeID?
    public var slots: [String: Value] = [:]
    /// Where to go back to when a dialog `return`s.
    public var stack: [Frame] = []
    /// Unusable answers given to the open question so far.
    public var attempts = 0
    /// Snapshots taken before each accepted answer, for `back`.
    public var history: [Snapshot] = []
    public var rng: SplitMix64
    public var ended = false
    /// Documents shown so far, in order.
    public var shown: [String] = []
    /// What the last step did, when the engine traces (coverage, replay routes, explore). Not saved.
    public var trace: [TraceEvent] = []

    enum CodingKeys: String, CodingKey {
        case version, position, slots, stack, attempts, history, rng, ended, shown
    }

    public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// A stack entry.
    public enum Frame: Sendable, Hashable, Codable {
        /// After the called dialog returns, leave `caller` by its edges.
        case call(caller: NodeID)
        /// After an interrupt's flow returns, ask the question at this node again.
        case resume(question: NodeID)
    }

    /// The parts of the state that `back` restores.
    public struct Snapshot: Sendable, Hashable, Codable {
        public var position: NodeID?
        public var slots: [String: Value]
        public var stack: [Frame]
        public var shown: [String]
    }

    var snapshot: Snapshot { Snapshot(position: position, slots: slots, stack: stack, shown: shown) }

    mutating func restore(_ s: Snapshot) {
        position = s.position
        slots = s.slots
        stack = s.stack
        shown = s.shown
        attempts = 0
        ended = false
    }
}
