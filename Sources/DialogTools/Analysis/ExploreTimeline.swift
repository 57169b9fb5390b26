import DialogCore

/// The answers as they were when each node of one engine step was entered.
///
/// A step changes slots only by the accepted answer (before any node is entered) and by `set`
/// assignments of the nodes it enters, so the slots at node `j` are the final slots with any slot that
/// a later node of the step assigns taken back to its earlier value.
struct ExploreTimeline {
    let before: [String: Value]
    let after: [String: Value]
    let entered: [NodeID]
    let graph: DialogGraph
    /// No entered node assigns anything: every node saw the final slots.
    private let simple: Bool

    /// `assigns`: whether any entered node has `set` assignments.
    init(before: [String: Value], after: [String: Value], entered: [NodeID], graph: DialogGraph, assigns: Bool) {
        self.before = before
        self.after = after
        self.entered = entered
        self.graph = graph
        simple = !assigns
    }

    /// The slots when `entered[j]` had run its `set` (and was about to speak, show documents and ask).
    func slots(at j: Int) -> [String: Value] {
        if simple || j >= entered.count - 1 { return after }
        var later: Set<String> = []
        for k in (j + 1)..<entered.count {
            for a in graph.nodes[entered[k]]?.assignments ?? [] { later.insert(a.slot) }
        }
        if later.isEmpty { return after }
        var slots = after
        for slot in later {
            var value = before[slot]
            for k in 0...j {
                for a in graph.nodes[entered[k]]?.assignments ?? [] where a.slot == slot { value = a.value }
            }
            slots[slot] = value
        }
        return slots
    }
}
