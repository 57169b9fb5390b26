/// The rules and concepts as one flat list of instructions: the form the matcher runs. Built once from
/// the same compiled elements as the analysis (`Language.Element`), so matching reads plain values from
/// memory and never retains or releases anything.
///
/// A sequence is a run of instructions. `optional` is followed by its one element; `choice` by its
/// alternatives, each an `alternative` instruction giving its length and then its sequence.
final class Program: @unchecked Sendable {
    // Unchecked: `code` is written once, in `init`, and only read after; `deinit` frees it.

    struct Instruction {
        enum Op: UInt8 { case word, prefix, concept, gap, optional, choice, alternative }
        var op: Op
        /// The word, prefix or concept number; the gap's length; the optional's or alternative's length;
        /// the choice's number of alternatives.
        var a: Int32
        /// The choice's total length (its alternatives with their headers).
        var b: Int32 = 0
    }

    let code: UnsafeMutableBufferPointer<Instruction>
    /// Each rule's sequence, as a range of `code`.
    let rules: [Range<Int>]
    /// Each concept's phrases, as ranges of `code`.
    let concepts: [[Range<Int>]]

    init(rules: [[Language.Element]], concepts: [[[Language.Element]]]) {
        var out: [Instruction] = []
        func emit(_ element: Language.Element) {
            switch element {
            case .word(let w): out.append(Instruction(op: .word, a: w))
            case .prefix(let p): out.append(Instruction(op: .prefix, a: p))
            case .concept(let c): out.append(Instruction(op: .concept, a: c))
            case .gap(let n): out.append(Instruction(op: .gap, a: Int32(n)))
            case .optional(let inner):
                let at = out.count
                out.append(Instruction(op: .optional, a: 0))
                emit(inner)
                out[at].a = Int32(out.count - at - 1)
            case .choice(let alternatives):
                let at = out.count
                out.append(Instruction(op: .choice, a: Int32(alternatives.count)))
                for alternative in alternatives {
                    let header = out.count
                    out.append(Instruction(op: .alternative, a: 0))
                    alternative.forEach(emit)
                    out[header].a = Int32(out.count - header - 1)
                }
                out[at].b = Int32(out.count - at - 1)
            }
        }
        func sequence(_ elements: [Language.Element]) -> Range<Int> {
            let start = out.count
            elements.forEach(emit)
            return start..<out.count
        }
        self.rules = rules.map(sequence)
        self.concepts = concepts.map { $0.map(sequence) }
        code = UnsafeMutableBufferPointer<Instruction>.allocate(capacity: max(1, out.count))
        _ = code.initialize(from: out)
    }

    deinit { code.deallocate() }
}
