/// The graph laid out for stepping, built once per engine: nodes in an array, every `goto`, `call`
/// and interrupt target resolved to an array position, and what a turn needs of a node's question
/// and documents looked up ahead, so a step hashes no node id and copies no node. The phrase indexes
/// (interrupts, keyword maps) are built on first use: a chat needs none of them before the first
/// prompt, and they depend only on the graph, so when they are built changes no result.
final class EngineProgram: Sendable {
    /// One node with its links resolved.
    final class Step: Sendable {
        let node: Node
        /// This node's own position.
        let position: Int32
        /// `node.edges`' targets as positions, -1 for a target that names no node.
        let targets: [Int32]
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
            node: Node, position: Int32, positions: [NodeID: Int32], slots: [String: SlotDefinition],
            documents: [String: DocumentTemplate], plans: [String: LazyPlan]
        ) {
            self.node = node
            self.position = position
            targets = node.edges.map { positions[$0.target] ?? -1 }
            if case .call(let id, _) = node.exit { callee = positions[id] ?? -1 } else { callee = -1 }
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

    /// A document's compiled conditions, made when a node first shows it (one per document, shared).
    final class LazyPlan: Sendable {
        let template: DocumentTemplate
        private let built = LazyReference<DocumentPlan>()

        init(_ template: DocumentTemplate) { self.template = template }

        var plan: DocumentPlan { built.value { DocumentPlan(template) } }
    }

    let graph: DialogGraph
    /// Every interrupt phrase, indexed on first use.
    private let interruptIndex = LazyReference<InterruptIndex.Box>()
    let steps: [Step]
    let positions: [NodeID: Int32]
    /// The entry node's position, -1 when missing.
    let entry: Int32
    /// Each interrupt's target position (in `DialogGraph.interrupts` order), -1 when missing.
    let interruptTargets: [Int32]
    /// The documents `save` writes (`DialogGraph.documentOrder` that exist), with their plans.
    let savedDocuments: [(template: DocumentTemplate, plan: LazyPlan)]
    /// `DialogGraph.slotOrder` with each name once (its first place), for `summary`.
    let uniqueSlotOrder: [String]

    init(_ graph: DialogGraph) {
        self.graph = graph
        // Each node's first place in `nodeOrder` (which may name a node twice): one lookup of the node
        // and one insertion per node.
        var positions: [NodeID: Int32] = [:]
        positions.reserveCapacity(graph.nodes.count)
        var nodes: [Node] = []
        nodes.reserveCapacity(graph.nodes.count)
        for id in graph.nodeOrder {
            guard let node = graph.nodes[id] else { continue }
            if let first = positions.updateValue(Int32(nodes.count), forKey: id) {
                positions[id] = first
                continue
            }
            nodes.append(node)
        }
        if nodes.count < graph.nodes.count {
            // Nodes missing from `nodeOrder` (a graph edited in code): after the others, in id order.
            for id in graph.nodes.keys.sorted() where positions[id] == nil {
                guard let node = graph.nodes[id] else { continue }
                positions[id] = Int32(nodes.count)
                nodes.append(node)
            }
        }
        let plans = graph.documents.mapValues { LazyPlan($0) }
        var steps: [Step] = []
        steps.reserveCapacity(nodes.count)
        for node in nodes {
            steps.append(
                Step(
                    node: node, position: Int32(steps.count), positions: positions, slots: graph.slots,
                    documents: graph.documents, plans: plans))
        }
        self.steps = steps
        self.positions = positions
        entry = positions[graph.entry] ?? -1
        interruptTargets = graph.interrupts.map { positions[$0.target] ?? -1 }
        savedDocuments = graph.documentOrder.compactMap { id in
            guard let template = graph.documents[id], let plan = plans[id] else { return nil }
            return (template, plan)
        }
        var named: Set<String> = []
        uniqueSlotOrder = graph.slotOrder.filter { named.insert($0).inserted }
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

    /// The position of a node id, or nil when the graph has no such node.
    func position(of id: NodeID) -> Int32? { positions[id] }
}
