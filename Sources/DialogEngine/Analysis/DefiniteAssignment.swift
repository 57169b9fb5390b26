/// Per-dialog "definitely asked or set" analysis over the dialog's own slots: a read of a slot on a
/// path where no earlier node asked or set it is reported (W064). Reads of other dialogs' slots and
/// reads guarded by `answered(…)` or a template fallback are not reported.
struct DefiniteAssignment {
    let graph: DialogGraph
    let index: GraphIndex
    let facts: LintFacts
    let dialog: DialogInfo
    let slots: [String]
    let sink: DiagnosticSink

    func run(_ nodeIds: [NodeID]) {
        let bit = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1, $0) })
        let words = (slots.count + 63) / 64
        let all = [UInt64](repeating: ~0, count: words)
        let none = [UInt64](repeating: 0, count: words)
        let local = Dictionary(uniqueKeysWithValues: nodeIds.enumerated().map { ($1, $0) })
        var gen = [[UInt64]](repeating: none, count: nodeIds.count)
        var preds = [[Int]](repeating: [], count: nodeIds.count)
        var isEntry = [Bool](repeating: false, count: nodeIds.count)
        for (i, id) in nodeIds.enumerated() {
            guard let node = graph.nodes[id], let gi = index.position[id] else { continue }
            var g = none
            func mark(_ s: String) { if let b = bit[s] { g[b / 64] |= 1 << UInt64(b % 64) } }
            node.assignments.forEach { mark($0.slot) }
            if let q = node.question {
                mark(q.slot)
                if let m = q.map { mark(m.slot) }
            }
            if case .call = node.exit { g = all }  // the called dialog may set anything
            gen[i] = g
            for p in index.predecessors[gi] {
                if let lp = local[index.ids[p]] { preds[i].append(lp) } else { isEntry[i] = true }
            }
        }
        if let start = local[dialog.start] { isEntry[start] = true }
        for target in graph.interrupts.map(\.target) { if let t = local[target] { isEntry[t] = true } }
        // Fixed point: IN = ∩ OUT(preds) (empty at entries), OUT = IN ∪ GEN.
        var outs = [[UInt64]](repeating: all, count: nodeIds.count)
        var ins = [[UInt64]](repeating: all, count: nodeIds.count)
        var changed = true
        var rounds = 0
        while changed, rounds < 64 {
            changed = false
            rounds += 1
            for i in nodeIds.indices {
                var input = isEntry[i] || preds[i].isEmpty ? none : all
                for p in preds[i] { for w in 0..<words { input[w] &= outs[p][w] } }
                var output = input
                for w in 0..<words { output[w] |= gen[i][w] }
                if output != outs[i] || input != ins[i] {
                    outs[i] = output
                    ins[i] = input
                    changed = true
                }
            }
        }
        for (i, id) in nodeIds.enumerated() {
            guard let reads = facts.reads[id] else { continue }
            let known = zip(ins[i], gen[i]).map { $0 | $1 }
            for read in reads {
                guard let b = bit[read.slot], known[b / 64] & (1 << UInt64(b % 64)) == 0 else { continue }
                sink.report(
                    .readBeforeSet, read.location, read.pointer,
                    "slot '\(read.slot)' is read here, but on some path to node '\(id)' nothing has asked or set it yet",
                    hint: "ask it earlier on every path, guard with answered(\(read.slot)), or give a template fallback {{\(read.slot)|…}}")
            }
        }
    }
}
