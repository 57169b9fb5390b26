import DialogCore

/// Walks every path of a dialog graph, breadth first over deduplicated engine states, and proves
/// properties of all of them; each failure comes with a counterexample transcript that `replay`
/// reproduces.
///
/// ```swift
/// let report = Explorer(graph: graph).run()
/// print(report.states, report.paths)                 // 6124 count(3985312754.0)
/// for f in report.failures { print(f.transcript.render()) }
/// ```
///
/// At each open question it types: every option of a choice (by label), yes and no, a number's lowest,
/// highest and middle value and one it refuses, each single option of a multi plus "none" and "all",
/// the first keyword of every keyword rule plus one unmatched free text, "skip" where skipping is
/// allowed, one unusable answer ("zzzz"), `back`, `restart`, and the first phrase of every interrupt.
/// Interrupts are followed from questions outside an interrupt's flow; inside one, red flags are only
/// checked to fire, once per question node (following them would nest flows without bound), and
/// `back` and `restart` are not tried (they lead to states explored already). An interrupt whose
/// flow only talks and returns is stepped once per question node where it comes straight back.
///
/// States are deduplicated by `ExploreAbstraction`: position, stack, attempts, ended, the
/// property-monitor bits, and what later conditions and checks can still read of each slot.
///
/// A flow that asks questions and then resumes is explored as a summary (`FlowSummary`), as in
/// interprocedural analysis: inside it, a state keeps only what the flow can read and the slots it
/// can write (`ExploreAbstraction.flowKey`), so the flow is walked once for all the questions it
/// interrupts that look alike to it. Each way out of the flow is typed again from every state that
/// entered it, and that last step is checked with the caller's own answers; a counterexample
/// through the flow is the caller's path plus the flow's lines, and replays as typed.
public struct Explorer: Sendable {
    /// Limits and the seed of the explored conversations.
    public struct Options: Sendable {
        /// Stop (and fail the `complete` proof) after this many states.
        public var maxStates: Int
        /// The seed every explored conversation starts with (phrasing only).
        public var seed: UInt64

        public init(maxStates: Int = 250_000, seed: UInt64 = 1) {
            self.maxStates = maxStates
            self.seed = seed
        }
    }

    public let graph: DialogGraph
    public var options: Options

    public init(graph: DialogGraph, options: Options = Options()) {
        self.graph = graph
        self.options = options
    }

    /// Interrupts that count as red flags: urgent ones, and those that do not resume or have priority 10 or more.
    public static func isRedFlag(_ interrupt: Interrupt) -> Bool {
        interrupt.urgent || !interrupt.resume || interrupt.priority >= 10
    }

    public func run() -> ExploreReport {
        var run = ExploreRun(graph: graph, options: options)
        return run.explore()
    }
}

/// One exploration: the state table, the transitions the proofs need, and the failures found.
struct ExploreRun {
    typealias Input = ExploreInputs.Input

    let graph: DialogGraph
    let options: Options
    let engine: Engine
    let abstraction: ExploreAbstraction
    let inputs: ExploreInputs
    let properties: PropertyCheck
    let redFlags: [Int]
    typealias Options = Explorer.Options

    /// Concrete representative of each deduplicated state.
    var states: [EngineState] = []
    var monitors: [UInt64] = []
    /// Per state: the monitor bits at each entry of the engine's `history`, so `back` restores them too.
    var monitorHistory: [[UInt64]] = []
    var parent: [Int32] = []
    /// The lines typed from `parent` to each state: one, or (after an interrupt flow's summary) the
    /// flow's lines and the answer that left it.
    var via: [[String]] = []
    /// Per state: the summary (index into `summaries`) of the interrupt flow it waits in, or -1.
    var flowOf: [Int32] = []
    var summaries: [FlowSummary] = []
    var summaryIndex: [ExploreAbstraction.Key: Int32] = [:]
    private var exitEdges: Set<Int64> = []
    var index: [ExploreAbstraction.Key: Int32] = [:]
    /// Successors by answers and unusable answers (the steps of a path), without duplicates.
    var forward: [[Int32]] = []
    /// Successor by the unusable answer, or -1.
    var unusableNext: [Int32] = []
    /// Whether the unusable answer moved on (entered a node or ended) rather than re-prompting.
    var unusableLeaves: [Bool] = []
    /// Whether the last step entered a node or ended the conversation.
    private var lastStepMoved = false
    var transitions = 0
    var prompts = 0
    /// Question nodes (inside interrupt flows: interrupt 1; with attempts behind: 0) where red flags were tried.
    private var redFlagsChecked: Set<InterruptAt> = []
    /// Per interrupt: its flow only talks and returns (no question, `set`, document, property node,
    /// condition or call), so it cannot change anything but the transcript.
    let pureFlows: [Bool]
    /// Per node, `checkedNode` when entering it matters to a check (a property watches it or it shows a
    /// document that can miss a slot) and `assigningNode` when it has `set` assignments; nodes with
    /// neither are left out. One lookup per entered node.
    let nodeKinds: [NodeID: UInt8]
    static let checkedNode: UInt8 = 1
    static let assigningNode: UInt8 = 2
    /// Whether a pure interrupt flow fired at the question and came back to the same state.
    private var comesBack: [InterruptAt: Bool] = [:]

