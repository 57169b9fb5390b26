import DialogCore

/// One small deliberate fault in a dialog graph (a mutant), to learn whether the transcripts notice it.
///
/// ```swift
/// for mutation in Mutation.all(of: graph) {
///     let mutant = mutation.apply(to: graph)   // run the transcripts against `mutant`
/// }
/// ```
package struct Mutation: Sendable, Hashable {
    /// The kinds of fault, each undoing something an author wrote.
    package enum Change: Sendable, Hashable {
        /// Edge `edge` of `node` takes `not (condition)`.
        case flipCondition(node: NodeID, edge: Int)
        /// Edge `edge` of `node` is removed (only for nodes with two or more edges).
        case dropEdge(node: NodeID, edge: Int)
        /// Edge `edge` of `node` goes to another node of the target's dialog.
        case retarget(node: NodeID, edge: Int, to: NodeID)
        /// Item `item` of a document is removed.
        case dropDocumentItem(document: String, item: Int)
        /// Two options of a choice slot trade values, so an answer that picked one now picks the other
        /// (what the person sees — labels, order — stays the same).
        case swapOptions(slot: String, first: Int, second: Int)
        /// A node's `set` assignment is removed.
        case dropAssignment(node: NodeID, index: Int)
    }

    package var change: Change
    /// What was changed, in words an author recognises.
    package var description: String
    /// Where the mutated thing is written.
    package var location: SourceLocation

    package init(change: Change, description: String, location: SourceLocation) {
        self.change = change
        self.description = description
        self.location = location
    }

    /// A short name for the kind of change.
    package var kind: String {
        switch change {
        case .flipCondition: return "flip-condition"
        case .dropEdge: return "drop-edge"
        case .retarget: return "retarget"
        case .dropDocumentItem: return "drop-item"
        case .swapOptions: return "swap-options"
        case .dropAssignment: return "drop-set"
        }
    }

    /// Every mutation of the graph, in a fixed order: by kind, then in file order.
    package static func all(of graph: DialogGraph) -> [Mutation] {
        var flips: [Mutation] = []
        var drops: [Mutation] = []
        var retargets: [Mutation] = []
        var assignments: [Mutation] = []
        for id in graph.nodeOrder {
            guard let node = graph.nodes[id] else { continue }
            let edges = node.edges
            for (i, edge) in edges.enumerated() {
                if let c = edge.condition {
                    flips.append(
                        Mutation(
                            change: .flipCondition(node: id, edge: i),
                            description: "\(id) edge \(i + 1): 'if \(c)' negated", location: edge.location))
                }
                if edges.count > 1 {
                    drops.append(
                        Mutation(
                            change: .dropEdge(node: id, edge: i),
                            description: "\(id) edge \(i + 1) (→ \(edge.target)) dropped", location: edge.location))
                }
                if let other = retargetTarget(graph, from: id, edge: edge) {
                    retargets.append(
                        Mutation(
                            change: .retarget(node: id, edge: i, to: other),
                            description: "\(id) edge \(i + 1) goes to \(other) instead of \(edge.target)", location: edge.location))
                }
            }
            for (i, a) in node.assignments.enumerated() {
                assignments.append(
                    Mutation(
                        change: .dropAssignment(node: id, index: i), description: "\(id): set \(a.slot) = \(a.value.literal) dropped",
                        location: node.location))
            }
        }
        var items: [Mutation] = []
        for docId in graph.documentOrder {
            guard let doc = graph.documents[docId] else { continue }
            for (i, item) in doc.items.enumerated() {
                let text = String(item.template.description.prefix(48))
                items.append(
                    Mutation(
                        change: .dropDocumentItem(document: docId, item: i),
                        description: "document '\(docId)' item \(i + 1) dropped (\(item.kind.rawValue) \"\(text)…\")",
                        location: item.location))
            }
        }
        var swaps: [Mutation] = []
        // Only slots a person answers: for a slot filled by keyword rules or `set`, no answer picks an option.
        let asked = Set(graph.nodeOrder.compactMap { graph.nodes[$0]?.question?.slot })
        for name in graph.slotOrder where asked.contains(name) {
            guard let def = graph.slots[name], case .choice(let options) = def.type else { continue }
            for i in options.indices.dropLast() {
                let a = options[i], b = options[i + 1]
                swaps.append(
                    Mutation(
                        change: .swapOptions(slot: name, first: i, second: i + 1),
                        description: "slot '\(name)': answering \"\(a.label)\" now means '\(b.value)' and \"\(b.label)\" '\(a.value)'",
                        location: def.location))
            }
        }
        return flips + drops + retargets + items + swaps + assignments
    }

    /// The node after the edge's target in its dialog's file order (skipping the target and the source).
    static func retargetTarget(_ graph: DialogGraph, from source: NodeID, edge: Edge) -> NodeID? {
        guard let dialog = graph.dialogs[edge.target.dialog] else { return nil }
        let ids = dialog.nodes.map { NodeID(dialog: dialog.id, node: $0) }
        guard let at = ids.firstIndex(of: edge.target) else { return nil }
        for step in 1..<max(ids.count, 1) {
            let candidate = ids[(at + step) % ids.count]
            if candidate != source { return candidate }
        }
        return nil
    }

    /// The graph with this change made.
    package func apply(to graph: DialogGraph) -> DialogGraph {
        var g = graph
        switch change {
        case .flipCondition(let id, let i):
            g.nodes[id]?.exit = Self.editEdges(of: graph.nodes[id]?.exit) { edges in
                if let c = edges[i].condition { edges[i].condition = .not(c) }
            }
        case .dropEdge(let id, let i):
            g.nodes[id]?.exit = Self.editEdges(of: graph.nodes[id]?.exit) { $0.remove(at: i) }
        case .retarget(let id, let i, let to):
            g.nodes[id]?.exit = Self.editEdges(of: graph.nodes[id]?.exit) { $0[i].target = to }
        case .dropDocumentItem(let doc, let i):
            g.documents[doc]?.items.remove(at: i)
        case .swapOptions(let name, let a, let b):
            guard let def = graph.slots[name], case .choice(var options) = def.type else { break }
            (options[a].value, options[b].value) = (options[b].value, options[a].value)
            let type = SlotType.choice(options)
            g.slots[name]?.type = type
            for id in graph.nodeOrder where graph.nodes[id]?.question?.slot == name {
                g.nodes[id]?.question?.matcher = AnswerMatcher(type: type)
            }
        case .dropAssignment(let id, let i):
            g.nodes[id]?.assignments.remove(at: i)
        }
        return g
    }

    private static func editEdges(of exit: Exit?, _ edit: (inout [Edge]) -> Void) -> Exit {
        switch exit {
        case .next(var edges)?:
            edit(&edges)
            return .next(edges)
        case .call(let callee, var edges)?:
            edit(&edges)
            return .call(callee, then: edges)
        case let other?:
            return other
        case nil:
            return .end
        }
    }

    /// What a conversation must touch for this change to make any difference to it.
    struct Reach {
        var nodes: Set<NodeID> = []
        var documents: Set<String> = []
    }

    func reach(in graph: DialogGraph) -> Reach {
        switch change {
        case .flipCondition(let id, _), .dropEdge(let id, _), .retarget(let id, _, _), .dropAssignment(let id, _):
            return Reach(nodes: [id])
        case .dropDocumentItem(let doc, _):
            return Reach(documents: [doc])
        case .swapOptions(let name, _, _):
            // Values of the slot come from questions that ask it or map to it, and from `set`.
            let nodes = graph.nodeOrder.filter { id in
                guard let node = graph.nodes[id] else { return false }
                return node.question?.slot == name || node.question?.map?.slot == name
                    || node.assignments.contains { $0.slot == name }
            }
            return Reach(nodes: Set(nodes))
        }
    }
}
