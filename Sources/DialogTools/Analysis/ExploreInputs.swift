import DialogCore

/// The lines `explore` types at an open question, derived from the slot type.
struct ExploreInputs {
    /// What a typed line is for; it decides how the transition is used by the proofs.
    enum Kind: Equatable {
        /// An answer the question takes (or gives up on): a step forward on a path.
        case answer
        /// An answer the question cannot use ("zzzz"); also a step forward on a path.
        case unusable
        case back
        case restart
        /// The first phrase of `graph.interrupts[index]`.
        case interrupt(Int)
    }

    struct Input {
        var text: String
        var kind: Kind
    }

    /// A line no slot type can use (for a `text` slot it is free text that matches no keyword rule).
    static let unusable = "zzzz"

    /// Per interrupt, in `graph.interrupts` order: the first keyword phrase, typed plainly.
    let interruptPhrases: [String]
    /// `back` and `restart` as typed: their first phrases in the command table (nil for one with none).
    let back: String?
    let restart: String?
    /// Per question node: its answer inputs (not the commands or interrupts, which every question shares).
    private var answers: [NodeID: [Input]] = [:]

    init(graph: DialogGraph) {
        interruptPhrases = graph.interrupts.map { Self.typed($0.samplePhrase ?? $0.id) }
        back = graph.commands.shown(.back)
        restart = graph.commands.shown(.restart)
        // The phrases of `never_answers` properties, typed where a document shows the answer.
        var nonAnswers: [String] = []
        for p in graph.properties { if case .neverAnswers(let phrases) = p.rule { nonAnswers += phrases } }
        let shown = nonAnswers.isEmpty ? [] : PropertyCheck.shownSlots(in: graph)
        for id in graph.nodeOrder {
            guard let question = graph.nodes[id]?.question else { continue }
            var list = Self.answers(for: question, type: graph.slotType(question.slot))
            if shown.contains(question.slot), case .text? = graph.slotType(question.slot) {
                for phrase in nonAnswers where !list.contains(where: { $0.text == phrase }) {
                    list.append(Input(text: phrase, kind: .answer))
                }
            }
            answers[id] = list
        }
    }

    /// Answers to try at the question of `node`.
    func answers(at node: NodeID) -> [Input] { answers[node] ?? [] }

    /// A keyword as a person would type it: a trailing `*` (prefix) dropped.
    static func typed(_ keyword: String) -> String {
        keyword.split(separator: " ").map { $0.hasSuffix("*") ? String($0.dropLast()) : String($0) }.joined(separator: " ")
    }

    static func answers(for question: Question, type: SlotType?) -> [Input] {
        var texts: [String] = []
        switch type {
        case .bool?:
            texts = ["yes", "no"]
            // A yes/no question with keyword rules: a no that says more, once per rule.
            for rule in question.map?.rules ?? [] {
                if let phrase = rule.matcher.phrases.first { texts.append("no, " + phrase.map { $0.text }.joined(separator: " ")) }
            }
        case .choice(let options)?:
            texts = options.map(\.label)
            // A choice question with keyword rules: the first option, said with each rule's words.
            if let first = options.first {
                for rule in question.map?.rules ?? [] {
                    if let phrase = rule.matcher.phrases.first { texts.append(first.label + ", " + phrase.map { $0.text }.joined(separator: " ")) }
                }
            }
        case .multi(let options)?:
            texts = options.map(\.label) + ["none", "all"]
        case .number(let min, let max, let integer)?:
            texts = numbers(min: min, max: max, integer: integer)
        case .text?, nil:
            if let map = question.map {
                for rule in map.rules {
                    if let phrase = rule.matcher.phrases.first {
                        texts.append(phrase.map { $0.text }.joined(separator: " "))
                    }
                }
            }
        }
        var inputs = texts.map { Input(text: $0, kind: .answer) }
        // For a text slot "zzzz" is a usable answer that matches no keyword rule: the "unmatched free text".
        let isText: Bool
        if case .text? = type { isText = true } else { isText = type == nil }
        inputs.append(Input(text: unusable, kind: isText ? .answer : .unusable))
        if question.skippable { inputs.append(Input(text: "skip", kind: .answer)) }
        return inputs
    }

    /// Lowest, highest and a middle value, and one value the question refuses.
    static func numbers(min: Double?, max: Double?, integer: Bool) -> [String] {
        let low = min ?? 0
        let high = max ?? (low + 100)
        var middle = (low + high) / 2
        if integer { middle = middle.rounded(.down) }
        var values = [low, high, middle]
        if let max {
            values.append(max + 1)
        } else if let min {
            values.append(min - 1)
        } else if integer {
            values.append(low + 0.5)
        }
        var seen: Set<Double> = []
        return values.filter { seen.insert($0).inserted }.map(Value.format)
    }
}