    /// An interrupt flow entered (by an interrupt, or by `back` into it) in one state of what the flow
    /// can read and write (`ExploreAbstraction.flowKey` of its first state): the flow's states are explored once for every state that enters it like
    /// this, and each way out of it (an answer that resumes the question, or ends the conversation) is
    /// replayed, as typed lines, from each of those states — so the steps out are checked with each
    /// caller's own answers, and the state reached is the caller's, not a representative's.
    struct FlowSummary {
        /// What the flow can write from its first state on (`ExploreAbstraction.flowWrites`).
        var writes: ExploreAbstraction.VariableSet
        /// The flow's first state.
        var first: Int32
        /// The states (outside flows) that entered the flow this way.
        var callers: [Int32] = []
        /// The ways out: a flow state and the line typed there.
        var exits: [(from: Int32, input: Input)] = []
        var exitKeys: Set<Exit> = []
        /// Per applied exit: the caller, the exit and the state it led to.
        var results: [(caller: Int32, exit: Int, to: Int32)] = []
    }

    /// A way out of a flow state, by where the representative's line led.
    struct Exit: Hashable {
        var from: Int32
        var to: EngineState
    }

    struct InterruptAt: Hashable {
        var interrupt: Int
        var node: NodeID
    }
    var limitReached = false

    private struct Found {
        var proof: ExploreReport.Proof
        var message: String
        var inputs: [String]
    }

    private var found: [Found] = []
    private var foundKeys: Set<String> = []
    private var notes: [String] = []
    static let maxFailures = 25

    init(graph: DialogGraph, options: Options) {
        self.graph = graph
        self.options = options
        engine = Engine(graph: graph, tracing: true)
        abstraction = ExploreAbstraction(graph: graph)
        inputs = ExploreInputs(graph: graph)
        properties = PropertyCheck(graph: graph)
        redFlags = graph.interrupts.indices.filter { Explorer.isRedFlag(graph.interrupts[$0]) }
        let watcher = properties
        let risky = abstraction
        var kinds: [NodeID: UInt8] = [:]
        for id in graph.nodeOrder {
            var kind: UInt8 = 0
            if watcher.watches(id) || risky.riskyTexts[id] != nil
                || ((!watcher.writeChecks.isEmpty || !watcher.mustWrites.isEmpty) && !(graph.nodes[id]?.documents ?? []).isEmpty)
                || (graph.nodes[id]?.documents ?? []).contains(where: { !(risky.riskyItems[$0] ?? []).isEmpty || risky.riskyTitles.contains($0) })
            {
                kind |= Self.checkedNode
            }
            if !(graph.nodes[id]?.assignments.isEmpty ?? true) { kind |= Self.assigningNode }
            if kind != 0 { kinds[id] = kind }
        }
        nodeKinds = kinds
        pureFlows = graph.interrupts.map { Self.isPure($0, graph: graph, properties: watcher) }
    }

    static func isPure(_ interrupt: Interrupt, graph: DialogGraph, properties: PropertyCheck) -> Bool {
        guard interrupt.resume else { return false }
        var seen: Set<NodeID> = [interrupt.target]
        var queue = [interrupt.target]
        while let id = queue.popLast() {
            guard let node = graph.nodes[id], node.question == nil, node.assignments.isEmpty, node.documents.isEmpty,
                !properties.watches(id)
            else { return false }
            switch node.exit {
            case .returns: continue
            case .next(let edges):
                guard edges.count == 1, edges[0].condition == nil else { return false }
                if seen.insert(edges[0].target).inserted { queue.append(edges[0].target) } else { return false }
            case .call, .end: return false
            }
        }
        return true
    }

