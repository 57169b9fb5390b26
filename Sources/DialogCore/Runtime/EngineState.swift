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
    /// The line that raised a red flag's check ("is it happening now?"), until the check's flow ends.
    public var checking: CheckedLine?
    /// Red flags whose check the person answered "not now" in this conversation: a later line raises
    /// them again as an alarm, or as a check when it says the thing is new or worse (`check_again`).
    public var notNow: [String] = []

    enum CodingKeys: String, CodingKey {
        case version, position, slots, stack, attempts, history, rng, ended, shown, checking, notNow
    }

    public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        position = try c.decodeIfPresent(NodeID.self, forKey: .position)
        slots = try c.decode([String: Value].self, forKey: .slots)
        stack = try c.decode([Frame].self, forKey: .stack)
        attempts = try c.decode(Int.self, forKey: .attempts)
        history = try c.decode([Snapshot].self, forKey: .history)
        rng = try c.decode(SplitMix64.self, forKey: .rng)
        ended = try c.decode(Bool.self, forKey: .ended)
        shown = try c.decode([String].self, forKey: .shown)
        // Sessions saved before checks were remembered have neither.
        checking = try c.decodeIfPresent(CheckedLine.self, forKey: .checking)
        notNow = try c.decodeIfPresent([String].self, forKey: .notNow) ?? []
    }

    /// A line that raised a red flag's check, kept while the check is asked: when the check's flow
    /// returns to `question` without reaching `alarm` (the answer was "not now"), the line is read
    /// again there as the answer, and its red flags join `notNow`.
    public struct CheckedLine: Sendable, Hashable, Codable {
        public var line: String
        /// The question the line was typed at.
        public var question: NodeID
        /// The red flags the line asked about.
        public var flags: [String]
        /// The interrupt's alarm node: entering it means the answer was "yes, now".
        public var alarm: NodeID
    }

    /// A stack entry.
    public enum Frame: Sendable, Hashable, Codable {
        /// After the called dialog returns, leave `caller` by its edges.
        case call(caller: NodeID)
        /// After an interrupt's flow returns, ask the question at this node again.
        case resume(question: NodeID)
    }

    /// The place on the stack of the first `resume` frame (where an interrupt's flow began), or nil
    /// when no interrupt's flow is running.
    public var firstResumeFrame: Int? {
        stack.firstIndex { if case .resume = $0 { return true } else { return false } }
    }

    /// Whether an interrupt's flow is running: `back` would leave it, and its questions are not the
    /// conversation's own.
    public var inInterruptFlow: Bool { firstResumeFrame != nil }

    /// The parts of the state that `back` restores.
    public struct Snapshot: Sendable, Hashable, Codable {
        public var position: NodeID?
        public var slots: [String: Value]
        public var stack: [Frame]
        public var shown: [String]
    }

    var snapshot: Snapshot { Snapshot(position: position, slots: slots, stack: stack, shown: shown) }

    mutating func restore(_ s: Snapshot) {
        checking = nil
        position = s.position
        slots = s.slots
        stack = s.stack
        shown = s.shown
        attempts = 0
        ended = false
    }
}
