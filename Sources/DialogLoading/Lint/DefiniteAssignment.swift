import DialogCore

/// Whole-graph "asked or set before it is read" analysis, across files and calls (W064, E066).
///
/// A read is a slot in a condition (`if`, a document item's `when`) or a placeholder without a
/// fallback in a template (`say`, `reprompt`, a document's title and items, at every node that shows
/// the document). Reads guarded by `answered(…)` or a template fallback are not reads.
///
/// - *Must* analysis (W064): a slot is definitely set at a node when every path from the start (or
///   from an interrupt's target, which can fire before anything is asked) asks or sets it. A call
///   is summarised by what the called dialog sets on every path to its `return`, so a dialog called
///   from several places is judged at each with what was set there.
/// - *May* analysis (E066): when no path at all can have asked or set the slot (nor any interrupt's
///   flow), every conversation reads it unanswered: an error.
///
/// Every pass is a fixed point over bit sets, one bit per slot: linear in nodes + edges per round.
struct DefiniteAssignment {
    let graph: DialogGraph
    let index: GraphIndex
    let facts: LintFacts
    let sink: DiagnosticSink
    /// False: report only errors (E066).
    let warnings: Bool

    /// At most this many warnings get a path (each is one breadth-first search).
    static let maxPaths = 200

    /// Slot sets: `words` 64-bit words per node, node `p` at `p * words`.
    private struct Sets {
        let words: Int
        var bits: [UInt64]
        init(nodes: Int, words: Int, filled: Bool) {
            self.words = words
            bits = [UInt64](repeating: filled ? ~0 : 0, count: nodes * words)
        }
        func has(_ p: Int, _ slot: Int) -> Bool { bits[p * words + slot >> 6] & (1 << UInt64(slot & 63)) != 0 }
        mutating func insert(_ p: Int, _ slot: Int) { bits[p * words + slot >> 6] |= 1 << UInt64(slot & 63) }
    }

    /// How a node is entered from a predecessor.
    private enum EdgeKind {
        /// A `next` edge, or a call into the called dialog's start.
        case plain
        /// From a call node to where it continues once the called dialog returns.
        case afterCall
    }

