import DialogCore
import Foundation

/// Writes one generated dialog file: a chain of stations (questions with conditional tips, notes,
/// confirmations, calls into child dialogs), a start, a FAQ answer reached by an interrupt, and a
/// `done` node that shows the dialog's document. It keeps track of which of its slots are asked on
/// every path so far, so reads without a fallback or `answered(…)` guard are always safe (no W064).
struct DialogWriter {
    struct Plan {
        var id: String
        var index: Int
        var topic: String
        /// Nodes to write, all included.
        var size: Int
        var children: [(id: String, topic: String)]
        /// Another dialog's `done` node, for a cross-file `goto`; nil in the main dialog.
        var crossTarget: String?
        var isMain: Bool { id == "main" }
    }

    private enum Station {
        case gate
        case question(Vocabulary.Question, type: String, tips: Int)
        case note(String)
        case confirm(String, ask: String, slot: String)
        case call(id: String, topic: String)
    }

    let plan: Plan
    private var rng: SplitMix64
    private var slots: [(String, JSONText)] = []
    private var nodes: [(String, JSONText)] = []
    private var declared: [GeneratedSlot] = []
    private var definite: [GeneratedSlot] = []
    private var usedNames: Set<String> = []
    private var forcedSafetyEdge = false

    init(plan: Plan, seed: UInt64) {
        self.plan = plan
        rng = SplitMix64(seed: seed)
        forcedSafetyEdge = plan.isMain
    }

    /// The file's JSON text.
    mutating func write() -> String {
        let stations = planStations()
        let names = stations.map(name(of:))
        nodes.append(("start", startNode(next: names.first ?? "done")))
        for (i, station) in stations.enumerated() {
            render(station, name: names[i], next: i + 1 < names.count ? names[i + 1] : "done")
        }
        nodes.append(("faq", faqNode()))
        nodes.append(("done", doneNode()))
        var top: [(String, JSONText)] = [
            ("$schema", .string("../schema/dialog.schema.json")),
            ("dialog", .string(plan.id)),
            ("title", .string(plan.isMain ? "Getting a second opinion" : "Questions about \(plan.topic)")),
            ("start", .string("start")),
            ("slots", .object(slots)),
            ("nodes", .object(nodes)),
            ("interrupts", .array([interrupt()])),
            ("documents", .object([(documentId, document())])),
        ]
        if plan.isMain {
            top.append(
                ("properties", .array([
                    .object([
                        ("id", .string("intro_first")), ("description", .string("The introduction comes before the notes.")),
                        ("kind", .string("before")), ("first", .string("start")), ("then", .string("done")),
                    ])
                ])))
        }
        return JSONText.object(top).rendered()
    }

    private var documentId: String { "\(plan.id)_notes" }

    // MARK: - Planning

    private mutating func planStations() -> [Station] {
        var stations: [Station] = []
        var remaining = plan.size - 3  // start, faq, done
        if !plan.isMain {
            stations.append(.gate)
            remaining -= 1
        }
        let reserve = plan.children.count * 2
        var lastAsk: (String, String)?
        while remaining > reserve {
            let roll = rng.pick(100)
            if roll < 12, let (ask, slot) = lastAsk {
                stations.append(.confirm(unique("confirm"), ask: ask, slot: slot))
                lastAsk = nil
                remaining -= 1
            } else if roll < 27 {
                stations.append(.note(unique("note")))
                remaining -= 1
            } else {
                let type = ["bool", "bool", "choice", "choice", "choice", "multi", "number", "number", "text", "text"][rng.pick(10)]
                let bank: [Vocabulary.Question] =
                    switch type {
                    case "bool": Vocabulary.bool
                    case "choice": Vocabulary.choice
                    case "multi": Vocabulary.multi
                    case "number": Vocabulary.number
                    default: Vocabulary.text
                    }
                var q = bank[rng.pick(bank.count)]
                q.base = unique(q.base)
                let tips = Swift.min(rng.pick(3), remaining - reserve - 1)
                stations.append(.question(q, type: type, tips: tips))
                lastAsk = ("ask_\(q.base)", "\(plan.id).\(q.base)")
                remaining -= 1 + tips
            }
        }
        for child in plan.children {
            let at = stations.isEmpty ? 0 : 1 + rng.pick(stations.count)
            stations.insert(.call(id: child.id, topic: child.topic), at: Swift.min(at, stations.count))
        }
        return stations
    }

