import DialogCore

/// The deduplication key of `explore`, and the analysis that keeps it small.
///
/// Two engine states get the same key when no proof can tell their futures apart: same position,
/// stack, attempts, ended flag and property-monitor bits, and — per slot — only what a condition or a
/// check can still read before the slot is written again (a live-variable analysis over the graph):
///
/// - a slot's *value* is kept as the outcomes of the atoms (`country == 'uk'`, `'pain' in kinds`,
///   `answered(x)`) of the conditions that read it: edge conditions, property conditions, and the
///   `when` of document items that have a placeholder without a fallback. Values that every condition
///   treats alike (two answers that only differ in wording) share a key.
/// - a slot's *presence* (answered or not) is kept where a question for it may be asked again (the
///   "asked twice" proof) or a placeholder without a fallback may show it.
///
/// Rng, history, shown documents and the trace are not part of the key.
///
/// Inside a resuming interrupt's flow, `flowKey` leaves out the caller: the question the flow resumes
/// to, the frames under it, and every slot the flow can neither read nor write. `Explorer` walks such
/// a flow once per `flowKey` of its first state (a summary) and replays each way out of it from every
/// state that entered it.
struct ExploreAbstraction {
    let graph: DialogGraph
    let nodeIds: [NodeID]
    let nodeIndex: [NodeID: Int]
    let slotNames: [String]
    let slotIndex: [String: Int]
    /// Every single-slot atom a condition reads, with its slot.
    private(set) var atomList: [(slot: Int, atom: Condition)] = []
    private(set) var atomIndex: [Condition: Int] = [:]
    /// Per slot: indexes into `atomList`; an atom's position here is its bit in the key.
    private(set) var slotAtoms: [[Int]] = []
    /// Per atom: the atom compiled.
    private(set) var compiledAtoms: [CompiledAtom] = []
    /// Slots read together with another slot in one atom (`a == b`): kept as raw values.
    private(set) var rawSlots: [Int] = []
    /// Per node: what may be read while the node's question waits for an answer.
    private(set) var waiting: [VariableSet] = []
    /// Per node: what may be read when a dialog called from this node returns (its edges onward).
    private(set) var afterCall: [VariableSet] = []
    /// What may be read at the end of a conversation.
    private(set) var atEnd: VariableSet
    /// Per node: every variable of each slot written (answered or `set`) at a node reachable from it
    /// by edges and calls.
    private(set) var writesFrom: [VariableSet] = []
    /// Per document id: the items that can miss a slot (a placeholder without a fallback).
    let riskyItems: [String: [Int]]
    /// Documents whose title has a placeholder without a fallback.
    let riskyTitles: Set<String>
    /// Per node whose `say` or re-prompt has a placeholder without a fallback: those slots.
    let riskyTexts: [NodeID: [String]]

    init(graph: DialogGraph) {
        self.graph = graph
        nodeIds = graph.nodeOrder
        nodeIndex = Dictionary(uniqueKeysWithValues: graph.nodeOrder.enumerated().map { ($1, $0) })
        slotNames = graph.slotOrder
        slotIndex = Dictionary(uniqueKeysWithValues: graph.slotOrder.enumerated().map { ($1, $0) })
        var risky: [String: [Int]] = [:]
        var titles: Set<String> = []
        for (id, doc) in graph.documents {
            risky[id] = doc.items.indices.filter { !doc.items[$0].template.slotsWithoutFallback.isEmpty }
            if !doc.title.slotsWithoutFallback.isEmpty { titles.insert(id) }
        }
        riskyItems = risky
        riskyTitles = titles
        riskyTexts = Self.textReads(graph)
        atEnd = VariableSet(count: 0)
        collectAtoms()
        computeLiveness()
        writesFrom = nodeIds.map { reachableWrites(from: $0) }
        compiledAtoms = atomList.map { entry in
            var names: [String] = []
            var index: [String: Int] = [:]
            let compiled = CompiledCondition(entry.atom, names: &names, index: &index)
            return names == [slotNames[entry.slot]] ? .oneSlot(compiled) : .byName(ConditionProgram(entry.atom))
        }
    }

    /// An atom compiled: over its one slot, evaluated on a one-value table; or, when it names other
    /// slots too (undeclared ones) or none, reading its slots by name.
    enum CompiledAtom {
        case oneSlot(CompiledCondition)
        case byName(ConditionProgram)
    }