    // MARK: - Breadth-first search

    mutating func explore() -> ExploreReport {
        _ = visit(from: nil, input: nil, enqueue: true)
        var next = 0
        while next < states.count {
            if states.count >= options.maxStates {
                limitReached = true
                break
            }
            expand(Int32(next))
            next += 1
        }
        if limitReached {
            record(
                .complete, key: "limit",
                "stopped at \(options.maxStates) states before exploring every path; raise --max-states",
                inputs: path(to: Int32(states.count - 1)))
        } else {
            proveReachesEnd()
            proveBoundedReprompts()
        }
        for id in properties.unchecked { notes.append("property '\(id)' not checked: at most 64 properties need memory") }
        return report()
    }

    private mutating func expand(_ s: Int32) {
        let state = states[Int(s)]
        forward.append([])
        unusableNext.append(-1)
        unusableLeaves.append(false)
        guard !state.ended, let position = state.position else { return }
        var successors: Set<Int32> = []
        for input in inputs.answers(at: position) {
            guard let t = visit(from: s, input: input, enqueue: true) else { continue }
            if successors.insert(t).inserted { forward[Int(s)].append(t) }
            if input.kind == .unusable {
                unusableNext[Int(s)] = t
                unusableLeaves[Int(s)] = lastStepMoved
            }
        }
        let inFlow = state.inInterruptFlow
        // Inside an interrupt's flow, `back` returns to the question the interrupt came from and `restart`
        // to the start: states explored already, so they are tried only outside flows.
        if !inFlow {
            if let back = inputs.back { _ = visit(from: s, input: Input(text: back, kind: .back), enqueue: true) }
            if let restart = inputs.restart { _ = visit(from: s, input: Input(text: restart, kind: .restart), enqueue: true) }
        }
        if !inFlow && state.attempts == 0 {
            prompts += 1
            for (k, phrase) in inputs.interruptPhrases.enumerated() {
                let here = InterruptAt(interrupt: k, node: position)
                // A flow that only talks and returns brings every state at this question straight back.
                if pureFlows[k], comesBack[here] == true { continue }
                let t = visit(from: s, input: Input(text: phrase, kind: .interrupt(k)), enqueue: true)
                if pureFlows[k], comesBack[here] == nil { comesBack[here] = t == s }
            }
        } else if redFlagsChecked.insert(InterruptAt(interrupt: inFlow ? 1 : 0, node: position)).inserted {
            // Elsewhere (inside an interrupt's flow, or with unusable answers behind, which an interrupt
            // forgets) an interrupt leads where it leads from the question's first state, and whether a
            // red flag fires depends only on the typed line and the question: red flags are tried once
            // per question node, to prove they fire.
            prompts += 1
            for k in redFlags {
                _ = visit(from: s, input: Input(text: inputs.interruptPhrases[k], kind: .interrupt(k)), enqueue: false)
            }
        }
    }

    /// Takes one step from state `s` (or the start); checks it; returns the (possibly new) state it leads to.
    private mutating func visit(from s: Int32?, input: Input?, enqueue: Bool) -> Int32? {
        let before = s.map { states[Int($0)] } ?? EngineState(seed: options.seed)
        let stepped = engine.step(before, input.map { .line($0.text) } ?? .start)
        transitions += 1
        if enqueue, let s, let input, flowOf[Int(s)] >= 0, !ExploreAbstraction.inFlow(stepped.0) {
            var out = stepped.0
            out.trace = []
            leaveFlow(summary: Int(flowOf[Int(s)]), from: s, input: input, to: out)
            return nil
        }
        let from = Int(s ?? 0)
        return take(
            stepped, before: before, from: s, prefix: [], input: input, enqueue: enqueue,
            monitors: s == nil ? 0 : monitors[from], monitorHistory: s == nil ? [] : monitorHistory[from])
    }

