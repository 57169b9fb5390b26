import DialogCore

/// Whole-graph checks that run after linking: reachability, a way to an end from every node,
/// loops that ask nothing, slots read before they can have been set, and plain-language length.
///
/// Every pass is linear in nodes + edges (the data-flow pass is linear per dialog, over that
/// dialog's own slots), so `validate` stays fast on very large dialog sets.
struct GraphLint {
    let graph: DialogGraph
    let facts: LintFacts
    let sink: DiagnosticSink

    /// Plain-language limits for `say`, `reprompt` and `why` text.
    static let maxSentenceWords = 25
    static let maxTextWords = 90
    /// Reading level: the Flesch–Kincaid grade a prompt of 12 words or more may reach (we aim at ~8).
    static let maxGrade = 12.0

    /// Runs every pass; with `warnings` false, only those that can report errors (E061, E062, E066).
    func run(warnings: Bool = true) {
        let index = GraphIndex(graph, facts: facts)
        if warnings { checkReachability(index) }
        checkPathsToEnd(index)
        checkInputlessLoops(index)
        checkReadsBeforeSet(index, warnings: warnings)
        guard warnings else { return }
        checkPromptLength()
    }

    private func checkReachability(_ index: GraphIndex) {
        var roots = [index.position(graph.entry) ?? 0]
        for i in graph.interrupts { for e in i.entries { if let p = index.position(e) { roots.append(p) } } }
        let seen = index.reach(from: roots, along: index.successors)
        for (i, id) in index.ids.enumerated() where !seen[i] {
            guard let node = graph.nodes[id] else { continue }
            sink.report(
                .unreachableNode, node.location, "/nodes/\(id.node)", "node '\(id)' cannot be reached from the start or any interrupt",
                hint: "link to it with \"next\" or \"goto\", or delete it")
        }
    }

    private func checkPathsToEnd(_ index: GraphIndex) {
        let terminals = index.ids.indices.filter { index.isTerminal[$0] }
        let seen = index.reach(from: terminals, along: index.predecessors)
        for (i, id) in index.ids.enumerated() where !seen[i] {
            guard let node = graph.nodes[id] else { continue }
            sink.report(
                .noPathToEnd, node.location, "/nodes/\(id.node)", "no path from node '\(id)' reaches an end",
                hint: "give the loop a way out to a node with \"end\": true or \"return\": true")
        }
    }

    private func checkInputlessLoops(_ index: GraphIndex) {
        // Edges between nodes that ask nothing; a strongly connected component among them spins forever.
        let silent = index.isSilent
        let edges = index.successors.filtered { silent[$0] }
        for component in StronglyConnected.loops(edges) {
            guard let first = component.min(), let node = graph.nodes[index.ids[first]] else { continue }
            let names = component.sorted().prefix(5).map { index.ids[$0].description }.joined(separator: " → ")
            sink.report(
                .inputlessLoop, node.location, "/nodes/\(node.id.node)",
                "these nodes loop without asking anything, so the conversation would never stop: \(names)",
                hint: "put a question in the loop, or route one edge out of it")
        }
    }

    /// The biggest graph (nodes × 64-bit words of slots) the whole-graph read-before-set check runs on.
    /// Its fixed point keeps a set of slots per node, so it grows as nodes × slots; a set bigger than
    /// this (about 2,000 nodes with 300 slots, far beyond any hand-written set) is checked dialog by
    /// dialog instead (W064 within each file, as before the whole-graph check), keeping `validate` of
    /// 100,000 generated nodes linear.
    static let wholeGraphLimit = 40_000

    private func checkReadsBeforeSet(_ index: GraphIndex, warnings: Bool) {
        if index.ids.count * ((facts.slotCount + 63) / 64) <= Self.wholeGraphLimit {
            DefiniteAssignment(graph: graph, index: index, facts: facts, sink: sink, warnings: warnings).run()
            return
        }
        guard warnings else { return }
        var localPlace = [Int](repeating: -1, count: index.ids.count)
        // Each slot's bit in the dialog being checked (-1: another dialog's slot); reset after each dialog.
        var bits = [Int](repeating: -1, count: facts.slotCount)
        var isInterruptTarget = [Bool](repeating: false, count: index.ids.count)
        for i in graph.interrupts {
            for e in i.entries { if let p = index.position(e) { isInterruptTarget[p] = true } }
        }
        for dialogId in graph.dialogOrder {
            guard let dialog = graph.dialogs[dialogId], let local = facts.slotsByFile[dialog.file], !local.isEmpty else { continue }
            guard let range = facts.dialogPlaces[dialogId] else { continue }
            for (bit, slot) in local.enumerated() { bits[slot] = bit }
            defer { for slot in local { bits[slot] = -1 } }
            guard range.contains(where: { p in index.reads[p].contains { bits[$0.slot] >= 0 } }) else { continue }
            LocalDefiniteAssignment(index: index, dialog: dialog, slotNames: graph.slotOrder, slotCount: local.count, sink: sink)
                .run(range, local: &localPlace, bits: bits, isEntryPoint: isInterruptTarget)
        }
    }