    // MARK: - Variables

    /// Variables of the live analysis: one per atom, then one presence and one raw value per slot.
    struct VariableSet: Equatable {
        var words: [UInt64]

        init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

        mutating func insert(_ v: Int) { words[v >> 6] |= 1 << UInt64(v & 63) }
        func contains(_ v: Int) -> Bool { words[v >> 6] & (1 << UInt64(v & 63)) != 0 }
        mutating func formUnion(_ o: VariableSet) { for i in words.indices { words[i] |= o.words[i] } }
        mutating func subtract(_ o: VariableSet) { for i in words.indices { words[i] &= ~o.words[i] } }
        mutating func formIntersection(_ o: VariableSet) { for i in words.indices { words[i] &= o.words[i] } }
        func union(_ o: VariableSet) -> VariableSet {
            var r = self
            r.formUnion(o)
            return r
        }
        func subtracting(_ o: VariableSet) -> VariableSet {
            var r = self
            r.subtract(o)
            return r
        }
    }

    private var variableCount: Int { atomList.count + 2 * slotNames.count }
    private func presenceVariable(_ slot: Int) -> Int { atomList.count + slot }
    private func rawVariable(_ slot: Int) -> Int { atomList.count + slotNames.count + slot }

    private func empty() -> VariableSet { VariableSet(count: variableCount) }

    /// The atoms (or, for atoms over several slots, the raw values) a condition reads.
    private func reads(of condition: Condition?, into set: inout VariableSet) {
        guard let condition else { return }
        for atom in condition.atoms {
            if let a = atomIndex[atom] {
                set.insert(a)
            } else {
                for name in atom.slotsMentioned { if let i = slotIndex[name] { set.insert(rawVariable(i)) } }
            }
        }
    }

    private func presence(of names: [String], into set: inout VariableSet) {
        for name in names { if let i = slotIndex[name] { set.insert(presenceVariable(i)) } }
    }

    /// Everything known about these slots: written when they are answered or set.
    private func writes(of names: [String], into set: inout VariableSet) {
        for name in names {
            guard let i = slotIndex[name] else { continue }
            for a in slotAtoms[i] { set.insert(a) }
            set.insert(presenceVariable(i))
            set.insert(rawVariable(i))
        }
    }

    // MARK: - Atoms

    /// Every condition a proof or the routing evaluates.
    private var conditionsRead: [Condition] {
        var all: [Condition] = []
        for id in nodeIds {
            for edge in graph.nodes[id]?.edges ?? [] { if let c = edge.condition { all.append(c) } }
        }
        for p in graph.properties {
            switch p.rule {
            case .never(_, let when?), .alwaysReaches(_, let when?): all.append(when)
            case .neverWrites(let phrases, let when):
                if let when { all.append(when) }
                all += PropertyCheck.items(writing: phrases, in: graph).compactMap(\.condition?.condition)
            case .alwaysWrites(let phrases, let when):
                if let when { all.append(when) }
                all += PropertyCheck.items(writing: phrases, in: graph, placeholders: true).compactMap(\.condition?.condition)
            case .neverSays(let phrases, let when):
                for (_, conditions) in PropertyCheck.sayConditions(phrases: phrases, when: when, in: graph) { all += conditions }
            default: break
            }
        }
        for (id, items) in riskyItems {
            for i in items { if let c = graph.documents[id]?.items[i].condition { all.append(c) } }
        }
        return all
    }

    private mutating func collectAtoms() {
        var list: [(slot: Int, atom: Condition)] = []
        var perSlot: [[Int]] = Array(repeating: [], count: slotNames.count)
        var index: [Condition: Int] = [:]
        var raw: Set<Int> = []
        for condition in conditionsRead {
            for atom in condition.atoms where index[atom] == nil {
                let names = atom.slotsMentioned.compactMap { slotIndex[$0] }
                if names.count > 1 {
                    raw.formUnion(names)
                } else if let i = names.first {
                    if perSlot[i].count >= 62 {
                        raw.insert(i)
                        continue
                    }
                    index[atom] = list.count
                    perSlot[i].append(list.count)
                    list.append((i, atom))
                }
            }
        }
        atomList = list
        atomIndex = index
        slotAtoms = perSlot
        rawSlots = raw.sorted()
    }