    /// Checks one step the engine took from `before`, which stored state `s` (or the start) leads to
    /// by the lines `prefix`; stores the state it leads to (unless `enqueue` is false).
    private mutating func take(
        _ stepped: (EngineState, [Output]), before: EngineState, from s: Int32?, prefix: [String], input: Input?, enqueue: Bool,
        monitors beforeMonitors: UInt64, monitorHistory beforeHistory: [UInt64]
    ) -> Int32? {
        var next = stepped.0
        let outputs = stepped.1
        let kind = input?.kind
        let restarts = input == nil || kind == .restart
        var mon: UInt64 = 0
        if !restarts {
            mon = beforeMonitors
            if kind == .back, next.history.count < before.history.count, let saved = beforeHistory.last { mon = saved }
        }
        let preSlots: [String: Value] =
            restarts ? [:] : kind == .back ? (before.history.last?.slots ?? before.slots) : before.slots
        var entered: [NodeID] = []
        var interrupted: String?
        for event in next.trace {
            switch event {
            case .enter(let id): entered.append(id)
            case .interrupt(let id): interrupted = id
            default: break
            }
        }
        lastStepMoved = !entered.isEmpty || next.ended
        var kinds: [UInt8] = []
        var kindsSeen: UInt8 = 0
        if !nodeKinds.isEmpty, !entered.isEmpty {
            kinds = entered.map { nodeKinds[$0] ?? 0 }
            kindsSeen = kinds.reduce(0, |)
        }
        // The timeline (which copies the graph) is made only when an entered node is checked.
        if kindsSeen & Self.checkedNode != 0 {
            checkEntered(entered, kinds: kinds, before: preSlots, after: next.slots, from: s, prefix: prefix, input, monitors: &mon)
        }
        if !properties.answerChecks.isEmpty {
            for v in properties.answered(before: preSlots, after: next.slots, types: graph.slotType) {
                let p = properties.properties[v.property]
                record(.property(p.id), key: v.message, v.message + describe(p), inputs: pathThrough(s, input, prefix: prefix))
            }
        }
        for case .text(let text, .alert) in outputs where text.contains("fault in the dialog files") {
            record(.noFault, key: text, text, inputs: pathThrough(s, input, prefix: prefix))
        }
        // (d) A question newly asked in this step must find its slot empty, unless the person went back
        // or restarted, or an interrupt's flow is running.
        // (The cheap tests first: the node's question is looked up only when they pass.)
        if kind != .back, kind != .restart, interrupted == nil, let p = next.position, entered.last == p,
            !next.inInterruptFlow,
            let q = graph.nodes[p]?.question, let value = next.slots[q.slot]
        {
            record(
                .askedOnce, key: p.description,
                "'\(p)' asks for '\(q.slot)' although it already has the answer \(value.literal)", inputs: pathThrough(s, input, prefix: prefix))
        }
        if case .interrupt(let k)? = kind, redFlags.contains(k), let from = before.position {
            let flag = graph.interrupts[k]
            if interrupted != flag.id || !entered.contains(flag.target) {
                var what = interrupted.map { "interrupt '\($0)' fired instead" } ?? "no interrupt fired"
                if interrupted == nil, !flag.urgent { what += " (it is not \"urgent\": true, so an answer the question can use goes first)" }
                record(
                    .redFlags, key: "\(flag.id)@\(from)",
                    "red flag '\(flag.id)' (\"\(inputs.interruptPhrases[k])\") does not lead from '\(from)' to '\(flag.target)': \(what)",
                    inputs: pathThrough(s, input, prefix: prefix))
            }
        }
        guard enqueue else { return nil }

        next.trace = []
        // Inside a flow: its summary's, or (entering it from outside) the summary of what it can read.
        var summary: Int32 = prefix.isEmpty ? (s.map { flowOf[Int($0)] } ?? -1) : -1
        var entering = false
        if summary < 0, prefix.isEmpty, ExploreAbstraction.inFlow(next) {
            let writes = abstraction.flowWrites(next)
            let entry = abstraction.flowKey(next, monitors: mon, writes: writes, tag: -2)!
            if let e = summaryIndex[entry] {
                summary = e
            } else {
                summary = Int32(summaries.count)
                summaryIndex[entry] = summary
                summaries.append(FlowSummary(writes: writes, first: -1))
            }
            entering = true
        } else if summary >= 0, !ExploreAbstraction.inFlow(next) {
            summary = -1
        }
        let key =
            summary >= 0
            ? abstraction.flowKey(next, monitors: mon, writes: summaries[Int(summary)].writes, tag: summary)
                ?? abstraction.key(next, monitors: mon)
            : abstraction.key(next, monitors: mon)
        var t: Int32
        if let found = index[key] {
            t = found
        } else {
            t = Int32(states.count)
            index[key] = t
            states.append(next)
            monitors.append(mon)
            monitorHistory.append(
                Self.monitorHistory(
                    restarts ? [] : beforeHistory, before: restarts ? 0 : before.history.count, after: next.history.count,
                    monitors: restarts ? 0 : beforeMonitors))
            parent.append(s ?? -1)
            via.append(prefix + [input?.text ?? ""])
            flowOf.append(summary)
            if next.ended { checkEnd(t, last: entered.last) }
        }
        if entering, let s {
            let e = Int(summary)
            if summaries[e].first < 0 { summaries[e].first = t }
            // A state enters a summary once (its interrupts and answers are tried one after another).
            guard summaries[e].callers.last != s else { return t }
            summaries[e].callers.append(s)
            var replayed: [Int32: Replayed] = [:]
            for x in summaries[e].exits.indices { applyExit(summary: e, exit: x, caller: s, replayed: &replayed) }
        }
        return t
    }

