import DialogCore

/// What `reload` says about answers the changed dialogs can no longer hold.
enum ReloadReport {
    /// "Dropped 2 answers that no longer fit the dialogs: Pain (Moderate), Months with symptoms (14)."
    static func dropped(_ names: [String], in state: EngineState, before: DialogGraph) -> String {
        let shown = names.map { name -> String in
            let def = before.slots[name]
            let value = state.slots[name].map { Template.display($0, type: def?.type) }
            return (def?.label ?? name) + (value.map { " (\($0))" } ?? "")
        }
        let count = names.count == 1 ? "1 answer" : "\(names.count) answers"
        return "Dropped \(count) that no longer fit the dialogs: " + shown.joined(separator: ", ") + "."
    }

    /// "Asking again from main.ask_pain."
    static func askingAgain(_ state: EngineState, graph: DialogGraph) -> String {
        guard let p = state.position else { return "Asking again." }
        return "Asking again from \(p.dialog).\(p.node)."
    }
}