    private mutating func unique(_ base: String) -> String {
        var name = base
        var n = 2
        while usedNames.contains(name) {
            name = "\(base)_\(n)"
            n += 1
        }
        usedNames.insert(name)
        return name
    }

    private func name(of station: Station) -> String {
        switch station {
        case .gate: return "ask_relevant"
        case .question(let q, _, _): return "ask_\(q.base)"
        case .note(let name), .confirm(let name, _, _): return name
        case .call(let id, _): return "call_\(id)"
        }
    }

    // MARK: - Stations

    private mutating func render(_ station: Station, name: String, next: String) {
        switch station {
        case .gate: gate(next: next)
        case .question(let q, let type, let tips): question(q, type: type, tips: tips, next: next)
        case .note: note(name: name, next: next)
        case .confirm(_, let ask, let slot): confirm(name: name, ask: ask, slot: slot, next: next)
        case .call(let id, let topic): call(id: id, topic: topic, next: next)
        }
    }

    private mutating func gate(next: String) {
        let slot = declare(GeneratedSlot(name: "\(plan.id).relevant", kind: .bool), ("type", .string("bool")), label: "\(plan.topic.capitalized) matters")
        nodes.append(
            ("ask_relevant",
             .object([
                ("say", .array([.string("Does \(plan.topic) matter for you right now?"), .string("Is \(plan.topic) something to think about for you?")])),
                ("ask", ask(slot.name, type: "bool", attempts: 2)),
                ("why", .string("If it doesn't, we can skip these questions.")),
                ("next", .array([edge("not \(slot.name)", "done"), edge(nil, next)])),
             ])))
        definite.append(slot)
    }

    private mutating func question(_ q: Vocabulary.Question, type: String, tips: Int, next: String) {
        let slotName = "\(plan.id).\(q.base)"
        var mapTarget: GeneratedSlot?
        var askExtra: [(String, JSONText)] = []
        let slot: GeneratedSlot
        switch type {
        case "bool":
            slot = declare(GeneratedSlot(name: slotName, kind: .bool), ("type", .string("bool")), label: q.label)
        case "choice", "multi":
            let words = pickOptions(q.group ?? "severity")
            slot = declare(
                GeneratedSlot(name: slotName, kind: type == "choice" ? .choice(words.map(\.value)) : .multi(words.map(\.value))),
                ("type", .string(type)), ("options", options(words)), label: q.label)
        case "number":
            let range = q.range ?? (0, 100)
            slot = declare(
                GeneratedSlot(name: slotName, kind: .number(min: range.min, max: range.max)),
                ("type", .string("number")), ("min", .int(range.min)), ("max", .int(range.max)), ("integer", .bool(true)),
                label: q.label)
        default:
            slot = declare(GeneratedSlot(name: slotName, kind: .text), ("type", .string("text")), label: q.label)
            if let group = q.group, rng.pick(10) < 7 {
                let words = pickOptions(group)
                let multi = rng.pick(2) == 0
                let target = declare(
                    GeneratedSlot(name: slotName + "_kind", kind: multi ? .multi(words.map(\.value)) : .choice(words.map(\.value))),
                    ("type", .string(multi ? "multi" : "choice")), ("options", options(words)), label: q.label + " (kind)")
                askExtra.append(
                    ("map",
                     .object([
                        ("slot", .string(target.name)),
                        ("rules", .array(words.map { w in
                            .object([("value", .string(w.value)), ("keywords", .array(([w.label.lowercased()] + w.synonyms).map(JSONText.string)))])
                        })),
                        ("default", .string(words[0].value)),
                     ])))
                mapTarget = target
            }
        }
        // The answer is known from here on: the ask node's own edges and its tips may read it.
        definite.append(slot)
        if let mapTarget { definite.append(mapTarget) }
        var edges: [JSONText] = []
        var tipNodes: [(String, JSONText)] = []
        for j in 0..<tips {
            let tipName = "tip_\(q.base)_\(j + 1)"
            edges.append(edge(condition(on: mapTarget.map { rng.pick(2) == 0 ? $0 : slot } ?? slot), tipName))
            tipNodes.append((tipName, tip(slot, number: j + 1, next: next)))
        }
        if forcedSafetyEdge {
            edges.append(edge(condition(on: slot), "safety"))
            forcedSafetyEdge = false
        } else {
            switch rng.pick(100) {
            case 0..<8: edges.append(edge(condition(on: slot), "done"))
            case 8..<12: edges.append(edge(condition(on: slot), "safety.urgent_general"))
            case 12..<15 where plan.crossTarget != nil: edges.append(edge(condition(on: slot), plan.crossTarget ?? "done"))
            default: break
            }
        }
        var say = q.say.map(JSONText.string)
        if say.count == 1, rng.pick(4) == 0 { say.append(.string("Thanks for that. \(q.say[0])")) }
        var node: [(String, JSONText)] = [
            ("say", say.count == 1 ? say[0] : .array(say)),
            ("ask", ask(slot.name, type: type, range: q.range, attempts: 2 + rng.pick(2), skip: rng.pick(10) == 0 ? false : nil, extra: askExtra)),
            ("why", .string(q.why)),
        ]
        node.append(("next", edges.isEmpty ? .string(next) : .array(edges + [edge(nil, next)])))
        nodes.append(("ask_\(q.base)", .object(node)))
        nodes += tipNodes
    }