    /// A line typed in a flow state left the flow: the way out is replayed from every state that
    /// entered the flow's summary (and from those that enter it later). A line that leaves flow state
    /// `f` for the very same engine state as another line did (another way to type the same answer)
    /// is the same way out for every caller: the answer read is the same, and the step from it
    /// depends on nothing else.
    private mutating func leaveFlow(summary e: Int, from f: Int32, input: Input, to out: EngineState) {
        if input.kind == .unusable { unusableLeaves[Int(f)] = true }
        guard summaries[e].exitKeys.insert(Exit(from: f, to: out)).inserted else { return }
        summaries[e].exits.append((f, input))
        let x = summaries[e].exits.count - 1
        for caller in summaries[e].callers {
            var replayed: [Int32: Replayed] = [:]
            applyExit(summary: e, exit: x, caller: caller, replayed: &replayed)
        }
    }

    /// The flow states from summary `e`'s first state to `f`, in order.
    func flowChain(_ f: Int32) -> [Int32] {
        var chain: [Int32] = []
        var at = f
        while at >= 0, flowOf[Int(at)] >= 0 {
            chain.append(at)
            at = parent[Int(at)]
        }
        return chain.reversed()
    }

    /// A caller's state at a flow state of a summary, reached by typing the flow's lines.
    struct Replayed {
        var state: EngineState
        var monitors: UInt64
        var monitorHistory: [UInt64]
        var lines: [String]
    }

    /// The caller's state at flow state `f` (`replayed` keeps those of one caller already typed).
    private mutating func replay(_ f: Int32, caller c: Int32, replayed: inout [Int32: Replayed]) -> Replayed {
        if let done = replayed[f] { return done }
        let p = parent[Int(f)]
        var from =
            flowOf[Int(f)] >= 0 && p >= 0 && flowOf[Int(p)] >= 0
            ? replay(p, caller: c, replayed: &replayed)
            : Replayed(state: states[Int(c)], monitors: monitors[Int(c)], monitorHistory: monitorHistory[Int(c)], lines: [])
        let line = via[Int(f)].last ?? ""
        let next = engine.step(from.state, .line(line)).0
        transitions += 1
        from.monitorHistory = Self.monitorHistory(
            from.monitorHistory, before: from.state.history.count, after: next.history.count, monitors: from.monitors)
        from.monitors = monitors[Int(f)]
        from.state = next
        from.lines.append(line)
        replayed[f] = from
        return from
    }

    /// Replays exit `x` of summary `e` from `caller`: the flow's lines (each step as it was checked in
    /// the summary), then the line out, taken and checked with the caller's own answers.
    private mutating func applyExit(summary e: Int, exit x: Int, caller c: Int32, replayed: inout [Int32: Replayed]) {
        let (f, input) = summaries[e].exits[x]
        let at = replay(f, caller: c, replayed: &replayed)
        var state = at.state
        let mon = at.monitors
        let history = at.monitorHistory
        let lines = at.lines
        state.trace = []
        let stepped = engine.step(state, .line(input.text))
        transitions += 1
        guard
            let r = take(
                stepped, before: state, from: c, prefix: lines, input: input, enqueue: true, monitors: mon, monitorHistory: history)
        else { return }
        summaries[e].results.append((c, x, r))
        if exitEdges.insert(Int64(f) << 32 | Int64(r)).inserted { forward[Int(f)].append(r) }
    }

