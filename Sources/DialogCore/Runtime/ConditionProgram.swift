/// A condition compiled on its own: its `CompiledCondition` and the slots it reads, looked up by name
/// when it is evaluated (each reference hashes its slot's name once, no table is built). What the engine
/// evaluates on an edge, and what the tools evaluate on a path.
public struct ConditionProgram: Sendable {
    /// The condition as written (for messages).
    public let condition: Condition
    private let code: CompiledCondition
    /// The slots `code` reads, by position.
    private let slots: [String]

    public init(_ condition: Condition) {
        var names: [String] = []
        var index: [String: Int] = [:]
        code = CompiledCondition(condition, names: &names, index: &index)
        slots = names
        self.condition = condition
    }

    /// Whether the condition holds with the answers in `answers`.
    public func evaluate(_ answers: [String: Value]) -> Bool {
        code.evaluate(Answers(slots: slots, answers: answers))
    }

    /// Whether the condition holds with `lookup` giving a slot's value (nil when unanswered).
    public func evaluate(_ lookup: (String) -> Value?) -> Bool {
        withoutActuallyEscaping(lookup) { code.evaluate(Lookup(slots: slots, lookup: $0)) }
    }

    private struct Answers: ConditionValues {
        let slots: [String]
        let answers: [String: Value]

        @inline(__always)
        subscript(slot i: Int) -> Value? { answers[slots[i]] }
    }

    private struct Lookup: ConditionValues {
        let slots: [String]
        let lookup: (String) -> Value?

        @inline(__always)
        subscript(slot i: Int) -> Value? { lookup(slots[i]) }
    }
}
