/// The graph laid out for stepping, once per engine: nodes by position, every `goto`, `call` and interrupt
/// target resolved to a position, and what a turn needs of a node's question and documents looked up
/// ahead, so a step hashes no node id and copies no node.
///
/// Little of it is built before it is needed: a node's `Step` is made the first time the walk reaches
/// it, the id-to-position table the first time a typed line needs it, and the phrase indexes (interrupts,
/// keyword maps) on first use. A chat's first question needs a handful of steps, not the whole graph's.
/// All of them depend only on the graph, so when they are built changes no result, and each is built
/// at most once per engine however many threads ask (`LazyReference`).
final class EngineProgram: Sendable {
    /// One node with its links resolved.
    final class Step: Sendable {
        let node: Node
        /// This node's own position.
        let position: Int32
        /// `node.edges`' targets as positions, -1 for a target that names no node.
        let targets: [Int32]
        /// `node.edges`' conditions, compiled (nil: the edge is always taken).
        let conditions: [ConditionProgram?]
        /// `node.say`'s texts, each with its `when`/`else` condition compiled.
        let say: [PromptPlan]
        /// For `call`: the callee's position, -1 when missing.
        let callee: Int32
        /// Whether the node asks a question (read without copying the question).
        let asks: Bool
        /// The question's keyword-map rules (nil without a map), and their index once built.
        private let keywordRules: [KeywordMap.Rule]?
        private let keywordIndex = LazyReference<InterruptIndex.Box>()
        /// The question's slot type, when the node asks and the slot is declared.
        let slotType: SlotType?
        /// The option labels shown with the question (choice and multi slots), else nil.
        let optionLabels: [String]?
        /// The documents the node shows that exist, with their ids and compiled conditions, in order.
        let documents: [(id: String, template: DocumentTemplate, plan: LazyPlan)]

        init(
            node: Node, position: Int32, resolve: (NodeID) -> Int32, slots: [String: SlotDefinition],
            documents: [String: DocumentTemplate], plans: [String: LazyPlan]
        ) {
            self.node = node
            self.position = position
            targets = node.edges.map { resolve($0.target) }
            conditions = node.edges.map { $0.condition.map(ConditionProgram.init) }
            say = node.say.map { PromptPlan($0) { slots[$0]?.type } }
            if case .call(let id, _) = node.exit { callee = resolve(id) } else { callee = -1 }
            asks = node.question != nil
            keywordRules = node.question?.map?.rules
            let type = node.question.flatMap { slots[$0.slot]?.type }
            slotType = type
            switch type {
            case .choice(let options)?, .multi(let options)?: optionLabels = options.map { $0.label }
            default: optionLabels = nil
            }
            self.documents = node.documents.compactMap { id in
                guard let template = documents[id], let plan = plans[id] else { return nil }
                return (id, template, plan)
            }
        }

        /// The question's keyword-map rules, indexed like interrupts (nil without a map).
        var keywords: InterruptIndex.Box? {
            guard let rules = keywordRules else { return nil }
            return keywordIndex.value { InterruptIndex.Box(InterruptIndex(matchers: rules.map { ($0.matcher, true) })) }
        }
    }

    /// A document's plan, made when a node first shows it or `save` first writes it (one per document).
    final class LazyPlan: Sendable {
        let template: DocumentTemplate
        private let slots: [String: SlotDefinition]
        private let built = LazyReference<DocumentPlan>()

        init(_ template: DocumentTemplate, slots: [String: SlotDefinition]) {
            self.template = template
            self.slots = slots
        }

        var plan: DocumentPlan { built.value { DocumentPlan(template) { slots[$0]?.type } } }
    }

    /// Where a step is kept once made.
    private final class StepSlot: Sendable {
        let built = LazyReference<Step>()
    }

    /// Node ids to positions (each id's first position).
    private final class PositionTable: Sendable {
        let positions: [NodeID: Int32]

        init(_ nodes: [Node]) {
            var positions: [NodeID: Int32] = [:]
            positions.reserveCapacity(nodes.count)
            for (at, node) in nodes.enumerated() where positions[node.id] == nil { positions[node.id] = Int32(at) }
            self.positions = positions
        }

        /// The node table's own places (names are unique within a dialog, so each id has one).
        init(places: [String: [String: Int]], count: Int) {
            var positions: [NodeID: Int32] = [:]
            positions.reserveCapacity(count)
            for (dialog, names) in places {
                for (name, place) in names { positions[NodeID(dialog: dialog, node: name)] = Int32(place) }
            }
            self.positions = positions
        }
    }

    /// A list of names, made on first use.
    private final class Names: Sendable {
        let list: [String]
        init(_ list: [String]) { self.list = list }
    }

