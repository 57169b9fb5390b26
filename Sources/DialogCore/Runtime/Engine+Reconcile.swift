extension Engine {
    /// Fits a state saved with other dialogs (a session from before an update, or a `reload`) to
    /// this graph: answers whose slot is gone or whose value no longer fits are dropped; the open
    /// question must still exist and still ask, else the nearest earlier question that does (from
    /// the `back` history) is used; stack frames that point nowhere are dropped.
    ///
    /// Returns the fitted state and notes for the person, and nil when nothing can be kept in place
    /// (the caller then starts again with `start`, keeping `state.slots` if it likes).
    package func reconcile(_ saved: EngineState) -> (state: EngineState?, notes: [String]) {
        reconcile(saved, notingDropped: true)
    }

    /// `reconcile`; with `notingDropped` false, dropped answers are not counted in a note (`adopt` names
    /// them instead).
    func reconcile(_ saved: EngineState, notingDropped: Bool) -> (state: EngineState?, notes: [String]) {
        var state = saved
        var notes: [String] = []
        let before = state.slots.count
        state.slots = fitting(state.slots)
        if notingDropped, state.slots.count < before {
            notes.append("\(before - state.slots.count) earlier answer(s) no longer apply and were dropped.")
        }
        state.history = state.history.compactMap { snapshot in
            guard let p = snapshot.position, graph.nodes[p]?.question != nil else { return nil }
            var s = snapshot
            s.slots = fitting(s.slots)
            s.stack = s.stack.filter(frameIsValid)
            return s
        }
        state.stack = state.stack.filter(frameIsValid)
        if state.ended { return (state, notes) }
        if let p = state.position, graph.nodes[p]?.question != nil {
            return (state, notes)
        }
        // The open question is gone: go back to the nearest question that still exists.
        while let snapshot = state.history.popLast() {
            let slots = state.slots
            state.restore(snapshot)
            state.slots = slots.merging(snapshot.slots) { current, _ in current }
            if let p = state.position, graph.nodes[p]?.question != nil {
                notes.append(graph.messages[.resumeQuestionChanged])
                return (state, notes)
            }
        }
        notes.append(graph.messages[.resumeChangedTooMuch])
        return (nil, notes)
    }

    private func frameIsValid(_ frame: EngineState.Frame) -> Bool {
        switch frame {
        case .call(let caller): return graph.nodes[caller] != nil
        case .resume(let question): return graph.nodes[question]?.question != nil
        }
    }

    /// The answers that still fit this graph's slots and their types.
    public func fitting(_ slots: [String: Value]) -> [String: Value] {
        slots.filter { name, value in
            guard let type = graph.slotType(name) else { return false }
            switch (type, value) {
            case (.bool, .bool), (.text, .text): return true
            case (.number(let min, let max, _), .number(let n)): return (min.map { n >= $0 } ?? true) && (max.map { n <= $0 } ?? true)
            case (.choice(let options), .choice(let v)): return options.contains { $0.value == v }
            case (.multi(let options), .set(let vs)): return vs.allSatisfy { v in options.contains { $0.value == v } }
            default: return false
            }
        }
    }
}
