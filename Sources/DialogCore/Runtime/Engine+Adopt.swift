/// Going on with a conversation held with other dialogs: one call for resuming a saved session and for
/// `reload`, so both fit answers, go back and start again the same way.
extension Engine {
    /// `saved`, from a conversation with `before`'s dialogs (or these; nil when not known, as for a saved
    /// session), made to fit this graph and stepped to show where it goes on:
    ///
    /// - answers that no longer fit are dropped and named (`droppedAnswers`), and the first question
    ///   that asked one is asked again, keeping every answer that still fits (`rewindingToDropped`);
    /// - otherwise the conversation goes on at its open question, or the nearest earlier one that still
    ///   exists (`reconcile`);
    /// - when nothing can be kept in place, it starts again from the beginning with the answers that fit.
    ///
    /// ```swift
    /// let adoption = Engine(graph: reloaded).adopt(state, before: old)
    /// adoption.notes     // ["Dropped 1 answer that no longer fits the dialogs: Pain (Moderate).", "Asking again from main.ask_pain."]
    /// adoption.outputs   // the question again
    /// ```
    public func adopt(_ saved: EngineState, before: DialogGraph? = nil) -> Adoption {
        let dropped = droppedAnswers(saved)
        var notes: [String] = []
        if !dropped.isEmpty { notes.append(Self.droppedNote(dropped, in: saved, labels: before ?? graph, messages: graph.messages)) }
        if let rewound = rewindingToDropped(saved, dropped: dropped), let fitted = reconcile(rewound, notingDropped: false).state,
            let position = fitted.position
        {
            notes.append(graph.messages.text(.resumeAskingAgain, ["node": "\(position.dialog).\(position.node)"]))
            let (state, outputs) = step(fitted, .repeatQuestion)
            return Adoption(state: state, outputs: outputs, notes: notes, outcome: .askingAgain(position), dropped: dropped)
        }
        let (fitted, placing) = reconcile(saved, notingDropped: false)
        notes += placing
        if let fitted {
            let (state, outputs) = step(fitted, .repeatQuestion)
            return Adoption(state: state, outputs: outputs, notes: notes, outcome: .kept, dropped: dropped)
        }
        var (state, outputs) = step(saved, .start)
        state.slots = fitting(saved.slots).merging(state.slots) { _, new in new }
        notes.append(graph.messages[.resumeStartingAgain])
        return Adoption(state: state, outputs: outputs, notes: notes, outcome: .restarted, dropped: dropped)
    }

    /// "Dropped 2 answers that no longer fit the dialogs: Pain (Moderate), Months with symptoms (14)." Each
    /// by its label and value in `labels` (the dialogs the answers were given with, when known).
    static func droppedNote(_ names: [String], in state: EngineState, labels: DialogGraph, messages: Messages) -> String {
        let shown = names.map { name -> String in
            let def = labels.slots[name]
            let value = state.slots[name].map { Template.display($0, type: def?.type) }
            return (def?.label ?? name) + (value.map { " (\($0))" } ?? "")
        }
        let answers = shown.joined(separator: ", ")
        return names.count == 1
            ? messages.text(.resumeDroppedOne, ["answers": answers])
            : messages.text(.resumeDroppedMany, ["count": "\(names.count)", "answers": answers])
    }
}
