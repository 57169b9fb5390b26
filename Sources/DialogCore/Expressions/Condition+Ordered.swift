extension Condition {
    /// The condition with every ordered comparison of a choice slot (`pain >= 'p5_6'`) written as the
    /// membership test it means (`pain in ['p5_6', 'p7_8', 'p9_10']`): the options count from the first
    /// to the last in the order the slot lists them. `options` gives the option values of each slot
    /// declared `"ordered": true`; comparisons of other slots are left as they are. Run after
    /// `ConditionChecker`, which refuses an ordered comparison on any other choice slot.
    public func expandingOrderedChoices(_ options: (String) -> [String]?) -> Condition {
        switch self {
        case .constant, .slot, .answered, .contains: return self
        case .not(let c): return .not(c.expandingOrderedChoices(options))
        case .and(let a, let b): return .and(a.expandingOrderedChoices(options), b.expandingOrderedChoices(options))
        case .or(let a, let b): return .or(a.expandingOrderedChoices(options), b.expandingOrderedChoices(options))
        case .compare(let a, let op, let b):
            guard op.isOrdering else { return self }
            let (slot, value, op) : (Operand, Operand, ComparisonOperator) = {
                if case .slot = a { return (a, b, op) }
                return (b, a, op.flipped)
            }()
            guard case .slot(let name, _) = slot, case .text(let v) = value, let values = options(name),
                let place = values.firstIndex(of: v)
            else { return self }
            let chosen: ArraySlice<String>
            switch op {
            case .lt: chosen = values[..<place]
            case .le: chosen = values[...place]
            case .gt: chosen = values[(place + 1)...]
            case .ge: chosen = values[place...]
            case .eq, .ne: return self
            }
            return .contains(set: .list(Array(chosen)), element: slot)
        }
    }
}
