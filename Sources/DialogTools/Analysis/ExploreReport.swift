/// What `Explorer.run()` found: the size of the state space, and each proof's outcome with counterexamples.
public struct ExploreReport: Sendable {
    /// One thing `explore` proves about every path.
    public enum Proof: Sendable, Hashable, CustomStringConvertible {
        /// (a) Every reachable state can reach an end by answering.
        case reachesEnd
        /// (b) An unusable answer repeated attempts + 1 times leaves a skippable question.
        case boundedReprompts
        /// (c) Every document renders with no missing slot where it is shown and at every end.
        case documentsComplete
        /// (c') Every text a node says (its `say`, its re-prompt) has a value for each placeholder without a fallback.
        case textsComplete
        /// (d) No question is asked when its slot already has a value (except after back, restart or an interrupt).
        case askedOnce
        /// (e) Each red flag's first phrase leads from every prompt to its target.
        case redFlags
        /// (f) A declared path property (its id).
        case property(String)
        /// The engine never reports a fault in the dialog files (no way on, a missing node, a silent loop).
        case noFault
        /// Exploration finished within the state limit.
        case complete

        /// A short stable name, used in counterexample file names and headers.
        public var id: String {
            switch self {
            case .reachesEnd: return "reaches-end"
            case .boundedReprompts: return "bounded-reprompts"
            case .documentsComplete: return "documents-complete"
            case .textsComplete: return "texts-complete"
            case .askedOnce: return "asked-once"
            case .redFlags: return "red-flags"
            case .property(let p): return "property-" + p
            case .noFault: return "no-fault"
            case .complete: return "complete"
            }
        }

        public var description: String {
            switch self {
            case .reachesEnd: return "every state can reach an end"
            case .boundedReprompts: return "no re-prompt loop is unbounded"
            case .documentsComplete: return "every document renders with no missing slot"
            case .textsComplete: return "every text a node says renders with no missing slot"
            case .askedOnce: return "no question is asked when its slot already has a value"
            case .redFlags: return "red flags fire from every prompt"
            case .property(let p): return "property '\(p)' holds on every path"
            case .noFault: return "the engine reports no fault in the dialog files"
            case .complete: return "the state space was explored completely"
            }
        }
    }

    /// A proof that does not hold, with the shortest path found that shows it.
    public struct Failure: Sendable {
        public var proof: Proof
        public var message: String
        /// What the person types after the start, in order.
        public var inputs: [String]
        /// The path as a transcript that `replay` reproduces (header `counterexample`, `reason`, `seed`).
        public var transcript: Transcript
    }

    /// How many distinct paths lead from the start to an end.
    public enum Paths: Sendable, Hashable {
        /// Counted over the answers (not `back`, `restart` or interrupts) in the deduplicated state graph.
        case count(Double)
        /// The answer graph has cycles, through this many states (a question that starts over, say).
        case cyclic(Int)
    }

    /// Deduplicated states.
    public var states: Int
    /// Engine steps taken.
    public var transitions: Int
    /// States where the conversation is over.
    public var endStates: Int
    /// Prompts at which every red flag was tried: each question state outside interrupt flows, and
    /// each question node inside one.
    public var prompts: Int
    public var redFlags: [String]
    public var paths: Paths
    /// The proofs run, in order; each holds unless `failures` has one for it.
    public var proofs: [Proof]
    public var failures: [Failure]
    /// Facts worth knowing that are not failures (questions that never let go, by design).
    public var notes: [String]

    public var passed: Bool { failures.isEmpty }

    /// The failures of one proof.
    public func failures(of proof: Proof) -> [Failure] { failures.filter { $0.proof == proof } }
}
