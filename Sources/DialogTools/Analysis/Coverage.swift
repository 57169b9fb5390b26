import DialogCore

/// What a set of traced conversations reached of a dialog graph: nodes, edges, condition outcomes,
/// phrasing variants, re-prompt branches and document items, per dialog and in total.
///
/// ```swift
/// let results = transcripts.map { Replayer.replay($0, engine: engine, file: "…") }
/// let coverage = Coverage(graph: graph, traces: results.map(\.trace))
/// print(coverage.total.edges.percent)   // 93.5
/// ```
///
/// Edges are every `next` edge of every node (for a `call` node, the edges taken after the callee
/// returns) plus one call edge per `call` node. Condition outcomes are the true and the false outcome
/// of every edge condition. Variants count only nodes with two or more phrasings.
package struct Coverage: Sendable, Codable {
    /// Covered out of total.
    package struct Count: Sendable, Codable, Hashable {
        package var covered: Int
        package var total: Int
        /// 100 when there is nothing to cover.
        package var percent: Double { total == 0 ? 100 : Double(covered) * 100 / Double(total) }

        package init(covered: Int = 0, total: Int = 0) {
            self.covered = covered
            self.total = total
        }

        static func + (a: Count, b: Count) -> Count { Count(covered: a.covered + b.covered, total: a.total + b.total) }

        enum CodingKeys: String, CodingKey { case covered, total, percent }

        package init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            covered = try c.decode(Int.self, forKey: .covered)
            total = try c.decode(Int.self, forKey: .total)
        }

        package func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(covered, forKey: .covered)
            try c.encode(total, forKey: .total)
            try c.encode((percent * 10).rounded() / 10, forKey: .percent)
        }
    }

    /// One dialog's figures (or the total, with `dialog` "total").
    package struct Row: Sendable, Codable {
        package var dialog: String
        package var nodes = Count()
        package var edges = Count()
        package var conditions = Count()
        package var variants = Count()
        package var reprompts = Count()
        package var documentItems = Count()

        package init(dialog: String) { self.dialog = dialog }

        static func + (a: Row, b: Row) -> Row {
            var r = Row(dialog: a.dialog)
            r.nodes = a.nodes + b.nodes
            r.edges = a.edges + b.edges
            r.conditions = a.conditions + b.conditions
            r.variants = a.variants + b.variants
            r.reprompts = a.reprompts + b.reprompts
            r.documentItems = a.documentItems + b.documentItems
            return r
        }
    }

    /// What no conversation reached, named the way an author finds it in the files.
    package struct Missed: Sendable, Codable {
        /// `dialog.node`
        package var nodes: [String] = []
        /// `dialog.node edge 2 → dialog.target` (edges count from 1), or `dialog.node call → dialog.start`
        package var edges: [String] = []
        /// `dialog.node edge 2 'if <condition>' was never true` (or false)
        package var conditions: [String] = []
        /// `dialog.node variant 2`
        package var variants: [String] = []
        /// `dialog.node` (an ask node that never re-prompted)
        package var reprompts: [String] = []
        /// `document item 4` (items count from 1)
        package var documentItems: [String] = []
    }

    /// One row per dialog, in file order.
    package var dialogs: [Row]
    package var total: Row
    package var missed: Missed

    /// Coverage of `graph` by the traces (one per conversation, each the concatenation of its steps' traces).
    package init(graph: DialogGraph, traces: [[TraceEvent]]) {
        var seen = Seen()
        for trace in traces { seen.record(trace, graph: graph) }
        var rows: [String: Row] = [:]
        for id in graph.dialogOrder { rows[id] = Row(dialog: id) }
        var missed = Missed()

        for id in graph.nodeOrder {
            guard let node = graph.nodes[id] else { continue }
            var row = rows[id.dialog] ?? Row(dialog: id.dialog)
            let entered = seen.nodes.contains(id)
            row.nodes.total += 1
            if entered { row.nodes.covered += 1 } else { missed.nodes.append(id.description) }

            if case .call(let callee, _) = node.exit {
                row.edges.total += 1
                if seen.calls.contains(id) { row.edges.covered += 1 } else { missed.edges.append("\(id) call → \(callee)") }
            }
            for (i, edge) in node.edges.enumerated() {
                let key = EdgeKey(node: id, index: i)
                row.edges.total += 1
                if seen.edges.contains(key) { row.edges.covered += 1 } else { missed.edges.append("\(id) edge \(i + 1) → \(edge.target)") }
                guard let condition = edge.condition else { continue }
                for outcome in [true, false] {
                    row.conditions.total += 1
                    if seen.conditions.contains(ConditionKey(edge: key, outcome: outcome)) {
                        row.conditions.covered += 1
                    } else {
                        missed.conditions.append("\(id) edge \(i + 1) 'if \(condition)' was never \(outcome)")
                    }
                }
            }
            if node.say.count > 1 {
                for v in node.say.indices {
                    row.variants.total += 1
                    if seen.variants.contains(VariantKey(node: id, index: v)) {
                        row.variants.covered += 1
                    } else {
                        missed.variants.append("\(id) variant \(v + 1)")
                    }
                }
            }
            if node.question != nil {
                row.reprompts.total += 1
                if seen.reprompts.contains(id) { row.reprompts.covered += 1 } else { missed.reprompts.append(id.description) }
            }
            rows[id.dialog] = row
        }

        let dialogByFile = Dictionary(graph.dialogOrder.compactMap { d in graph.dialogs[d].map { ($0.file, d) } }, uniquingKeysWith: { a, _ in a })
        for docId in graph.documentOrder {
            guard let doc = graph.documents[docId] else { continue }
            let dialog = dialogByFile[doc.location.file] ?? graph.dialogOrder.first ?? ""
            var row = rows[dialog] ?? Row(dialog: dialog)
            for i in doc.items.indices {
                row.documentItems.total += 1
                if seen.items.contains(ItemKey(document: docId, index: i)) {
                    row.documentItems.covered += 1
                } else {
                    missed.documentItems.append("\(docId) item \(i + 1)")
                }
            }
            rows[dialog] = row
        }

        dialogs = graph.dialogOrder.compactMap { rows[$0] }
        total = dialogs.reduce(Row(dialog: "total"), +)
        total.dialog = "total"
        self.missed = missed
    }

    struct EdgeKey: Hashable {
        var node: NodeID
        var index: Int
    }

    struct ConditionKey: Hashable {
        var edge: EdgeKey
        var outcome: Bool
    }

    struct VariantKey: Hashable {
        var node: NodeID
        var index: Int
    }

    struct ItemKey: Hashable {
        var document: String
        var index: Int
    }

    /// Everything the traces showed.
    struct Seen {
        var nodes: Set<NodeID> = []
        var edges: Set<EdgeKey> = []
        var calls: Set<NodeID> = []
        var conditions: Set<ConditionKey> = []
        var variants: Set<VariantKey> = []
        var reprompts: Set<NodeID> = []
        var items: Set<ItemKey> = []

        mutating func record(_ trace: [TraceEvent], graph: DialogGraph) {
            // A call edge is taken when the callee's first node is entered right after the calling node.
            var lastEntered: NodeID?
            for event in trace {
                switch event {
                case .enter(let id):
                    if let last = lastEntered, case .call(let callee, _)? = graph.nodes[last]?.exit, callee == id {
                        calls.insert(last)
                    }
                    nodes.insert(id)
                    lastEntered = id
                case .edge(let id, let i): edges.insert(EdgeKey(node: id, index: i))
                case .condition(let id, let i, let outcome):
                    conditions.insert(ConditionKey(edge: EdgeKey(node: id, index: i), outcome: outcome))
                case .variant(let id, let i): variants.insert(VariantKey(node: id, index: i))
                case .reprompt(let id): reprompts.insert(id)
                case .documentItem(let doc, let i): items.insert(ItemKey(document: doc, index: i))
                default: break
                }
            }
        }
    }
}