    let graph: DialogGraph
    /// The nodes by position when the engine laid them out itself; nil when positions are the node table's
    /// places (the nodes are then read from the table, which may make each when its step is made).
    private let laidOutNodes: [Node]?
    private let stepSlots: [StepSlot]
    /// Whether positions are the node table's own places: true for every graph the loader makes (its tables
    /// index every stored node), so targets resolve through the table and the id-to-position table waits
    /// until a line needs it.
    private let positionsAreTablePlaces: Bool
    private let positionTable = LazyReference<PositionTable>()
    private let plans: [String: LazyPlan]
    /// Every interrupt phrase, indexed on first use.
    private let interruptIndex = LazyReference<InterruptIndex.Box>()
    private let uniqueSlotNames = LazyReference<Names>()
    /// The entry node's position, -1 when missing.
    let entry: Int32
    /// Each interrupt's target position (in `DialogGraph.interrupts` order), -1 when missing.
    let interruptTargets: [Int32]
    /// The documents `save` writes (`DialogGraph.documentOrder` that exist), with their plans.
    let savedDocuments: [(template: DocumentTemplate, plan: LazyPlan)]
    /// The engine's own commands, read with the graph's command table.
    let commands: CommandReader

    init(_ graph: DialogGraph) {
        self.graph = graph
        let resolveNow: (NodeID) -> Int32
        var laidOut: PositionTable?
        let stepCount: Int
        if graph.nodes.count == graph.nodes.storedCount {
            laidOutNodes = nil
            stepCount = graph.nodes.storedCount
            positionsAreTablePlaces = true
            resolveNow = { graph.nodes.place(of: $0).map { Int32($0) } ?? -1 }
        } else {
            // A graph edited in code (a node taken out of its table): the nodes in `nodeOrder` order, each
            // once, then any missing from it in id order.
            var placed = Set<NodeID>()
            var ordered: [Node] = []
            for id in graph.nodeOrder where !placed.contains(id) {
                guard let node = graph.nodes[id] else { continue }
                placed.insert(id)
                ordered.append(node)
            }
            for id in graph.nodes.keys.sorted() where !placed.contains(id) {
                if let node = graph.nodes[id] { ordered.append(node) }
            }
            laidOutNodes = ordered
            stepCount = ordered.count
            positionsAreTablePlaces = false
            let table = PositionTable(ordered)
            laidOut = table
            resolveNow = { table.positions[$0] ?? -1 }
        }
        stepSlots = (0..<stepCount).map { _ in StepSlot() }
        let plans = graph.documents.mapValues { LazyPlan($0, slots: graph.slots) }
        self.plans = plans
        savedDocuments = graph.documentOrder.compactMap { id in
            guard let template = graph.documents[id], let plan = plans[id] else { return nil }
            return (template, plan)
        }
        entry = resolveNow(graph.entry)
        commands = CommandReader(graph.commands, accepting: CommandName.engine)
        interruptTargets = graph.interrupts.map { resolveNow($0.target) }
        if let laidOut { _ = positionTable.value { laidOut } }
    }

    /// The step at a position (made on first use).
    @inline(__always)
    func step(_ at: Int32) -> Step {
        stepSlots[Int(at)].built.value { makeStep(at) }
    }

    @inline(never)
    private func makeStep(_ at: Int32) -> Step {
        let node = laidOutNodes.map { $0[Int(at)] } ?? graph.nodes.node(at: Int(at))
        return Step(
            node: node, position: at, resolve: { self.resolve($0) }, slots: graph.slots, documents: graph.documents,
            plans: plans)
    }

    /// A node id's position for laying out links: through the node table when positions are its places
    /// (no table of our own needed yet), else through the id-to-position table; -1 for no such node.
    private func resolve(_ id: NodeID) -> Int32 {
        if positionsAreTablePlaces { return graph.nodes.place(of: id).map { Int32($0) } ?? -1 }
        return position(of: id) ?? -1
    }

    /// Every interrupt phrase, indexed (built by the first line that needs it).
    var interrupts: InterruptIndex.Box {
        interruptIndex.value { [self] in makeInterruptIndex() }
    }

    /// The interrupt index, built (kept apart so reading a built one copies nothing of the graph).
    @inline(never)
    private func makeInterruptIndex() -> InterruptIndex.Box {
        InterruptIndex.Box(InterruptIndex(graph.interrupts))
    }

    /// `DialogGraph.slotOrder` with each name once (its first place), for `summary`.
    var uniqueSlotOrder: [String] {
        uniqueSlotNames.value { makeUniqueSlotNames() }.list
    }

    @inline(never)
    private func makeUniqueSlotNames() -> Names {
        var named: Set<String> = []
        return Names(graph.slotOrder.filter { named.insert($0).inserted })
    }

    /// The position of a node id, or nil when the graph has no such node.
    func position(of id: NodeID) -> Int32? {
        positionTable.withValue({ makePositionTable() }) { $0.positions[id] }
    }

    /// The id-to-position table, built (kept apart so reading a built one captures nothing).
    @inline(never)
    private func makePositionTable() -> PositionTable {
        laidOutNodes.map { PositionTable($0) } ?? PositionTable(places: graph.nodes.placeTable, count: graph.nodes.count)
    }
}
