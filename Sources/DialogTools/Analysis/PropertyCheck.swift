import DialogCore

/// Monitors for the path properties declared in the dialogs (`"properties"`), run along every
/// explored path. A monitor's memory is a few bits (which nodes a path has passed), kept in the
/// exploration's state key so that deduplication never merges paths a property tells apart.
struct PropertyCheck {
    struct Violation {
        /// Index into `graph.properties`.
        var property: Int
        var message: String
    }

    private enum Action {
        /// The path passed a node some property remembers.
        case mark(bit: Int)
        /// `then` of a `before` property: `bit` must be set.
        case before(property: Int, bit: Int, first: NodeID)
        /// The node of a `never` property.
        case never(property: Int, when: ConditionProgram?)
        /// A node whose texts may say a phrase of a `never_says` property.
        case says(property: Int, when: ConditionProgram?, phrases: [String])
    }

    private struct EndCheck {
        var property: Int
        var bit: Int
        var node: NodeID
        var when: ConditionProgram?
    }

    /// A document item whose own words (text and fallbacks) contain a phrase of a `never_writes` property.
    struct WrittenItem {
        var document: String
        var item: Int
        var phrase: String
        var condition: ConditionProgram?
    }

    /// A `never_writes` property: the items that would break it when included.
    struct WriteCheck {
        var property: Int
        var when: ConditionProgram?
        var items: [WrittenItem]
    }

    /// An `always_writes` property: per document, the items that satisfy it when included.
    struct MustWrite {
        var property: Int
        var when: ConditionProgram?
        var items: [String: [WrittenItem]]
    }

    /// A `never_answers` property: the phrases no answer shown by a document may hold.
    struct AnswerCheck {
        var property: Int
        var phrases: [String]
    }

    let properties: [PathProperty]
    /// The nodes whose texts a `never_says` property checks.
    private var graphNodes: [NodeID: Node] = [:]
    /// The `always_writes` properties, checked wherever documents are shown and at the end.
    private(set) var mustWrites: [MustWrite] = []
    /// The `never_answers` properties, checked at every step that changes a slot in `shownSlots`.
    private(set) var answerChecks: [AnswerCheck] = []
    /// Slots some document (title or item) shows through a placeholder.
    private(set) var shownSlots: Set<String> = []
    /// The `never_writes` properties, checked wherever documents are shown and at the end.
    private(set) var writeChecks: [WriteCheck] = []
    private var actions: [NodeID: [Action]] = [:]
    private var endChecks: [EndCheck] = []
    /// Properties that need a memory bit but found none left (more than 64): not checked.
    private(set) var unchecked: [String] = []

    init(graph: DialogGraph) {
        properties = graph.properties
        var bit = 0
        var skipped: [String] = []
        func nextBit(_ id: String) -> Int? {
            guard bit < 64 else {
                skipped.append(id)
                return nil
            }
            defer { bit += 1 }
            return bit
        }
        var marks: [NodeID: [Action]] = [:]
        var checks: [NodeID: [Action]] = [:]
        for (i, p) in graph.properties.enumerated() {
            switch p.rule {
            case .before(let first, let then):
                guard let b = nextBit(p.id) else { continue }
                marks[first, default: []].append(.mark(bit: b))
                checks[then, default: []].append(.before(property: i, bit: b, first: first))
            case .never(let node, let when):
                checks[node, default: []].append(.never(property: i, when: when.map(ConditionProgram.init)))
            case .alwaysReaches(let node, let when):
                guard let b = nextBit(p.id) else { continue }
                marks[node, default: []].append(.mark(bit: b))
                endChecks.append(EndCheck(property: i, bit: b, node: node, when: when.map(ConditionProgram.init)))
            case .neverWrites(let phrases, let when):
                writeChecks.append(WriteCheck(property: i, when: when.map(ConditionProgram.init), items: Self.items(writing: phrases, in: graph)))
            case .alwaysWrites(let phrases, let when):
                let found = Self.items(writing: phrases, in: graph, placeholders: true)
                mustWrites.append(MustWrite(property: i, when: when.map(ConditionProgram.init), items: Dictionary(grouping: found, by: \.document)))
            case .neverAnswers(let phrases):
                answerChecks.append(AnswerCheck(property: i, phrases: phrases.map { $0.lowercased() }))
            case .neverSays(let phrases, let when):
                let lowered = phrases.map { $0.lowercased() }
                for id in Self.nodes(saying: lowered, in: graph) {
                    checks[id, default: []].append(.says(property: i, when: when.map(ConditionProgram.init), phrases: lowered))
                }
            }
        }
        unchecked = skipped
        shownSlots = Self.shownSlots(in: graph)
        for (id, list) in checks where list.contains(where: { if case .says = $0 { return true } else { return false } }) {
            graphNodes[id] = graph.nodes[id]
        }
        // Marks first, so a node that is both `first` and `then` counts as passed.
        for (node, list) in marks { actions[node, default: []] += list }
        for (node, list) in checks { actions[node, default: []] += list }
    }