    func run() {
        let n = index.ids.count
        guard n > 0, facts.slotCount > 0 else { return }
        let w = (facts.slotCount + 63) / 64
        var gen = Sets(nodes: n, words: w, filled: false)
        for p in 0..<n { for slot in index.writes[p] { gen.insert(p, slot) } }
        // The called dialog's start of each call node: its last successor (after its `next` edges).
        var callee = [Int](repeating: -1, count: n)
        for p in 0..<n where index.isCall[p] { callee[p] = index.successors[p].last ?? -1 }
        // Incoming edges of each node, flat.
        var predOffsets = [Int](repeating: 0, count: n + 1)
        for p in 0..<n { for s in index.successors[p] { predOffsets[s + 1] += 1 } }
        for k in 0..<n { predOffsets[k + 1] += predOffsets[k] }
        var preds = [(from: Int, kind: EdgeKind)](repeating: (0, .plain), count: predOffsets[n])
        var fill = predOffsets
        for p in 0..<n {
            let succ = index.successors[p]
            for (k, s) in succ.enumerated() {
                let kind: EdgeKind = index.isCall[p] && k < succ.count - 1 ? .afterCall : .plain
                preds[fill[s]] = (p, kind)
                fill[s] += 1
            }
        }
        var isEntry = [Bool](repeating: false, count: n)
        var isInterruptTarget = [Bool](repeating: false, count: n)
        var interruptTargets: [Int] = []
        if let e = index.position(graph.entry) { isEntry[e] = true }
        for i in graph.interrupts {
            for entry in i.entries {
                if let t = index.position(entry) {
                    isEntry[t] = true
                    isInterruptTarget[t] = true
                    interruptTargets.append(t)
                }
            }
        }

        // Backward: what every (must) or some (may) path from a node to the `return` of its call sets.
        var mustReturn = Sets(nodes: n, words: w, filled: true)
        var mayReturn = Sets(nodes: n, words: w, filled: false)
        var acc = [UInt64](repeating: 0, count: w)
        var any = [UInt64](repeating: 0, count: w)
        var changed = true
        while changed {
            changed = false
            for p in stride(from: n - 1, through: 0, by: -1) {
                if index.isReturn[p] {
                    for k in 0..<w { acc[k] = 0; any[k] = 0 }
                } else if index.isTerminal[p] {
                    continue  // an end never returns: every set stays as it started (all for must, none for may)
                } else {
                    for k in 0..<w { acc[k] = ~0; any[k] = 0 }
                    let succ = index.successors[p]
                    let onward = index.isCall[p] ? succ.dropLast() : succ[...]
                    for s in onward {
                        for k in 0..<w {
                            acc[k] &= mustReturn.bits[s * w + k]
                            any[k] |= mayReturn.bits[s * w + k]
                        }
                    }
                    if callee[p] >= 0 {
                        for k in 0..<w {
                            acc[k] |= mustReturn.bits[callee[p] * w + k]
                            any[k] |= mayReturn.bits[callee[p] * w + k]
                        }
                    }
                }
                for k in 0..<w {
                    let must = acc[k] | gen.bits[p * w + k]
                    let may = any[k] | gen.bits[p * w + k]
                    if must != mustReturn.bits[p * w + k] || may != mayReturn.bits[p * w + k] {
                        mustReturn.bits[p * w + k] = must
                        mayReturn.bits[p * w + k] = may
                        changed = true
                    }
                }
            }
        }

        // Backward: what some path onward from a node (through calls) may ask or set, itself included.
        var later = gen
        changed = true
        while changed {
            changed = false
            for p in stride(from: n - 1, through: 0, by: -1) {
                for s in index.successors[p] {
                    for k in 0..<w where later.bits[s * w + k] & ~later.bits[p * w + k] != 0 {
                        later.bits[p * w + k] |= later.bits[s * w + k]
                        changed = true
                    }
                }
            }
        }

        // Forward: what every (must) or some (may) path from an entry has set on arriving at a node.
        // An interrupt can fire at the first question (must: nothing set) or at any (may: anything
        // set before some question).
        var mustIn = Sets(nodes: n, words: w, filled: true)
        var mayIn = Sets(nodes: n, words: w, filled: false)
        var atQuestions = [UInt64](repeating: 0, count: w)
        changed = true
        while changed {
            changed = false
            for x in 0..<n where !index.isSilent[x] {
                for k in 0..<w { atQuestions[k] |= mayIn.bits[x * w + k] | gen.bits[x * w + k] }
            }
            for x in 0..<n {
                let incoming = preds[predOffsets[x]..<predOffsets[x + 1]]
                if isEntry[x] || incoming.isEmpty {
                    for k in 0..<w { acc[k] = 0 }
                } else {
                    for k in 0..<w { acc[k] = ~0 }
                }
                for k in 0..<w { any[k] = isInterruptTarget[x] ? atQuestions[k] : 0 }
                for (p, kind) in incoming {
                    for k in 0..<w {
                        var must = mustIn.bits[p * w + k] | gen.bits[p * w + k]
                        var may = mayIn.bits[p * w + k] | gen.bits[p * w + k]
                        if case .afterCall = kind {
                            must |= mustReturn.bits[callee[p] * w + k]
                            may |= mayReturn.bits[callee[p] * w + k]
                        }
                        if !isEntry[x] { acc[k] &= must }
                        any[k] |= may
                    }
                }
                for k in 0..<w where acc[k] != mustIn.bits[x * w + k] || any[k] != mayIn.bits[x * w + k] {
                    mustIn.bits[x * w + k] = acc[k]
                    mayIn.bits[x * w + k] = any[k]
                    changed = true
                }
            }
        }
        // Slots an interrupt's flow may set: it can fire at any question and resume there.
        var byInterrupts = [UInt64](repeating: 0, count: w)
        let reachedByInterrupts = index.reach(from: interruptTargets, along: index.successors)
        for p in 0..<n where reachedByInterrupts[p] {
            for k in 0..<w { byInterrupts[k] |= gen.bits[p * w + k] }
        }

        // Each read, judged where it happens: a node's own reads, and the reads of the documents it shows.
        struct Finding {
            var read: LintFacts.Read
            var node: Int
            var everyPath: Bool
        }
        var findings: [Finding] = []
        var byLocation: [SourceLocation: Int] = [:]
        func judge(_ read: LintFacts.Read, at x: Int, afterCall: Bool) {
            let slot = read.slot
            if mustIn.has(x, slot) || gen.has(x, slot) { return }
            if afterCall, mustReturn.has(callee[x], slot) { return }
            let may =
                mayIn.has(x, slot) || byInterrupts[slot >> 6] & (1 << UInt64(slot & 63)) != 0
                || (afterCall && mayReturn.has(callee[x], slot))
            // A condition may test a slot that some paths leave unanswered (the test is then false): it
            // is a mistake only when the slot is asked later, so the test runs before its question.
            if may, read.inCondition, !later.has(x, slot) { return }
            if let k = byLocation[read.location] {
                findings[k].everyPath = findings[k].everyPath && !may
                return
            }
            byLocation[read.location] = findings.count
            findings.append(Finding(read: read, node: x, everyPath: !may))
        }
        for x in 0..<n {
            for read in index.reads[x] {
                var afterCall = false
                if case .edge = read.place { afterCall = index.isCall[x] && callee[x] >= 0 }
                judge(read, at: x, afterCall: afterCall)
            }
        }
        for (x, documents) in facts.shownDocuments {
            for doc in documents { for read in facts.documentReads[doc] ?? [] { judge(read, at: x, afterCall: false) } }
        }

        var paths = 0
        for f in findings {
            let name = graph.slotOrder[f.read.slot]
            let id = index.ids[f.node]
            if f.everyPath {
                sink.report(
                    .readNeverSet, f.read.location, f.read.pointer,
                    "slot '\(name)' is read here, but no path to node '\(id)' asks or sets it, so it is always unanswered",
                    hint: "ask it on the way to '\(id)', or guard with answered(\(name)), or give a template fallback {{\(name)|…}}")
                continue
            }
            guard warnings else { continue }
            var message = "slot '\(name)' is read here, but on some path to node '\(id)' nothing has asked or set it yet"
            if paths < Self.maxPaths {
                paths += 1
                if let path = path(to: f.node, slot: f.read.slot, preds: preds, offsets: predOffsets, gen: gen, mustReturn: mustReturn, callee: callee, isEntry: isEntry) {
                    message += ": " + Self.describe(path.map { index.ids[$0].description })
                }
            }
            sink.report(
                .readBeforeSet, f.read.location, f.read.pointer, message,
                hint: "ask it earlier on every path, guard with answered(\(name)), or give a template fallback {{\(name)|…}}")
        }
    }

