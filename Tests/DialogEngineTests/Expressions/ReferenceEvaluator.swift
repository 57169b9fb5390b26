@testable import DialogCore

// The reference interpreter: a condition evaluated straight from its syntax tree, slot by name. The engine
// and the tools evaluate only the compiled form (`CompiledCondition`, `ConditionProgram`); this plain
// reading is the oracle it is compared with, on every shipped condition and on generated ones
// (CompiledConditionTests).
extension Condition {
    /// Evaluates with `lookup` giving a slot's current value, or nil when it is unanswered.
    ///
    /// An unanswered slot makes every comparison false, a bool slot false and `answered` false;
    /// an unanswered multi slot is the empty set, so `'x' in it` is false.
    func referenceEvaluate(_ lookup: (String) -> Value?) -> Bool {
        switch self {
        case .constant(let b):
            return b
        case .slot(let name):
            if case .bool(true)? = lookup(name) { return true }
            return false
        case .answered(let name):
            return lookup(name) != nil
        case .not(let c):
            return !c.referenceEvaluate(lookup)
        case .and(let a, let b):
            if !a.referenceEvaluate(lookup) { return false }
            return b.referenceEvaluate(lookup)
        case .or(let a, let b):
            if a.referenceEvaluate(lookup) { return true }
            return b.referenceEvaluate(lookup)
        case .compare(let a, let op, let b):
            guard let x = a.resolve(lookup), let y = b.resolve(lookup) else { return false }
            return Condition.compare(x, op, y)
        case .contains(let set, let element):
            guard let e = element.resolve(lookup), let s = set.resolve(lookup) else { return false }
            return Condition.isMember(e, of: s)
        }
    }
}

extension Operand {
    /// The operand's value: a slot's current value (nil when unanswered), or the literal.
    /// An unanswered slot stays nil; `contains` treats that as the empty set.
    func resolve(_ lookup: (String) -> Value?) -> Value? {
        switch self {
        case .slot(let name, _): return lookup(name)
        case .text(let s): return .text(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .list(let items): return .set(items)
        }
    }
}