    /// The document items whose own words contain one of `phrases` (ignoring case).
    /// With `placeholders`, a placeholder reads as `{{slot|fallback}}` (so "{{country.emergency" finds the
    /// items that show that slot); otherwise as its fallback alone.
    static func items(writing phrases: [String], in graph: DialogGraph, placeholders: Bool = false) -> [WrittenItem] {
        let lowered = phrases.map { $0.lowercased() }
        var found: [WrittenItem] = []
        for id in graph.documentOrder {
            guard let doc = graph.documents[id] else { continue }
            for (i, item) in doc.items.enumerated() {
                func text(_ segments: [Template.Segment]) -> String {
                    var out = ""
                    for segment in segments {
                        switch segment {
                        case .text(let t): out += t
                        case .slot(let name, let fallback, _):
                            out += placeholders ? "{{\(name)|\(fallback ?? "")}}" : fallback ?? " "
                        // Either branch may be written: both are looked at.
                        case .choose(_, let then, let otherwise): out += text(then) + " " + text(otherwise)
                        }
                    }
                    return out
                }
                let words = text(item.template.segments).lowercased()
                if let phrase = lowered.first(where: { words.contains($0) }) {
                    found.append(WrittenItem(document: id, item: i, phrase: phrase, condition: item.condition.map(ConditionProgram.init)))
                }
            }
        }
        return found
    }

    /// The texts a node may say: its `say` variants and its question's re-prompt.
    static func texts(of node: Node) -> [Template] {
        node.say + (node.question.map { [$0.reprompt] } ?? [])
    }

    /// The nodes some text of which could contain one of `phrases` (lower case), whichever branch of a
    /// `{ "when" … }` say is taken: the nodes a `never_says` property watches.
    static func nodes(saying phrases: [String], in graph: DialogGraph) -> [NodeID] {
        graph.nodeOrder.filter { id in
            guard let node = graph.nodes[id] else { return false }
            return texts(of: node).contains { t in
                let words = ownWords(t.segments, slots: nil).lowercased()
                return phrases.contains { words.contains($0) }
            }
        }
    }

