/// What a comparison and a membership test mean for resolved values: shared by `CompiledCondition` and
/// the reference interpreter the tests compare it with.
extension Condition {
    /// Whether text or choice `element` is one of the values of set `set` (false for other kinds).
    package static func isMember(_ element: Value, of set: Value) -> Bool {
        guard case .set(let values) = set else { return false }
        switch element {
        case .text(let v), .choice(let v): return values.contains(v)
        default: return false
        }
    }

    /// `a op b` for resolved values; text and choice values compare as strings, sets ignore order.
    package static func compare(_ a: Value, _ op: ComparisonOperator, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            return op.holds(x, y)
        case (.text(let x), .text(let y)), (.text(let x), .choice(let y)),
            (.choice(let x), .text(let y)), (.choice(let x), .choice(let y)):
            switch op {
            case .eq: return x == y
            case .ne: return x != y
            default: return false
            }
        case (.bool(let x), .bool(let y)):
            switch op {
            case .eq: return x == y
            case .ne: return x != y
            default: return false
            }
        case (.set(let x), .set(let y)):
            let same = x.count == y.count && x.allSatisfy { y.contains($0) } && y.allSatisfy { x.contains($0) }
            switch op {
            case .eq: return same
            case .ne: return !same
            default: return false
            }
        default:
            // Different kinds (rejected by the checker): never equal.
            return op == .ne
        }
    }
}