    // MARK: - Liveness

    /// Question nodes where the "asked once" check can apply: reachable without entering an
    /// interrupt flow that resumes (inside one, asking again is allowed).
    private func checkedQuestions() -> Set<NodeID> {
        var roots = [graph.entry]
        for i in graph.interrupts where !i.resume { roots.append(i.target) }
        var seen = Set(roots)
        var queue = roots
        while let id = queue.popLast() {
            guard let node = graph.nodes[id] else { continue }
            var next = node.edges.map(\.target)
            if case .call(let callee, _) = node.exit { next.append(callee) }
            for t in next where seen.insert(t).inserted { queue.append(t) }
        }
        return Set(seen.filter { graph.nodes[$0]?.question != nil })
    }

    private mutating func computeLiveness() {
        let n = nodeIds.count
        var readsOnEnter = Array(repeating: empty(), count: n)
        var writesOnEnter = Array(repeating: empty(), count: n)
        var writesOnAnswer = Array(repeating: empty(), count: n)
        var edgeReads = Array(repeating: empty(), count: n)
        var end = empty()

        for p in graph.properties {
            switch p.rule {
            case .never(let node, let when):
                if let i = nodeIndex[node] { reads(of: when, into: &readsOnEnter[i]) }
            case .alwaysReaches(_, let when):
                reads(of: when, into: &end)
            case .before:
                break
            case .neverWrites(let phrases, let when):
                // Read where the documents they name are shown, and at the end (where `save` writes them all).
                let items = PropertyCheck.items(writing: phrases, in: graph)
                var used = empty()
                reads(of: when, into: &used)
                for w in items { reads(of: w.condition?.condition, into: &used) }
                end.formUnion(used)
                let shown = Set(items.map(\.document))
                for (i, id) in nodeIds.enumerated() where graph.nodes[id]?.documents.contains(where: shown.contains) == true {
                    readsOnEnter[i].formUnion(used)
                }
            case .alwaysWrites(let phrases, let when):
                // Read wherever any document is shown (one without the words breaks it), and at the end.
                var used = empty()
                reads(of: when, into: &used)
                for w in PropertyCheck.items(writing: phrases, in: graph, placeholders: true) { reads(of: w.condition?.condition, into: &used) }
                end.formUnion(used)
                for (i, id) in nodeIds.enumerated() where !(graph.nodes[id]?.documents.isEmpty ?? true) {
                    readsOnEnter[i].formUnion(used)
                }
            case .neverAnswers:
                break
            case .neverSays(let phrases, let when):
                // Read on entering each node whose texts it checks.
                for (id, conditions) in PropertyCheck.sayConditions(phrases: phrases, when: when, in: graph) {
                    guard let i = nodeIndex[id] else { continue }
                    for c in conditions { reads(of: c, into: &readsOnEnter[i]) }
                }
            }
        }
        for (docId, items) in riskyItems {
            guard let doc = graph.documents[docId] else { continue }
            var used = empty()
            for i in items {
                reads(of: doc.items[i].condition, into: &used)
                presence(of: doc.items[i].template.slotsWithoutFallback, into: &used)
            }
            if riskyTitles.contains(docId) { presence(of: doc.title.slotsWithoutFallback, into: &used) }
            // Every document is rendered at the end (and by `save`).
            end.formUnion(used)
            for (i, id) in nodeIds.enumerated() where graph.nodes[id]?.documents.contains(docId) == true {
                readsOnEnter[i].formUnion(used)
            }
        }
        for (id, slots) in riskyTexts { if let i = nodeIndex[id] { presence(of: slots, into: &readsOnEnter[i]) } }
        let checked = checkedQuestions()
        for (i, id) in nodeIds.enumerated() {
            guard let node = graph.nodes[id] else { continue }
            writes(of: node.assignments.map(\.slot), into: &writesOnEnter[i])
            for edge in node.edges { reads(of: edge.condition, into: &edgeReads[i]) }
            if let q = node.question {
                if checked.contains(id) { presence(of: [q.slot], into: &readsOnEnter[i]) }
                writes(of: [q.slot] + (q.map.map { [$0.slot] } ?? []), into: &writesOnAnswer[i])
            }
        }
        atEnd = end

        var enter = Array(repeating: empty(), count: n)
        var wait = Array(repeating: empty(), count: n)
        // An interrupt sets its `about` slot before its flow starts: the flow's reads of it are not the question's.
        let interruptTargets: [(node: Int, sets: VariableSet)] = graph.interrupts.flatMap { interrupt in
            var sets = empty()
            writes(of: interrupt.about.map { [$0] } ?? [], into: &sets)
            return interrupt.entries.compactMap { nodeIndex[$0] }.map { ($0, sets) }
        }
        var changed = true
        while changed {
            changed = false
            for i in (0..<n).reversed() {
                guard let node = graph.nodes[nodeIds[i]] else { continue }
                var out = empty()
                switch node.exit {
                case .next(let edges):
                    out = edgeReads[i]
                    for e in edges { if let t = nodeIndex[e.target] { out.formUnion(enter[t]) } }
                case .call(let callee, let edges):
                    out = edgeReads[i]
                    if let c = nodeIndex[callee] { out.formUnion(enter[c]) }
                    for e in edges { if let t = nodeIndex[e.target] { out.formUnion(enter[t]) } }
                case .returns, .end:
                    out = end
                }
                var body = out
                if node.question != nil {
                    var w = out.subtracting(writesOnAnswer[i])
                    for t in interruptTargets { w.formUnion(enter[t.node].subtracting(t.sets)) }
                    if w != wait[i] {
                        wait[i] = w
                        changed = true
                    }
                    body = w
                }
                let e = readsOnEnter[i].union(body).subtracting(writesOnEnter[i])
                if e != enter[i] {
                    enter[i] = e
                    changed = true
                }
            }
        }
        waiting = wait
        afterCall = (0..<n).map { i in
            var s = edgeReads[i]
            for e in graph.nodes[nodeIds[i]]?.edges ?? [] { if let t = nodeIndex[e.target] { s.formUnion(enter[t]) } }
            return s
        }
    }

