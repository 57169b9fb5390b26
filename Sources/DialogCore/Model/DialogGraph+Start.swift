/// `chat --start DIALOG[.NODE] --set slot=value`: trying one part of a dialog set on its own.
extension DialogGraph {
    /// A problem with `--start` or `--set`, worded for the command line.
    public struct StartError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The graph with the conversation starting at `reference` (a dialog id, or `dialog.node`) instead of
    /// `main`, and, if given, `settings` (`slot=value`) set when it starts: a bool is `true`/`false`
    /// (or yes/no), a number a number, a choice an option value, a multi option values separated by
    /// commas, a text any text.
    public func starting(at reference: String?, setting settings: [String] = []) throws(StartError) -> DialogGraph {
        var graph = self
        if let reference {
            if let info = dialogs[reference] {
                graph.entry = info.start
            } else if let id = NodeID(qualified: reference), nodes[id] != nil {
                graph.entry = id
            } else {
                var names = dialogOrder
                for id in nodeOrder { names.append("\(id.dialog).\(id.node)") }
                let hint = Suggestion.closest(to: reference, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                throw StartError(description: "--start '\(reference)' names no dialog or dialog.node\(hint)")
            }
        }
        guard !settings.isEmpty else { return graph }
        var assignments: [Assignment] = []
        for setting in settings {
            guard let eq = setting.firstIndex(of: "=") else {
                throw StartError(description: "--set '\(setting)' needs the form slot=value")
            }
            let name = String(setting[..<eq]).trimmingSpaces
            let text = String(setting[setting.index(after: eq)...]).trimmingSpaces
            guard let def = slots[name] else {
                let hint = Suggestion.closest(to: name, in: slotOrder).map { " (did you mean '\($0)'?)" } ?? ""
                throw StartError(description: "--set: no slot is called '\(name)'\(hint)")
            }
            assignments.append(Assignment(slot: name, value: try Self.value(text, for: def)))
        }
        guard var node = graph.nodes[graph.entry] else { return graph }
        node.assignments = assignments + node.assignments
        graph.nodes[graph.entry] = node
        return graph
    }

    static func value(_ text: String, for def: SlotDefinition) throws(StartError) -> Value {
        let options = def.type.options.map(\.value)
        func fail(_ what: String) -> StartError {
            StartError(description: "--set \(def.name)=\(text): \(def.type.name) slot '\(def.name)' takes \(what)")
        }
        switch def.type {
        case .bool:
            switch text.lowercased() {
            case "true", "yes": return .bool(true)
            case "false", "no": return .bool(false)
            default: throw fail("true or false")
            }
        case .number(let min, let max, let integer):
            guard let n = Double(text), n.isFinite, min.map({ n >= $0 }) ?? true, max.map({ n <= $0 }) ?? true,
                !integer || n == n.rounded()
            else { throw fail("a\(integer ? " whole" : "") number" + (min.map { " from \(Value.format($0))" } ?? "") + (max.map { " up to \(Value.format($0))" } ?? "")) }
            return .number(n)
        case .text:
            return .text(text)
        case .choice:
            guard options.contains(text) else { throw fail("one of: " + options.joined(separator: ", ")) }
            return .choice(text)
        case .multi:
            let chosen = text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard chosen.allSatisfy(options.contains) else { throw fail("option values separated by commas, from: " + options.joined(separator: ", ")) }
            return .set(options.filter(chosen.contains))
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
