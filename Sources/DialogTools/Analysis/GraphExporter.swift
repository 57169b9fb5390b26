import DialogCore

/// The conversation graph as picture source: Graphviz DOT or Mermaid (renders on the forge).
///
/// One cluster per dialog; questions are rounded boxes, ends are double circles, calls are dashed
/// edges to the called dialog; edge labels are the `if` conditions; interrupts are dotted edges
/// from a shared "any question" node.
package enum GraphExporter {
    /// Graphviz DOT or Mermaid.
    package enum Format: Sendable { case dot, mermaid }

    /// The graph's picture source in `format`: every dialog, or only `only`.
    package static func export(_ graph: DialogGraph, format: Format, dialog only: String? = nil) -> String {
        // `main` first (where the conversation starts), then the others in file order.
        let ordered = graph.dialogOrder.filter { $0 == "main" } + graph.dialogOrder.filter { $0 != "main" }
        let dialogs = ordered.filter { only == nil || $0 == only }
        var nodeIds: [NodeID] = []
        for d in dialogs {
            guard let info = graph.dialogs[d] else { continue }
            nodeIds += info.nodes.map { NodeID(dialog: d, node: $0) }
        }
        let included = Set(nodeIds)
        var edges: [(NodeID, NodeID, String, EdgeKind)] = []
        for id in nodeIds {
            guard let node = graph.nodes[id] else { continue }
            if case .call(let callee, _) = node.exit { edges.append((id, callee, "call", .call)) }
            for e in node.edges { edges.append((id, e.target, e.condition.map { String(describing: $0) } ?? "", .next)) }
        }
        let interruptEdges = graph.interrupts.filter { only == nil || included.contains($0.target) }
        switch format {
        case .dot: return dot(graph, dialogs, nodeIds, edges, interruptEdges, included)
        case .mermaid: return mermaid(graph, dialogs, nodeIds, edges, interruptEdges, included)
        }
    }

    enum EdgeKind { case next, call }

    private static func key(_ id: NodeID) -> String {
        (id.dialog + "__" + id.node).replacing(".", with: "_")
    }

    private static func label(_ graph: DialogGraph, _ id: NodeID) -> String {
        guard let node = graph.nodes[id] else { return id.node }
        if let q = node.question { return "\(id.node)\n? \(q.slot)" }
        if case .end = node.exit { return "\(id.node)\n(end)" }
        if case .returns = node.exit { return "\(id.node)\n(return)" }
        return id.node
    }

    private static func dot(
        _ graph: DialogGraph, _ dialogs: [String], _ nodeIds: [NodeID], _ edges: [(NodeID, NodeID, String, EdgeKind)],
        _ interrupts: [Interrupt], _ included: Set<NodeID>
    ) -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
                .replacing("\n", with: "\\n") + "\""
        }
        var out = ["digraph conversation {", "  rankdir=TB;", "  node [shape=box, fontname=\"Helvetica\", fontsize=10];",
                   "  edge [fontname=\"Helvetica\", fontsize=9];"]
        for d in dialogs {
            guard let info = graph.dialogs[d] else { continue }
            out.append("  subgraph \(q("cluster_" + d)) {")
            out.append("    label=\(q(info.title.map { "\($0) (\(d))" } ?? d));")
            for n in info.nodes {
                let id = NodeID(dialog: d, node: n)
                var attrs = "label=\(q(label(graph, id)))"
                if graph.nodes[id]?.question != nil { attrs += ", style=rounded" }
                if case .end? = graph.nodes[id]?.exit { attrs += ", shape=doublecircle" }
                out.append("    \(key(id)) [\(attrs)];")
            }
            out.append("  }")
        }
        if !interrupts.isEmpty { out.append("  any_question [label=\"any question\", shape=note];") }
        for (from, to, text, kind) in edges {
            let target = included.contains(to) ? key(to) : q(to.description)
            var attrs: [String] = []
            if !text.isEmpty, kind == .next { attrs.append("label=\(q(text))") }
            if kind == .call { attrs.append("style=dashed, label=\"call\"") }
            out.append("  \(key(from)) -> \(target)" + (attrs.isEmpty ? ";" : " [\(attrs.joined(separator: ", "))];"))
        }
        for i in interrupts {
            out.append("  any_question -> \(key(i.target)) [style=dotted, label=\(q(i.id))];")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    private static func mermaid(
        _ graph: DialogGraph, _ dialogs: [String], _ nodeIds: [NodeID], _ edges: [(NodeID, NodeID, String, EdgeKind)],
        _ interrupts: [Interrupt], _ included: Set<NodeID>
    ) -> String {
        func text(_ s: String) -> String {
            "\"" + s.replacing("\"", with: "#quot;").replacing("\n", with: "<br/>") + "\""
        }
        var out = ["flowchart TD"]
        for d in dialogs {
            guard let info = graph.dialogs[d] else { continue }
            out.append("  subgraph \(d)[\(text(info.title ?? d))]")
            for n in info.nodes {
                let id = NodeID(dialog: d, node: n)
                let l = text(label(graph, id))
                if graph.nodes[id]?.question != nil {
                    out.append("    \(key(id))(\(l))")
                } else if case .end? = graph.nodes[id]?.exit {
                    out.append("    \(key(id))((\(l)))")
                } else {
                    out.append("    \(key(id))[\(l)]")
                }
            }
            out.append("  end")
        }
        if !interrupts.isEmpty { out.append("  any_question>\"any question\"]") }
        for (from, to, t, kind) in edges {
            let target = included.contains(to) ? key(to) : key(to) + "[" + text(to.description) + "]"
            switch kind {
            case .call: out.append("  \(key(from)) -.->|call| \(target)")
            case .next: out.append(t.isEmpty ? "  \(key(from)) --> \(target)" : "  \(key(from)) -->|\(text(t))| \(target)")
            }
        }
        for i in interrupts { out.append("  any_question -.->|\(text(i.id))| \(key(i.target))") }
        return out.joined(separator: "\n") + "\n"
    }
}