    /// The slots each node's `say` variants and re-prompt show without a fallback (nodes that show none are left out).
    static func textReads(_ graph: DialogGraph) -> [NodeID: [String]] {
        var texts: [NodeID: [String]] = [:]
        for id in graph.nodeOrder {
            guard let node = graph.nodes[id] else { continue }
            var names: [String] = []
            for t in node.say + (node.question.map { [$0.reprompt] } ?? []) {
                for name in t.slotsWithoutFallback where !names.contains(name) { names.append(name) }
            }
            if !names.isEmpty { texts[id] = names }
        }
        return texts
    }

    /// Everything written at the nodes reachable from `start` by edges and calls.
    private func reachableWrites(from start: NodeID) -> VariableSet {
        var names: [String] = []
        var seen: Set<NodeID> = [start]
        var queue = [start]
        while let id = queue.popLast() {
            guard let node = graph.nodes[id] else { continue }
            names += node.assignments.map(\.slot)
            if let q = node.question { names += [q.slot] + (q.map.map { [$0.slot] } ?? []) }
            var next = node.edges.map(\.target)
            if case .call(let callee, _) = node.exit { next.append(callee) }
            for t in next where seen.insert(t).inserted { queue.append(t) }
        }
        var set = empty()
        writes(of: names, into: &set)
        return set
    }

    // MARK: - Keys

    /// Everything about a state that a proof can tell apart.
    struct Key: Hashable {
        /// Position, attempts, ended, monitor bits, the stack and each slot's class, packed.
        var words: [UInt64]
        /// Slots read together with another slot in one atom, as they are (usually none).
        var raw: [Value?]
        /// Outside interrupt flows -1; inside one, the flow's (or its summary's) tag.
        var flow: Int32 = -1
    }

    /// What may be read from a state at `position` (a node index, or -1) with this stack on.
    func live(position: Int, ended: Bool, stack: [EngineState.Frame]) -> VariableSet {
        var set: VariableSet
        if position >= 0 {
            set = waiting[position]
        } else if ended {
            set = atEnd
        } else {
            set = VariableSet(count: variableCount)
            set.words = set.words.map { _ in ~0 }
        }
        for frame in stack {
            switch frame {
            case .call(let caller): if let i = nodeIndex[caller] { set.formUnion(afterCall[i]) }
            case .resume(let q): if let i = nodeIndex[q] { set.formUnion(waiting[i]) }
            }
        }
        return set
    }

