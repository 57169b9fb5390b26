/// After the dialogs change under a conversation (`reload`): which answers no longer fit, and going back
/// to ask them again.
extension Engine {
    /// The slots of `state` whose answers the graph can no longer hold (the slot is gone, or the value no
    /// longer fits its type), in the order they were answered.
    package func droppedAnswers(_ state: EngineState) -> [String] {
        let kept = fitting(state.slots)
        let dropped = Set(state.slots.keys).subtracting(kept.keys)
        guard !dropped.isEmpty else { return [] }
        var order: [String] = []
        for slots in state.history.map(\.slots) + [state.slots] {
            for name in slots.keys.sorted() where dropped.contains(name) && !order.contains(name) { order.append(name) }
        }
        return order
    }

    /// `state` rewound to the first question, still in the graph, whose answer is in `dropped`: that
    /// question is open again (`.repeatQuestion` asks it) and every answer that still fits is kept. Nil
    /// when no question of the history asked a dropped slot.
    package func rewindingToDropped(_ state: EngineState, dropped: [String]) -> EngineState? {
        guard
            let first = state.history.firstIndex(where: { snapshot in
                guard let p = snapshot.position, let q = graph.nodes[p]?.question else { return false }
                return dropped.contains(q.slot)
            })
        else { return nil }
        var rewound = state
        let kept = fitting(state.slots)
        rewound.restore(state.history[first])
        rewound.slots = kept.merging(fitting(rewound.slots)) { current, _ in current }
        rewound.history = Array(state.history[..<first])
        return rewound
    }
}
