import Understanding

/// The dialog engine: one pure call, `step(state, input) -> (state', outputs)`.
///
/// No terminal, no clock, no globals; the only randomness is the seeded generator inside the
/// state. The REPL, transcript replay, path exploration and any future front end drive this.
///
/// ```swift
/// let engine = Engine(graph: graph)
/// var (state, out) = engine.step(EngineState(seed: 1), .start)
/// (state, out) = engine.step(state, .line("yes"))
/// ```
public struct Engine: Sendable {
    /// The checked dialogs this engine runs.
    public let graph: DialogGraph
    /// Record a trace of nodes, edges, conditions and variants in `EngineState.trace` (replay coverage, explore).
    public var tracing: Bool
    /// Longest answer accepted, in characters; longer input is refused with a message.
    public static let maxInputCharacters = 2_000
    /// Longest answer accepted, in UTF-8 bytes: checked first, so a huge line costs no counting.
    public static let maxInputBytes = 16_000
    /// Nodes entered in one step before the engine gives up (a loop that asks nothing).
    public static let maxStepsPerTurn = 10_000

    /// The graph laid out for stepping (with every interrupt phrase indexed), built once per engine.
    let program: EngineProgram

    /// An engine for `graph` (as the loader made it), recording a trace of each step when `tracing`.
    public init(graph: DialogGraph, tracing: Bool = false) {
        self.graph = graph
        self.tracing = tracing
        program = EngineProgram(graph)
    }

    /// What the person did.
    public enum Input: Sendable, Hashable {
        /// Begin (or begin again) at the entry node.
        case start
        /// A line the person typed.
        case line(String)
        /// Show the open question again (after resuming a saved session).
        case repeatQuestion
    }

    /// One turn: `input` applied to `state`, giving the next state and what to show the person. Pure: the
    /// same state and input always give the same result, so replay, exploration and a chat all agree.
    public func step(_ state: consuming EngineState, _ input: Input) -> (EngineState, [Output]) {
        step(state, input, keepingTrace: false)
    }

    /// `step`, and with `keepingTrace` the step's trace is appended to `state.trace` instead of
    /// replacing it (a replay gathers a whole conversation's trace this way, without copying it).
    package func step(_ state: consuming EngineState, _ input: Input, keepingTrace: Bool) -> (EngineState, [Output]) {
        // `consuming`: a caller that replaces its state with the result hands it over without a copy,
        // so the step's changes to slots and history do not copy them first.
        var turn = Turn(program: program, tracing: tracing, state: state)
        if !keepingTrace {
            turn.state.trace.removeAll(keepingCapacity: true)
            // Room for a typical step, so appending does not reallocate as it grows.
            if tracing { turn.state.trace.reserveCapacity(16) }
        }
        turn.outputs.reserveCapacity(4)
        switch input {
        case .start: turn.begin()
        case .line(let text): turn.handle(text)
        case .repeatQuestion: turn.repeatQuestion()
        }
        turn.settle()
        return (turn.state, turn.outputs)
    }

    /// A reader of the graph's command table for the engine's commands and `extra`, the ones a front end
    /// performs itself (the REPL's `reload` and `save transcript`): one table and one reading for all of
    /// them, so a front end's commands are phrases in the language data like the engine's.
    package func commandReader(adding extra: Set<CommandName> = []) -> CommandReader {
        extra.isEmpty ? program.commands : CommandReader(graph.commands, accepting: CommandName.engine.union(extra))
    }

    /// Words Tab completion should offer at this point: the open question's options, then the engine's
    /// commands and `extra` (a front end's own), each by its first phrase.
    package func completions(for state: EngineState, adding extra: Set<CommandName> = []) -> [String] {
        var words: [String] = []
        if let id = state.position, let q = graph.nodes[id]?.question, let type = graph.slotType(q.slot) {
            switch type {
            case .bool: words += ["yes", "no"]
            case .choice(let options), .multi(let options): words += options.map(\.label)
            default: break
            }
            if q.skippable { words.append("not sure") }
        }
        let commands = CommandName.allCases.filter { CommandName.engine.contains($0) || extra.contains($0) }
        return words + commands.compactMap { graph.commands.shown($0) }
    }

    /// What answering place question `slot` with country `code` records: the country's group as the choice
    /// (`other` when the question has no option for it), and its code, name and numbers in `<slot>.code`,
    /// `.name`, `.emergency`, `.emergency_source` (the public page the number comes from), `.ambulance`,
    /// `.ambulance_source`,
    /// `.crisis`, `.crisis_name`, `.crisis_how` ("call or text") and `.poison`, where the dialogs declare them.
    public static func placeSlots(_ code: String, slot: String, places: Places, graph: DialogGraph) -> [String: Value] {
        let country = places.countries[code] ?? Country(code: code)
        var group = country.group
        if case .choice(let options)? = graph.slotType(slot), !options.contains(where: { $0.value == group }) { group = "other" }
        var out: [String: Value] = [slot: .choice(group)]
        let fields: [(String, String?)] = [
            ("code", code), ("name", country.name), ("emergency", country.emergency), ("emergency_source", country.emergencySource),
            ("ambulance", country.ambulance), ("ambulance_source", country.ambulanceSource), ("crisis", country.crisis),
            ("crisis_name", country.crisisName),
            ("crisis_how", country.crisisHow), ("poison", country.poison),
        ]
        for (field, value) in fields where graph.slots[slot + "." + field] != nil {
            if let value { out[slot + "." + field] = .text(value) }
        }
        return out
    }
}
