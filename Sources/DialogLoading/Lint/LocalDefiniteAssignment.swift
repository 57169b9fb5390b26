import DialogCore

/// Per-dialog "definitely asked or set" analysis (the check for big dialog sets: `GraphLint.wholeGraphLimit`) over the dialog's own slots: a read of a slot on a
/// path where no earlier node asked or set it is reported (W064). Reads of other dialogs' slots and
/// reads guarded by `answered(…)` or a template fallback are not reported.
struct LocalDefiniteAssignment {
    let index: GraphIndex
    let dialog: DialogInfo
    /// Every slot's name, by number (the graph's `slotOrder`).
    let slotNames: [String]
    /// How many slots the dialog declares.
    let slotCount: Int
    let sink: DiagnosticSink

    /// Checks the dialog's nodes, given by their places in the graph's `nodeOrder`.
    ///
    /// `local` maps every place to -1 on entry and is left so on return: one array shared by all
    /// dialogs, so the pass stays linear in the whole graph. `bits` gives each of the dialog's own
    /// slots (by number) its bit, and -1 to every other slot. `isEntryPoint` marks interrupt targets.
    func run(_ places: Range<Int>, local: inout [Int], bits bit: [Int], isEntryPoint: [Bool]) {
        let words = (slotCount + 63) / 64
        let n = places.count
        // Sets of slots as `words` 64-bit words per node, in flat arrays (node i at i * words).
        var gen = [UInt64](repeating: 0, count: n * words)
        // Each node's predecessors in this dialog, by local number, flat (node i's at predOffsets[i]..<predOffsets[i + 1]).
        var predOffsets = [Int](repeating: 0, count: n + 1)
        var preds: [Int] = []
        var isEntry = [Bool](repeating: false, count: n)
        // Local node number by graph position (-1: another dialog's node).
        for (i, gi) in places.enumerated() { local[gi] = i }
        defer { for gi in places { local[gi] = -1 } }
        for (i, gi) in places.enumerated() {
            let base = i * words
            for slot in index.writes[gi] {
                let b = bit[slot]
                if b >= 0 { gen[base + b / 64] |= 1 << UInt64(b % 64) }
            }
            if index.isCall[gi] {  // the called dialog may set anything
                for w in 0..<words { gen[base + w] = ~0 }
            }
            for p in index.predecessors[gi] {
                let lp = local[p]
                if lp >= 0 { preds.append(lp) } else { isEntry[i] = true }
            }
            predOffsets[i + 1] = preds.count
        }
        if let gi = index.position(dialog.start), local[gi] >= 0 { isEntry[local[gi]] = true }
        for (i, gi) in places.enumerated() where isEntryPoint[gi] { isEntry[i] = true }
        // Fixed point: IN = ∩ OUT(preds) (empty at entries), OUT = IN ∪ GEN.
        var outs = [UInt64](repeating: ~0, count: n * words)
        var ins = [UInt64](repeating: ~0, count: n * words)
        var input = [UInt64](repeating: 0, count: words)
        var changed = true
        var rounds = 0
        while changed, rounds < 64 {
            changed = false
            rounds += 1
            for i in 0..<n {
                let mine = predOffsets[i]..<predOffsets[i + 1]
                let start: UInt64 = isEntry[i] || mine.isEmpty ? 0 : ~0
                for w in 0..<words { input[w] = start }
                for p in preds[mine] { for w in 0..<words { input[w] &= outs[p * words + w] } }
                let base = i * words
                for w in 0..<words {
                    let output = input[w] | gen[base + w]
                    if output != outs[base + w] || input[w] != ins[base + w] {
                        outs[base + w] = output
                        ins[base + w] = input[w]
                        changed = true
                    }
                }
            }
        }
        for (i, gi) in places.enumerated() {
            let reads = index.reads[gi]
            guard !reads.isEmpty else { continue }
            let id = index.ids[gi]
            let base = i * words
            for read in reads {
                let b = bit[read.slot]
                guard b >= 0, (ins[base + b / 64] | gen[base + b / 64]) & (1 << UInt64(b % 64)) == 0 else { continue }
                let name = slotNames[read.slot]
                sink.report(
                    .readBeforeSet, read.location, read.pointer,
                    "slot '\(name)' is read here, but on some path to node '\(id)' nothing has asked or set it yet",
                    hint: "ask it earlier on every path, guard with answered(\(name)), or give a template fallback {{\(name)|…}}")
            }
        }
    }
}