    private func checkPromptLength() {
        // By index: binding each prompt would retain and release its strings; only a reported one is copied.
        for i in facts.prompts.indices {
            var text = facts.prompts[i].text
            text.withUTF8 { bytes in
                let scan = Self.scan(bytes)
                let counts = scan.map { (words: $0.words, longestSentence: $0.longestSentence) } ?? Self.wordCountsByCharacter(facts.prompts[i].text)
                if counts.words > Self.maxTextWords {
                    sink.report(
                        .longPrompt, facts.prompts[i].location, facts.prompts[i].pointer, "this text has \(counts.words) words; keep it under \(Self.maxTextWords + 1)",
                        hint: "split it over two nodes, or cut it down")
                    return
                }
                // Long sentences alone push the grade up; report the reading level only when they are not the cause.
                if counts.longestSentence > Self.maxSentenceWords {
                    for sentence in Self.sentences(facts.prompts[i].text) where sentence.count > Self.maxSentenceWords {
                        let start = sentence.prefix(4).joined(separator: " ")
                        sink.report(
                            .longPrompt, facts.prompts[i].location, facts.prompts[i].pointer,
                            "the sentence starting '\(start)…' has \(sentence.count) words; keep sentences under \(Self.maxSentenceWords + 1)",
                            hint: "split it into two shorter sentences")
                    }
                } else if (scan?.letterWords ?? Readability.wordCount(bytes)) >= 12 {
                    let grade = Readability.grade(bytes)
                    if grade > Self.maxGrade {
                        sink.report(
                            .hardToRead, facts.prompts[i].location, facts.prompts[i].pointer,
                            "this text reads at school grade \(Int(grade.rounded())); keep it at grade \(Int(Self.maxGrade)) or below",
                            hint: "use shorter sentences and everyday words")
                    }
                }
            }
        }
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    }

    /// `words(text).count` and the most words in one of `sentences(text)`, by Character (any text).
    static func wordCountsByCharacter(_ text: String) -> (words: Int, longestSentence: Int) {
        (words(text).count, sentences(text).map(\.count).max() ?? 0)
    }

    /// The same counts in one pass over the bytes, without building substrings; nil outside ASCII
    /// or with "\r" ("\r\n" is one Character, not a separator), where `wordCountsByCharacter` decides.
    static func wordCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, longestSentence: Int)? {
        scan(bytes).map { ($0.words, $0.longestSentence) }
    }

    /// `wordCounts` and `Readability.wordCount` in one pass over the bytes; nil where `wordCounts` is.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, longestSentence: Int, letterWords: Int)? {
        var words = 0
        var inSentence = 0
        var longest = 0
        var last: UInt8 = 0
        var inWord = false
        var letterWords = 0
        var inLetters = false
        for byte in bytes {
            // Readability.wordCount: runs of ASCII letters (the text is ASCII here).
            let lower = byte | 0x20
            if lower &- 97 < 26 {
                if !inLetters { letterWords += 1 }
                inLetters = true
                last = byte
                inWord = true
                continue
            }
            inLetters = false
            if byte >= 0x80 || byte == UInt8(ascii: "\r") { return nil }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                if inWord {
                    words += 1
                    inSentence += 1
                    if last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") || last == UInt8(ascii: ":") {
                        longest = max(longest, inSentence)
                        inSentence = 0
                    }
                }
                inWord = false
            } else {
                last = byte
                inWord = true
            }
        }
        if inWord {
            words += 1
            inSentence += 1
        }
        return (words, max(longest, inSentence), letterWords)
    }

    static func sentences(_ text: String) -> [[Substring]] {
        var result: [[Substring]] = [[]]
        for word in words(text) {
            result[result.count - 1].append(word)
            if let last = word.last, ".!?:".contains(last) { result.append([]) }
        }
        return result.filter { !$0.isEmpty }
    }
}

/// Node ids numbered densely (by place in `nodeOrder`), with successor and predecessor lists and
/// what each node does — all recorded by the linker as it linked each node, so the lint passes
/// never look a node up by id.
struct GraphIndex {
    let ids: [NodeID]
    let successors: Adjacency
    let predecessors: Adjacency
    /// Nodes that end the conversation or return from a call.
    let isTerminal: [Bool]
    /// Nodes that ask nothing.
    let isSilent: [Bool]
    /// Nodes that call another dialog.
    let isCall: [Bool]
    /// Nodes that return from a call.
    let isReturn: [Bool]
    /// The slots each node sets or asks (including a keyword map's slot), in node order.
    let writes: FlatLists<Int>
    /// Where each node reads slots (for the read-before-set pass).
    let reads: FlatLists<LintFacts.Read>
    private let nodePlaces: [String: [String: Int]]