    func key(_ state: EngineState, monitors: UInt64) -> Key {
        let position = state.position.flatMap { nodeIndex[$0] } ?? -1
        let live = live(position: position, ended: state.ended, stack: state.stack)
        return key(state, position: position, monitors: monitors, frames: state.stack[...], live: live, tag: -1)
    }

    /// Whether the state waits inside a resuming interrupt's flow.
    static func inFlow(_ state: EngineState) -> Bool { flowFrame(state) != nil }

    /// The resume frame of the interrupt flow a state waits in (the outermost), or nil.
    static func flowFrame(_ state: EngineState) -> Int? {
        state.ended ? nil : state.firstResumeFrame
    }

    /// What the rest of the interrupt flow a state waits in can write: at the nodes reachable from
    /// its position, and from the callers the flow's own call frames return to.
    func flowWrites(_ state: EngineState) -> VariableSet {
        var set = state.position.flatMap { nodeIndex[$0] }.map { writesFrom[$0] } ?? empty()
        guard let r = Self.flowFrame(state) else { return set }
        for case .call(let caller) in state.stack[(r + 1)...] { if let i = nodeIndex[caller] { set.formUnion(writesFrom[i]) } }
        return set
    }

    /// The key of a state inside an interrupt's flow (nil outside flows), without its caller: the
    /// frames up to the flow's resume frame are left out, and of what the caller may read after the
    /// flow resumes only the slots in `writes` (what the flow can still write) are kept. The rest is
    /// the caller's and comes back unchanged: the flow can neither read it (it is not live inside the
    /// flow) nor change it. `tag` tells flows (and their summaries) apart.
    func flowKey(_ state: EngineState, monitors: UInt64, writes: VariableSet, tag: Int32) -> Key? {
        guard let r = Self.flowFrame(state), case .resume(let q) = state.stack[r] else { return nil }
        let position = state.position.flatMap { nodeIndex[$0] } ?? -1
        let frames = state.stack[(r + 1)...]
        var set = live(position: position, ended: false, stack: Array(frames))
        var caller = live(position: nodeIndex[q] ?? -1, ended: false, stack: Array(state.stack[..<r]))
        caller.formIntersection(writes)
        set.formUnion(caller)
        return key(state, position: position, monitors: monitors, frames: frames, live: set, tag: tag)
    }

    private func key(
        _ state: EngineState, position: Int, monitors: UInt64, frames: ArraySlice<EngineState.Frame>, live: VariableSet, tag: Int32
    ) -> Key {
        var words: [UInt64] = []
        words.reserveCapacity(4 + frames.count + slotNames.count)
        words.append(UInt64(UInt32(bitPattern: Int32(position))) << 32 | UInt64(UInt32(truncatingIfNeeded: state.attempts)))
        words.append(monitors)
        words.append(UInt64(frames.count) << 1 | (state.ended ? 1 : 0))
        for frame in frames {
            switch frame {
            case .call(let c): words.append(UInt64(nodeIndex[c] ?? 0xFFFF) << 1)
            case .resume(let q): words.append(UInt64(nodeIndex[q] ?? 0xFFFF) << 1 | 1)
            }
        }
        for i in slotNames.indices {
            let presence = live.contains(presenceVariable(i))
            let atoms = slotAtoms[i]
            guard presence || atoms.contains(where: live.contains) else {
                words.append(0)
                continue
            }
            let name = slotNames[i]
            // An unanswered slot makes every atom false.
            guard let value = state.slots[name] else {
                words.append(0)
                continue
            }
            var bits: UInt64 = presence ? 1 << 63 : 0
            let table: [Value?] = [value]
            for (k, a) in atoms.enumerated() where live.contains(a) {
                let holds: Bool
                switch compiledAtoms[a] {
                case .oneSlot(let compiled): holds = compiled.evaluate(table)
                case .byName(let program): holds = program.evaluate { $0 == name ? value : nil }
                }
                if holds { bits |= 1 << UInt64(k) }
            }
            words.append(bits)
        }
        let raw: [Value?] = rawSlots.map { live.contains(rawVariable($0)) ? state.slots[slotNames[$0]] : nil }
        return Key(words: words, raw: raw, flow: tag)
    }
}
