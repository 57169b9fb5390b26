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
        case never(property: Int, when: Condition?)
    }

    private struct EndCheck {
        var property: Int
        var bit: Int
        var node: NodeID
        var when: Condition?
    }

    /// A document item whose own words (text and fallbacks) contain a phrase of a `never_writes` property.
    struct WrittenItem {
        var document: String
        var item: Int
        var phrase: String
        var condition: Condition?
    }

    /// A `never_writes` property: the items that would break it when included.
    struct WriteCheck {
        var property: Int
        var when: Condition?
        var items: [WrittenItem]
    }

    let properties: [PathProperty]
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
                checks[node, default: []].append(.never(property: i, when: when))
            case .alwaysReaches(let node, let when):
                guard let b = nextBit(p.id) else { continue }
                marks[node, default: []].append(.mark(bit: b))
                endChecks.append(EndCheck(property: i, bit: b, node: node, when: when))
            case .neverWrites(let phrases, let when):
                writeChecks.append(WriteCheck(property: i, when: when, items: Self.items(writing: phrases, in: graph)))
            }
        }
        unchecked = skipped
        // Marks first, so a node that is both `first` and `then` counts as passed.
        for (node, list) in marks { actions[node, default: []] += list }
        for (node, list) in checks { actions[node, default: []] += list }
    }

    /// The document items whose own words contain one of `phrases` (ignoring case).
    static func items(writing phrases: [String], in graph: DialogGraph) -> [WrittenItem] {
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
                        case .slot(_, let fallback, _): out += fallback ?? " "
                        // Either branch may be written: both are looked at.
                        case .choose(_, let then, let otherwise): out += text(then) + " " + text(otherwise)
                        }
                    }
                    return out
                }
                let words = text(item.template.segments).lowercased()
                if let phrase = lowered.first(where: { words.contains($0) }) {
                    found.append(WrittenItem(document: id, item: i, phrase: phrase, condition: item.condition))
                }
            }
        }
        return found
    }

    /// The `never_writes` violations of showing `documents` with these answers.
    func written(_ documents: [String], slots: [String: Value]) -> [Violation] {
        var violations: [Violation] = []
        let lookup: (String) -> Value? = { slots[$0] }
        for check in writeChecks {
            if let when = check.when, !when.evaluate(lookup) { continue }
            for w in check.items where documents.contains(w.document) {
                if w.condition.map({ $0.evaluate(lookup) }) ?? true {
                    violations.append(
                        Violation(property: check.property, message: "document '\(w.document)' writes '\(w.phrase)' (item \(w.item + 1))"))
                    break
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
            case .never(let i, let when):
                if let when {
                    let answers = slots()
                    if when.evaluate({ answers[$0] }) {
                        violations.append(Violation(property: i, message: "'\(node)' was reached while \(when) holds"))
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
            if let when = check.when, !when.evaluate({ slots[$0] }) { continue }
            let at = last.map { " at '\($0)'" } ?? ""
            let condition = check.when.map { " although \($0) holds" } ?? ""
            violations.append(
                Violation(property: check.property, message: "the conversation ended\(at) without passing '\(check.node)'\(condition)"))
        }
        return violations
    }
}