    private mutating func tip(_ slot: GeneratedSlot, number: Int, next: String) -> JSONText {
        var node: [(String, JSONText)] = []
        if rng.pick(10) < 3 {
            let flag = declare(GeneratedSlot(name: "\(slot.name)_flag_\(number)", kind: .bool), ("type", .string("bool")), label: "Flagged for follow-up")
            node.append(("set", .object([(flag.name, .bool(true))])))
        }
        let text = Vocabulary.tips[rng.pick(Vocabulary.tips.count)].replacingOccurrences(of: "%s", with: slot.name)
        node.append(("say", .string(text)))
        node.append(("next", .string(next)))
        return .object(node)
    }

    private mutating func note(name id: String, next: String) {
        var node: [(String, JSONText)] = []
        var flag: GeneratedSlot?
        if rng.pick(10) < 3 {
            let f = declare(GeneratedSlot(name: "\(plan.id).\(id)_seen", kind: .bool), ("type", .string("bool")), label: "Saw a note")
            node.append(("set", .object([(f.name, .bool(true))])))
            flag = f
        }
        var text = Vocabulary.notes[rng.pick(Vocabulary.notes.count)]
        if let known = definite.last, rng.pick(2) == 0 {
            text += " You told me: {{\(known.name)}}."
        } else if let maybe = declared.last(where: { $0.name != flag?.name }) {
            text += " So far: {{\(maybe.name)|nothing yet}}."
        }
        node.append(("say", .string(text)))
        node.append(("next", .string(next)))
        nodes.append((id, .object(node)))
        if let flag { definite.append(flag) }
    }

    private mutating func confirm(name id: String, ask askNode: String, slot: String, next: String) {
        let c = declare(GeneratedSlot(name: "\(plan.id).\(id)", kind: .bool), ("type", .string("bool")), label: "Answer confirmed")
        nodes.append(
            (id,
             .object([
                ("say", .string("You said {{\(slot)}}. Is that right?")),
                ("ask", ask(c.name, type: "bool", attempts: 2)),
                ("why", .string("I want your notes to be right.")),
                ("next", .array([edge("answered(\(c.name)) and not \(c.name)", askNode), edge(nil, next)])),
             ])))
        definite.append(c)
    }

    private mutating func call(id child: String, topic: String, next: String) {
        let tipName = "after_\(child)"
        var node: [(String, JSONText)] = []
        if rng.pick(2) == 0 { node.append(("say", .string("Next, a few questions about \(topic)."))) }
        node.append(("call", .string(rng.pick(10) < 6 ? child : "\(child).start")))
        node.append(("next", .array([edge("\(child).relevant", tipName), edge(nil, next)])))
        nodes.append(("call_\(child)", .object(node)))
        nodes.append(
            (tipName,
             .object([
                ("say", .string("Thanks. That covers \(topic). {{\(child).relevant|}}")),
                ("next", .string(next)),
             ])))
    }

    // MARK: - Fixed nodes

    private mutating func startNode(next: String) -> JSONText {
        .object([
            ("say", .array([
                .string(plan.isMain ? "Welcome. Let's look at whether a second opinion could help." : "Now let's look at \(plan.topic)."),
                .string(plan.isMain ? "Hello. I can help you prepare for a second opinion." : "Next, some questions about \(plan.topic)."),
            ])),
            ("next", .string(next)),
        ])
    }

    private mutating func faqNode() -> JSONText {
        var say = "People often ask about \(plan.topic). A second opinion is a normal part of care."
        if let s = declared.first { say += " Your answer on this: {{\(s.name)|not given yet}}." }
        return .object([("say", .string(say)), ("return", .bool(true))])
    }