    /// The shortest path from an entry to `x` on which nothing asks or sets `slot` (breadth-first, backwards).
    private func path(
        to x: Int, slot: Int, preds: [(from: Int, kind: EdgeKind)], offsets: [Int], gen: Sets, mustReturn: Sets, callee: [Int],
        isEntry: [Bool]
    ) -> [Int]? {
        var next = [Int](repeating: -2, count: index.ids.count)  // the node after each visited one, toward x
        next[x] = -1
        var queue = [x]
        var head = 0
        while head < queue.count {
            let y = queue[head]
            head += 1
            if isEntry[y] {
                var path = [y]
                var k = y
                while next[k] >= 0 {
                    k = next[k]
                    path.append(k)
                }
                return path
            }
            for (p, kind) in preds[offsets[y]..<offsets[y + 1]] where next[p] == -2 {
                if gen.has(p, slot) { continue }
                if case .afterCall = kind, mustReturn.has(callee[p], slot) { continue }
                next[p] = y
                queue.append(p)
            }
        }
        return nil
    }

    /// `a → b → c`, with the middle left out of long paths.
    static func describe(_ names: [String]) -> String {
        guard names.count > 8 else { return names.joined(separator: " → ") }
        return (names.prefix(3) + ["…"] + names.suffix(4)).joined(separator: " → ")
    }
}
