extension Condition {
    /// The slots that must be answered for the condition to hold: every comparison, membership and
    /// bool test is false on an unanswered slot (so `x != 'a'` too), and `answered(x)` says so.
    package func answeredWhenTrue() -> Set<String> {
        switch self {
        case .constant, .not: return []
        case .slot(let name), .answered(let name): return [name]
        case .compare(let a, _, let b), .contains(let a, let b):
            var names: Set<String> = []
            if case .slot(let name, _) = a { names.insert(name) }
            if case .slot(let name, _) = b { names.insert(name) }
            return names
        case .and(let a, let b): return a.answeredWhenTrue().union(b.answeredWhenTrue())
        case .or(let a, let b): return a.answeredWhenTrue().intersection(b.answeredWhenTrue())
        }
    }
}