    /// A text's own words: its text, each placeholder's fallback (what the person typed is theirs), and
    /// of a `choose`, the branch its condition picks with `slots` (with no slots: both).
    static func ownWords(_ segments: [Template.Segment], slots: [String: Value]?) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .text(let t): out += t
            case .slot(_, let fallback, _): out += fallback ?? " "
            case .choose(let c, let then, let otherwise):
                if let slots {
                    out += ownWords(ConditionProgram(c).evaluate(slots) ? then : otherwise, slots: slots)
                } else {
                    out += ownWords(then, slots: nil) + " " + ownWords(otherwise, slots: nil)
                }
            }
        }
        return out
    }

    /// The conditions a `never_says` property reads where it is checked: its `when` and those of the
    /// `choose` texts at the nodes it watches, by node.
    static func sayConditions(phrases: [String], when: Condition?, in graph: DialogGraph) -> [(NodeID, [Condition])] {
        func chooses(_ segments: [Template.Segment], into out: inout [Condition]) {
            for case .choose(let c, let then, let otherwise) in segments {
                out.append(c)
                chooses(then, into: &out)
                chooses(otherwise, into: &out)
            }
        }
        return nodes(saying: phrases.map { $0.lowercased() }, in: graph).map { id in
            var conditions: [Condition] = when.map { [$0] } ?? []
            for t in graph.nodes[id].map(texts(of:)) ?? [] { chooses(t.segments, into: &conditions) }
            return (id, conditions)
        }
    }

    /// The `never_writes` violations of showing `documents` with these answers.
    func written(_ documents: [String], slots: [String: Value]) -> [Violation] {
        var violations: [Violation] = []
        for check in writeChecks {
            if let when = check.when, !when.evaluate(slots) { continue }
            for w in check.items where documents.contains(w.document) {
                if w.condition.map({ $0.evaluate(slots) }) ?? true {
                    violations.append(
                        Violation(property: check.property, message: "document '\(w.document)' writes '\(w.phrase)' (item \(w.item + 1))"))
                    break
                }
            }
        }
        return violations
    }

    /// Slots a document's title or items show through a placeholder.
    static func shownSlots(in graph: DialogGraph) -> Set<String> {
        var names: Set<String> = []
        for doc in graph.documents.values {
            names.formUnion(doc.title.slots)
            for item in doc.items { names.formUnion(item.template.slots) }
        }
        return names
    }

    /// The `always_writes` violations of showing `documents` with these answers: a document that
    /// includes no item with the words.
    func unwritten(_ documents: [String], slots: [String: Value]) -> [Violation] {
        var violations: [Violation] = []
        for check in mustWrites {
            if let when = check.when, !when.evaluate(slots) { continue }
            let phrases: [String]
            if case .alwaysWrites(let p, _) = properties[check.property].rule { phrases = p } else { phrases = [] }
            for doc in documents {
                let included = (check.items[doc] ?? []).contains { $0.condition.map { $0.evaluate(slots) } ?? true }
                if !included {
                    let words = phrases.map { "'\($0)'" }.joined(separator: " or ")
                    violations.append(Violation(property: check.property, message: "document '\(doc)' writes none of \(words)"))
                }
            }
        }
        return violations
    }

    /// The `never_answers` violations of a step that changed slots from `before` to `after`: a slot that a
    /// document shows now holds one of the phrases.
    func answered(before: [String: Value], after: [String: Value], types: (String) -> SlotType?) -> [Violation] {
        guard !answerChecks.isEmpty else { return [] }
        var violations: [Violation] = []
        for (name, value) in after where before[name] != value && shownSlots.contains(name) {
            let shown = Template.display(value, type: types(name)).lowercased()
            for check in answerChecks {
                if let phrase = check.phrases.first(where: { shown.contains($0) }) {
                    violations.append(
                        Violation(property: check.property, message: "slot '\(name)' holds '\(Template.display(value, type: types(name)))' (\"\(phrase)\"), which a document shows"))
                }
            }
        }
        return violations
    }

    /// Whether entering `node` matters to any property.
    func watches(_ node: NodeID) -> Bool { actions[node] != nil }

    /// The path enters `node` with these answers; updates the monitor bits.
    func enter(_ node: NodeID, slots: () -> [String: Value], monitors: inout UInt64) -> [Violation] {
        guard let list = actions[node] else { return [] }
        var violations: [Violation] = []
        for action in list {
            switch action {
            case .mark(let bit):
                monitors |= 1 << UInt64(bit)
            case .before(let i, let bit, let first):
                if monitors & (1 << UInt64(bit)) == 0 {
                    violations.append(Violation(property: i, message: "'\(node)' was reached before '\(first)'"))
                }
            case .says(let i, let when, let phrases):
                let answers = slots()
                if let when, !when.evaluate(answers) { continue }
                guard let said = graphNodes[node] else { continue }
                for t in Self.texts(of: said) {
                    let words = Self.ownWords(t.segments, slots: answers).lowercased()
                    if let phrase = phrases.first(where: { words.contains($0) }) {
                        let condition = when.map { " while \($0.condition) holds" } ?? ""
                        violations.append(Violation(property: i, message: "'\(node)' says '\(phrase)'\(condition)"))
                        break
                    }
                }
            case .never(let i, let when):
                if let when {
                    let answers = slots()
                    if when.evaluate(answers) {
                        violations.append(Violation(property: i, message: "'\(node)' was reached while \(when.condition) holds"))
                    }
                } else {
                    violations.append(Violation(property: i, message: "'\(node)' was reached"))
                }
            }
        }
        return violations
    }

    /// The path ended (at `last`, the last node entered) with these answers and monitor bits.
    func end(at last: NodeID?, slots: [String: Value], monitors: UInt64) -> [Violation] {
        var violations: [Violation] = []
        for check in endChecks where monitors & (1 << UInt64(check.bit)) == 0 {
            if let when = check.when, !when.evaluate(slots) { continue }
            let at = last.map { " at '\($0)'" } ?? ""
            let condition = check.when.map { " although \($0.condition) holds" } ?? ""
            violations.append(
                Violation(property: check.property, message: "the conversation ended\(at) without passing '\(check.node)'\(condition)"))
        }
        return violations
    }
}