    /// Property and document checks at each entered node that one of them watches.
    private mutating func checkEntered(
        _ entered: [NodeID], kinds: [UInt8], before: [String: Value], after: [String: Value], from s: Int32?, prefix: [String],
        _ input: Input?,
        monitors mon: inout UInt64
    ) {
        let timeline = ExploreTimeline(
            before: before, after: after, entered: entered, graph: graph,
            assigns: kinds.contains { $0 & Self.assigningNode != 0 })
        for (j, id) in entered.enumerated() where kinds[j] & Self.checkedNode != 0 {
            if properties.watches(id) {
                for v in properties.enter(id, slots: { timeline.slots(at: j) }, monitors: &mon) {
                    let p = properties.properties[v.property]
                    record(.property(p.id), key: "", v.message + describe(p), inputs: pathThrough(s, input, prefix: prefix))
                }
            }
            if let names = abstraction.riskyTexts[id] {
                let slots = timeline.slots(at: j)
                let missing = names.filter { slots[$0] == nil }
                if !missing.isEmpty {
                    record(
                        .textsComplete, key: "\(id)",
                        "node '\(id)' says a text without \(list(missing)) (give the placeholder a fallback: {{slot|words}})",
                        inputs: pathThrough(s, input, prefix: prefix))
                }
            }
            let shown = graph.nodes[id]?.documents ?? []
            if !properties.writeChecks.isEmpty, !shown.isEmpty {
                for v in properties.written(shown, slots: timeline.slots(at: j)) {
                    let p = properties.properties[v.property]
                    record(.property(p.id), key: "\(id)", v.message + " at '\(id)'" + describe(p), inputs: pathThrough(s, input, prefix: prefix))
                }
            }
            if !properties.mustWrites.isEmpty, !shown.isEmpty {
                for v in properties.unwritten(shown, slots: timeline.slots(at: j)) {
                    let p = properties.properties[v.property]
                    record(.property(p.id), key: "\(id)", v.message + " at '\(id)'" + describe(p), inputs: pathThrough(s, input, prefix: prefix))
                }
            }
            for doc in shown where isRisky(doc) {
                let missing = missingSlots(doc, slots: timeline.slots(at: j))
                if !missing.isEmpty {
                    record(
                        .documentsComplete, key: "\(doc)@\(id)",
                        "document '\(doc)' shown at '\(id)' misses \(list(missing)) (give the placeholder a fallback: {{slot|words}})",
                        inputs: pathThrough(s, input, prefix: prefix))
                }
            }
        }
    }

    /// The monitor history after a step that took the engine's history from `before` to `after` entries.
    static func monitorHistory(_ old: [UInt64], before: Int, after: Int, monitors: UInt64) -> [UInt64] {
        if after <= before { return Array(old.prefix(after)) }
        return old + Array(repeating: monitors, count: after - before)
    }

    private mutating func checkEnd(_ t: Int32, last: NodeID?) {
        let state = states[Int(t)]
        for v in properties.end(at: last, slots: state.slots, monitors: monitors[Int(t)]) {
            let p = properties.properties[v.property]
            record(.property(p.id), key: "", v.message + describe(p), inputs: path(to: t))
        }
        for v in properties.written(graph.documentOrder, slots: state.slots) + properties.unwritten(graph.documentOrder, slots: state.slots) {
            let p = properties.properties[v.property]
            record(.property(p.id), key: "end", v.message + " at the end" + describe(p), inputs: path(to: t))
        }
        for doc in graph.documentOrder where isRisky(doc) {
            let missing = missingSlots(doc, slots: state.slots)
            if !missing.isEmpty {
                record(
                    .documentsComplete, key: "\(doc)@end",
                    "document '\(doc)' at the end\(last.map { " ('\($0)')" } ?? "") misses \(list(missing)) (give the placeholder a fallback: {{slot|words}})",
                    inputs: path(to: t))
            }
        }
    }

    private func describe(_ p: PathProperty) -> String {
        p.description.isEmpty || p.description == p.id ? "" : " — \(p.description)"
    }

    private func isRisky(_ doc: String) -> Bool {
        !(abstraction.riskyItems[doc] ?? []).isEmpty || abstraction.riskyTitles.contains(doc)
    }

    private func missingSlots(_ doc: String, slots: [String: Value]) -> [String] {
        guard let template = graph.documents[doc] else { return [] }
        var seen: Set<String> = []
        return DocumentRenderer.missingSlots(template, slots: slots).filter { seen.insert($0).inserted }
    }