    init(_ graph: DialogGraph, facts: LintFacts) {
        ids = graph.nodeOrder
        let succ = facts.successors.build()
        successors = succ
        predecessors = succ.reversed()
        isTerminal = facts.isTerminal
        isSilent = facts.isSilent
        isCall = facts.isCall
        isReturn = facts.isReturn
        writes = facts.writes.build()
        reads = facts.reads.build()
        nodePlaces = facts.nodePlaces
    }

    /// The place of node `id`, if the graph has it.
    func position(_ id: NodeID) -> Int? { nodePlaces[id.dialog]?[id.node] }

    func reach(from roots: [Int], along edges: Adjacency) -> [Bool] {
        var seen = [Bool](repeating: false, count: ids.count)
        var stack = roots
        for r in roots { seen[r] = true }
        while let n = stack.popLast() {
            for m in edges[n] where !seen[m] {
                seen[m] = true
                stack.append(m)
            }
        }
        return seen
    }
}

/// A list per node `0..<count` in two flat arrays: node `n`'s items are
/// `items[offsets[n]..<offsets[n + 1]]`, in the order they were added.
struct FlatLists<Element> {
    let offsets: [Int]
    let items: [Element]

    var count: Int { offsets.count - 1 }

    subscript(n: Int) -> ArraySlice<Element> { items[offsets[n]..<offsets[n + 1]] }

    func degree(_ n: Int) -> Int { offsets[n + 1] - offsets[n] }

    /// Collects (node, item) pairs in any node order, keeping each node's items in the order added.
    struct Builder {
        private var counts: [Int]
        private var items: [Element] = []
        private var nodes: [Int] = []
        /// Whether items were added node by node (the linker's order): then they are already in place.
        private var inOrder = true

        init(count: Int) { counts = [Int](repeating: 0, count: count + 1) }

        mutating func add(_ item: Element, to node: Int) {
            if let last = nodes.last, node < last { inOrder = false }
            items.append(item)
            nodes.append(node)
            counts[node + 1] += 1
        }

        /// Places the pairs by node (a counting sort, stable within a node).
        func build() -> FlatLists {
            var offsets = counts
            for k in 0..<(offsets.count - 1) { offsets[k + 1] += offsets[k] }
            if inOrder { return FlatLists(offsets: offsets, items: items) }
            var next = offsets
            var placed = items
            for (k, node) in nodes.enumerated() {
                placed[next[node]] = items[k]
                next[node] += 1
            }
            return FlatLists(offsets: offsets, items: placed)
        }
    }
}

/// Edge lists: node `n`'s successors (or predecessors) by dense position.
typealias Adjacency = FlatLists<Int>

extension FlatLists where Element == Int {
    init(offsets: [Int], targets: [Int]) { self.init(offsets: offsets, items: targets) }

    /// Node `n`'s `k`-th target.
    func target(_ n: Int, _ k: Int) -> Int { items[offsets[n] + k] }

    /// The reverse edges; each node's sources in increasing order (as appending while walking 0, 1, … gives).
    func reversed() -> Adjacency {
        var counts = [Int](repeating: 0, count: count + 1)
        for t in items { counts[t + 1] += 1 }
        for n in 0..<count { counts[n + 1] += counts[n] }
        var next = counts
        var sources = [Int](repeating: 0, count: items.count)
        for n in 0..<count {
            for t in self[n] {
                sources[next[t]] = n
                next[t] += 1
            }
        }
        return Adjacency(offsets: counts, targets: sources)
    }

    /// Only edges between nodes that `keep` accepts.
    func filtered(_ keep: (Int) -> Bool) -> Adjacency {
        var offsets = [Int](repeating: 0, count: count + 1)
        var kept: [Int] = []
        for n in 0..<count {
            if keep(n) {
                for t in self[n] where keep(t) { kept.append(t) }
            }
            offsets[n + 1] = kept.count
        }
        return Adjacency(offsets: offsets, targets: kept)
    }
}

/// Tarjan's algorithm, iterative (dialog graphs can be deep).
enum StronglyConnected {
    /// The strongly connected components that are loops: more than one node, or one with an edge to
    /// itself, in the order Tarjan's algorithm finds them (single nodes are not collected at all).
    static func loops(_ edges: Adjacency) -> [[Int]] {
        let n = edges.count
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var result: [[Int]] = []
        var counter = 0
        for root in 0..<n where index[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let (v, e) = work.last {
                if e < edges.degree(v) {
                    work[work.count - 1].edge += 1
                    let w = edges.target(v, e)
                    if index[w] < 0 {
                        index[w] = counter
                        low[w] = counter
                        counter += 1
                        stack.append(w)
                        onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last { low[parent.node] = min(low[parent.node], low[v]) }
                    if low[v] == index[v] {
                        if stack.last == v {
                            // A single node: a loop only through an edge to itself.
                            stack.removeLast()
                            onStack[v] = false
                            if edges[v].contains(v) { result.append([v]) }
                            continue
                        }
                        var component: [Int] = []
                        while let w = stack.popLast() {
                            onStack[w] = false
                            component.append(w)
                            if w == v { break }
                        }
                        result.append(component)
                    }
                }
            }
        }
        return result
    }
}
