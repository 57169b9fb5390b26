import DialogCore
import Foundation

/// Makes input sequences by walking the graph with a seeded generator: at each open question it
/// types an answer a person might give — an option's label, a synonym, its number, a near miss,
/// several options, a number in words, free text — and now and then a command (`why`, `back`,
/// `summary`, `help`), something unusable, or a common question that raises an interrupt.
struct InputSynthesizer {
    let engine: Engine
    let maxTurns: Int

    /// One synthetic conversation: its phrasing seed and what the person typed.
    struct Conversation {
        var seed: UInt64
        var inputs: [String]
    }

    func conversations(count: Int, seed: UInt64) -> [Conversation] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in conversation(seed: rng.next() % 1000, rng: &rng) }
    }

    private func conversation(seed: UInt64, rng: inout SplitMix64) -> Conversation {
        var (state, _) = engine.step(EngineState(seed: seed), .start)
        var inputs: [String] = []
        while inputs.count < maxTurns, !state.ended {
            let input = answer(state, &rng)
            inputs.append(input)
            let outputs: [Output]
            (state, outputs) = engine.step(state, .line(input))
            if outputs.contains(.quit) { break }
        }
        return Conversation(seed: seed, inputs: inputs)
    }

    private static let commands = ["why", "back", "summary", "help"]
    private static let unusable = ["hmm", "asdf qwerty", "what", "42 bananas", "I guess maybe sort of"]
    private static let freeText = [
        "knee arthritis", "they said it might be cancer", "a heart valve problem", "lymphoma, stage two",
        "not sure what it is called", "my back pain has lasted months", "multiple sclerosis", "a rare blood disorder",
        "total knee replacement", "chemotherapy and then surgery", "Dr Smith at the city hospital", "none yet",
    ]
    private static let numberWords = ["one", "two", "three", "five", "ten", "twelve", "twenty"]

    private func answer(_ state: EngineState, _ rng: inout SplitMix64) -> String {
        let roll = rng.pick(100)
        if roll < 4 { return Self.commands[rng.pick(Self.commands.count)] }
        if roll < 8 { return Self.unusable[rng.pick(Self.unusable.count)] }
        if roll < 10, let phrase = commonQuestion(&rng) { return phrase }
        guard let id = state.position, let question = engine.graph[id]?.question,
            let type = engine.graph.slotType(question.slot)
        else { return "yes" }
        if roll < 13, question.skippable { return ["not sure", "skip", "I don't know"][rng.pick(3)] }
        switch type {
        case .bool:
            return ["yes", "no", "yeah", "nope", "Yes please", "no thanks", "y"][rng.pick(7)]
        case .choice(let options):
            return option(options, &rng)
        case .multi(let options):
            switch rng.pick(4) {
            case 0:
                let a = rng.pick(options.count) + 1
                let b = rng.pick(options.count) + 1
                return a == b ? "\(a)" : "\(a), \(b)"
            case 1 where options.count > 1:
                let a = options[rng.pick(options.count)].label.lowercased()
                let b = options[rng.pick(options.count)].label.lowercased()
                return "\(a) and \(b)"
            default:
                return option(options, &rng)
            }
        case .number(let min, let max, _):
            let lo = Int(min ?? 0)
            let hi = Int(max ?? 100)
            let n = lo + rng.pick(Swift.max(1, hi - lo + 1))
            switch rng.pick(3) {
            case 0: return "\(n)"
            case 1: return "about \(n)"
            default: return Self.numberWords[rng.pick(Self.numberWords.count)]
            }
        case .text:
            return Self.freeText[rng.pick(Self.freeText.count)]
        }
    }

    private func option(_ options: [Option], _ rng: inout SplitMix64) -> String {
        let o = options[rng.pick(options.count)]
        switch rng.pick(5) {
        case 0: return "\(options.firstIndex(of: o).map { $0 + 1 } ?? 1)"
        case 1 where !o.synonyms.isEmpty: return o.synonyms[rng.pick(o.synonyms.count)]
        case 2: return typo(o.label, &rng)
        default: return o.label.lowercased()
        }
    }

    /// Swaps two neighbouring letters of one word of five or more letters ("Untied States").
    private func typo(_ text: String, _ rng: inout SplitMix64) -> String {
        var words = text.split(separator: " ").map { Array($0) }
        guard let w = words.indices.filter({ words[$0].count >= 5 }).randomElement(using: &rng) else { return text }
        let i = 1 + rng.pick(words[w].count - 3)
        words[w].swapAt(i, i + 1)
        return words.map { String($0) }.joined(separator: " ")
    }

    /// A phrase from an interrupt that comes back to the question (a common question, not a red flag).
    private func commonQuestion(_ rng: inout SplitMix64) -> String? {
        // Only interrupts typed by a keyword (a red flag read by the language data may have none).
        let resuming = engine.graph.interrupts.filter { $0.resume && !$0.keywords.isEmpty }
        guard !resuming.isEmpty else { return nil }
        let i = resuming[rng.pick(resuming.count)]
        let phrase = i.keywords[rng.pick(i.keywords.count)].replacingOccurrences(of: "*", with: "")
        return "um, \(phrase)?"
    }
}