    private func list(_ names: [String]) -> String {
        (names.count == 1 ? "slot " : "slots ") + names.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// The inputs from the start through state `s` (nil: the start), then `prefix` and `input`.
    func pathThrough(_ s: Int32?, _ input: Input?, prefix: [String] = []) -> [String] {
        (s.map { path(to: $0) } ?? []) + prefix + (input.map { [$0.text] } ?? [])
    }

    /// The inputs from the start to state `s`, along the breadth-first parents (a shortest path).
    func path(to s: Int32) -> [String] {
        var inputs: [String] = []
        var at = s
        while at > 0 {
            inputs.append(contentsOf: via[Int(at)].reversed())
            at = parent[Int(at)]
        }
        return inputs.reversed()
    }

    private mutating func record(_ proof: ExploreReport.Proof, key: String, _ message: String, inputs: [String]) {
        guard found.count < Self.maxFailures, foundKeys.insert(proof.id + "|" + key).inserted else { return }
        found.append(Found(proof: proof, message: message, inputs: inputs))
    }

    // MARK: - Proofs over the whole state graph

    /// (a) Backwards from the end states along answers: every state must be reached.
    private mutating func proveReachesEnd() {
        var reverse = Array(repeating: [Int32](), count: states.count)
        for (s, succ) in forward.enumerated() { for t in succ { reverse[Int(t)].append(Int32(s)) } }
        var canEnd = states.map(\.ended)
        var queue = canEnd.indices.filter { canEnd[$0] }
        var head = 0
        while head < queue.count {
            for p in reverse[queue[head]] where !canEnd[Int(p)] {
                canEnd[Int(p)] = true
                queue.append(Int(p))
            }
            head += 1
        }
        let stuck = canEnd.indices.filter { !canEnd[$0] }
        guard let first = stuck.first else {
            proveFlowsReachEnd(canEnd)
            return
        }
        let at = states[first].position?.description ?? "nowhere"
        let nodes = Set(stuck.compactMap { states[$0].position }).sorted().prefix(6).map(\.description)
        record(
            .reachesEnd, key: "",
            "\(stuck.count) state\(stuck.count == 1 ? "" : "s") cannot reach an end by any answer, first at '\(at)' (stuck at: \(nodes.joined(separator: ", ")))",
            inputs: path(to: Int32(first)))
    }

    /// (a) for the states of summarized interrupt flows: a flow state stands for one state per caller
    /// of its summary, and each of them must reach an end, by a way out of the flow that leads that
    /// caller to a state that can end.
    private mutating func proveFlowsReachEnd(_ canEnd: [Bool]) {
        var members = Array(repeating: [Int32](), count: summaries.count)
        for s in states.indices where flowOf[s] >= 0 { members[Int(flowOf[s])].append(Int32(s)) }
        for (e, summary) in summaries.enumerated() {
            var good: [Int32: Set<Int>] = [:]
            for c in summary.callers { good[c] = [] }
            for r in summary.results where canEnd[Int(r.to)] { good[r.caller, default: []].insert(r.exit) }
            var reverse: [Int32: [Int32]] = [:]
            for f in members[e] {
                for t in forward[Int(f)] where flowOf[Int(t)] == Int32(e) { reverse[t, default: []].append(f) }
            }
            var done: Set<Set<Int>> = []
            for c in summary.callers {
                let exits = good[c] ?? []
                guard done.insert(exits).inserted else { continue }
                var reached = Set(exits.map { summary.exits[$0].from })
                var queue = Array(reached)
                while let t = queue.popLast() {
                    for p in reverse[t] ?? [] where reached.insert(p).inserted { queue.append(p) }
                }
                guard let f = members[e].first(where: { !reached.contains($0) }) else { continue }
                let at = states[Int(f)].position?.description ?? "nowhere"
                record(
                    .reachesEnd, key: "",
                    "a state in an interrupt's flow cannot reach an end by any answer, at '\(at)'",
                    inputs: path(to: c) + flowChain(f).flatMap { via[Int($0)] })
                return
            }
        }
    }

    /// (b) From each question with no unusable answers yet, attempts + 1 unusable answers must leave it.
    private mutating func proveBoundedReprompts() {
        var byDesign: Set<NodeID> = []
        for s in states.indices where states[s].attempts == 0 && !states[s].ended {
            guard let q = states[s].position, let question = graph.nodes[q]?.question else { continue }
            if case .text? = graph.slotType(question.slot) { continue }
            var at = Int32(s)
            var left = false
            for _ in 0...question.attempts {
                let t = unusableNext[Int(at)]
                if t < 0 || unusableLeaves[Int(at)] {
                    left = true
                    break
                }
                at = t
            }
            if left { continue }
            if !question.skippable {
                byDesign.insert(q)
                continue
            }
            let repeated = Array(repeating: ExploreInputs.unusable, count: question.attempts + 1)
            record(
                .boundedReprompts, key: q.description,
                "'\(q)' still asks after \(question.attempts + 1) unusable answers although it may be skipped",
                inputs: path(to: Int32(s)) + repeated)
        }
        for q in byDesign.sorted() {
            notes.append("'\(q)' never lets go without an answer (\"skip\": false), by design")
        }
    }

    /// Distinct paths from the start to an end over answer steps, or the size of the cycles.
    private func countPaths() -> ExploreReport.Paths {
        let n = states.count
        guard n > 0 else { return .count(0) }
        var reachable = Array(repeating: false, count: n)
        reachable[0] = true
        var order = [0]
        var head = 0
        while head < order.count {
            for t in forward[order[head]] where !reachable[Int(t)] {
                reachable[Int(t)] = true
                order.append(Int(t))
            }
            head += 1
        }
        var indegree = Array(repeating: 0, count: n)
        for s in order { for t in forward[s] { indegree[Int(t)] += 1 } }
        var topo: [Int] = []
        var ready = order.filter { indegree[$0] == 0 }
        while let s = ready.popLast() {
            topo.append(s)
            for t in forward[s] {
                indegree[Int(t)] -= 1
                if indegree[Int(t)] == 0 { ready.append(Int(t)) }
            }
        }
        if topo.count < order.count { return .cyclic(order.count - topo.count) }
        var paths = Array(repeating: 0.0, count: n)
        for s in topo.reversed() {
            var count = states[s].ended ? 1.0 : 0.0
            for t in forward[s] { count += paths[Int(t)] }
            paths[s] = count
        }
        return .count(paths[0])
    }

    // MARK: - Report

    private func report() -> ExploreReport {
        var proofs: [ExploreReport.Proof] = [.reachesEnd, .boundedReprompts, .documentsComplete, .textsComplete, .askedOnce, .redFlags]
        proofs += graph.properties.map { .property($0.id) }
        proofs += [.noFault, .complete]
        let failures = found.map { f in
            ExploreReport.Failure(
                proof: f.proof, message: f.message, inputs: f.inputs,
                transcript: counterexample(f.inputs, proof: f.proof, message: f.message))
        }
        return ExploreReport(
            states: states.count, transitions: transitions, endStates: states.filter(\.ended).count, prompts: prompts,
            redFlags: redFlags.map { graph.interrupts[$0].id }, paths: limitReached ? .count(0) : countPaths(),
            proofs: proofs, failures: failures, notes: notes)
    }

    /// The inputs as a transcript: run through the engine, with an `@ at` assertion pinning where it stops.
    func counterexample(_ inputs: [String], proof: ExploreReport.Proof, message: String) -> Transcript {
        let plain = Engine(graph: graph)
        var (state, _) = plain.step(EngineState(seed: options.seed), .start)
        for line in inputs { (state, _) = plain.step(state, .line(line)) }
        var lines = inputs.map { Transcript.Numbered(line: .you($0), number: 0) }
        if let at = state.position?.description ?? (state.ended ? "the end" : nil) {
            lines.append(Transcript.Numbered(line: .assertion("at \(at)"), number: 0))
        }
        let header = [
            Transcript.HeaderEntry(key: "counterexample", value: proof.id),
            Transcript.HeaderEntry(key: "reason", value: message.split(whereSeparator: \.isNewline).joined(separator: " ")),
            Transcript.HeaderEntry(key: "seed", value: String(options.seed)),
        ]
        let draft = Transcript(headerPairs: header, numbered: lines)
        var traced = plain
        traced.tracing = true
        let replayed = Replayer.replay(draft, engine: traced, file: "counterexample")
        // Each typed line is followed by how it was read and the rule that decided, as comments, so
        // the counterexample explains itself (replay ignores comments).
        return Self.annotate(replayed.actual, with: replayed.readings)
    }

    /// A transcript with `# read: …` comments after each `you:` line that has a reading.
    static func annotate(_ transcript: Transcript, with readings: [[String]]) -> Transcript {
        var out: [Transcript.Numbered] = []
        var k = 0
        for line in transcript.numbered {
            out.append(line)
            if case .you = line.line {
                if k < readings.count { for text in readings[k] { out.append(Transcript.Numbered(line: .comment("read: " + text), number: 0)) } }
                k += 1
            }
        }
        return Transcript(headerPairs: transcript.headerPairs, numbered: out)
    }
}
