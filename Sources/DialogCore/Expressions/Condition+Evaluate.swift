extension Condition {
    /// Evaluates with `lookup` giving a slot's current value, or nil when it is unanswered.
    ///
    /// An unanswered slot makes every comparison false, a bool slot false and `answered` false;
    /// an unanswered multi slot is the empty set, so `'x' in it` is false.
    public func evaluate(_ lookup: (String) -> Value?) -> Bool {
        switch self {
        case .constant(let b):
            return b
        case .slot(let name):
            if case .bool(true)? = lookup(name) { return true }
            return false
        case .answered(let name):
            return lookup(name) != nil
        case .not(let c):
            return !c.evaluate(lookup)
        case .and(let a, let b):
            if !a.evaluate(lookup) { return false }
            return b.evaluate(lookup)
        case .or(let a, let b):
            if a.evaluate(lookup) { return true }
            return b.evaluate(lookup)
        case .compare(let a, let op, let b):
            guard let x = a.resolve(lookup), let y = b.resolve(lookup) else { return false }
            return Condition.compare(x, op, y)
        case .contains(let set, let element):
            guard let e = element.resolve(lookup), let s = set.resolve(lookup) else { return false }
            return Condition.isMember(e, of: s)
        }
    }

    /// Whether text or choice `element` is one of the values of set `set` (false for other kinds).
    static func isMember(_ element: Value, of set: Value) -> Bool {
        guard case .set(let values) = set else { return false }
        switch element {
        case .text(let v), .choice(let v): return values.contains(v)
        default: return false
        }
    }

    /// `a op b` for resolved values; text and choice values compare as strings, sets ignore order.
    static func compare(_ a: Value, _ op: ComparisonOperator, _ b: Value) -> Bool {
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

extension Operand {
    /// The operand's value: a slot's current value (nil when unanswered), or the literal.
    /// An unanswered slot stays nil; `contains` treats that as the empty set.
    @inline(__always)
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