    private mutating func doneNode() -> JSONText {
        var node: [(String, JSONText)] = [
            ("say", .string(plan.isMain ? "Here are your notes. Take them to the appointment." : "That's all about \(plan.topic)."))
        ]
        if plan.isMain || rng.pick(10) < 7 { node.append(("documents", .array([.string(documentId)]))) }
        node.append(plan.isMain ? ("end", .bool(true)) : ("return", .bool(true)))
        return .object(node)
    }

    private func interrupt() -> JSONText {
        let word = PseudoWord.make(plan.index)
        return .object([
            ("id", .string("\(plan.id)_faq")),
            ("keywords", .array([.string("what does \(word) mean"), .string("more about \(word)")])),
            ("goto", .string("faq")),
            ("resume", .bool(true)),
        ])
    }

    private mutating func document() -> JSONText {
        var items: [JSONText] = [
            .object([("heading", .string("About \(plan.topic)"))]),
            .object([("text", .string("These notes come from your answers about \(plan.topic)."))]),
        ]
        for slot in declared.prefix(8) {
            var item: [(String, JSONText)] = []
            if rng.pick(10) < 6 { item.append(("when", .string(condition(on: slot)))) }
            item.append(("bullet", .string("\(slot.name.split(separator: ".").last ?? ""): {{\(slot.name)|not answered}}")))
            items.append(.object(item))
        }
        if let first = declared.first {
            items.append(.object([("when", .string("answered(\(first.name))")), ("check", .string("Ask the new doctor about \(plan.topic)."))]))
        }
        items.append(.object([("check", .string("Bring copies of any letters about \(plan.topic)."))]))
        return .object([("title", .string("Your notes on \(plan.topic)")), ("items", .array(items))])
    }

    // MARK: - Pieces

    private mutating func declare(_ slot: GeneratedSlot, _ fields: (String, JSONText)..., label: String) -> GeneratedSlot {
        slots.append((slot.name, .object([fields[0], ("label", .string(label))] + fields.dropFirst())))
        declared.append(slot)
        return slot
    }

    private func ask(
        _ slot: String, type: String, range: (min: Int, max: Int)? = nil, attempts: Int, skip: Bool? = nil,
        extra: [(String, JSONText)] = []
    ) -> JSONText {
        let reprompt = range.map { "Please type a number from \($0.min) to \($0.max), or say 'skip'." } ?? Vocabulary.reprompts[type] ?? "Please answer, or say 'skip'."
        var fields: [(String, JSONText)] = [("slot", .string(slot)), ("reprompt", .string(reprompt)), ("attempts", .int(attempts))]
        if let skip { fields.append(("skip", .bool(skip))) }
        return .object(fields + extra)
    }

    private func edge(_ condition: String?, _ target: String) -> JSONText {
        var fields: [(String, JSONText)] = []
        if let condition { fields.append(("if", .string(condition))) }
        fields.append(("goto", .string(target)))
        return .object(fields)
    }

    /// A condition on `slot`, sometimes combined with an `answered(…)` guard or a known earlier answer.
    private mutating func condition(on slot: GeneratedSlot) -> String {
        let base = slot.condition(&rng)
        let others = definite.filter { $0.name != slot.name }
        switch rng.pick(10) {
        case 0, 1:
            guard let any = declared.randomElement(using: &rng), any.name != slot.name else { return base }
            return "\(base) and answered(\(any.name))"
        case 2, 3:
            guard let other = others.randomElement(using: &rng) else { return base }
            return "\(base) and \(other.condition(&rng))"
        case 4:
            guard let other = others.randomElement(using: &rng) else { return base }
            return "(\(base) or \(other.condition(&rng))) and answered(\(slot.name))"
        default:
            return base
        }
    }

    private mutating func pickOptions(_ group: String) -> [Vocabulary.OptionWords] {
        let all = Vocabulary.options[group] ?? []
        let count = Swift.max(2, Swift.min(all.count, 2 + rng.pick(all.count)))
        var chosen = Array(all.indices)
        chosen.shuffle(using: &rng)
        return chosen.prefix(count).sorted().map { all[$0] }
    }

    private func options(_ words: [Vocabulary.OptionWords]) -> JSONText {
        .array(words.map { w in
            .object([("value", .string(w.value)), ("label", .string(w.label)), ("synonyms", .array(w.synonyms.map(JSONText.string)))])
        })
    }
}
