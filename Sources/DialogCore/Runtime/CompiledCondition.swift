/// A condition whose slot names are positions in a small table of values, so each test indexes the
/// table instead of hashing a slot name: the one evaluator of conditions. A document's `when`s share one
/// table, read once before they are evaluated (`DocumentPlan`); a condition on its own reads its slots by
/// name (`ConditionProgram`). The tests compare it with a reference interpreter of the syntax tree.
package indirect enum CompiledCondition: Sendable {
    /// An operand: a position in the value table, or a literal already made a `Value`.
    package enum Operand: Sendable {
        case slot(Int)
        case literal(Value)

        @inline(__always)
        func resolve<Values: ConditionValues>(_ values: Values) -> Value? {
            switch self {
            case .slot(let i): return values[slot: i]
            case .literal(let v): return v
            }
        }
    }

    case constant(Bool)
    case slot(Int)
    case answered(Int)
    /// `slot == 'text'` or `slot != 'text'` (either side): the common comparison, without a literal `Value`.
    case equalsText(Int, String, negated: Bool)
    /// `'text' in slot`.
    case containsText(set: Int, String)
    /// `slot in ['a', 'b']`.
    case inList(Int, [String])
    case compare(Operand, ComparisonOperator, Operand)
    case contains(set: Operand, element: Operand)
    case not(CompiledCondition)
    case and(CompiledCondition, CompiledCondition)
    case or(CompiledCondition, CompiledCondition)

    /// Compiles `condition`, adding the slots it reads to `names` (positions by `index`).
    package init(_ condition: Condition, names: inout [String], index: inout [String: Int]) {
        func position(_ name: String) -> Int {
            if let i = index[name] { return i }
            names.append(name)
            index[name] = names.count - 1
            return names.count - 1
        }
        func operand(_ o: DialogCore.Operand) -> Operand {
            switch o {
            case .slot(let name, _): return .slot(position(name))
            case .text(let s): return .literal(.text(s))
            case .number(let n): return .literal(.number(n))
            case .bool(let b): return .literal(.bool(b))
            case .list(let items): return .literal(.set(items))
            }
        }
        switch condition {
        case .constant(let b): self = .constant(b)
        case .slot(let name): self = .slot(position(name))
        case .answered(let name): self = .answered(position(name))
        case .compare(.slot(let name, _), let op, .text(let t)) where op == .eq || op == .ne,
            .compare(.text(let t), let op, .slot(let name, _)) where op == .eq || op == .ne:
            self = .equalsText(position(name), t, negated: op == .ne)
        case .compare(let a, let op, let b): self = .compare(operand(a), op, operand(b))
        case .contains(.slot(let name, _), .text(let t)): self = .containsText(set: position(name), t)
        case .contains(.list(let items), .slot(let name, _)): self = .inList(position(name), items)
        case .contains(let set, let element): self = .contains(set: operand(set), element: operand(element))
        case .not(let c): self = .not(CompiledCondition(c, names: &names, index: &index))
        case .and(let a, let b):
            let x = CompiledCondition(a, names: &names, index: &index)
            self = .and(x, CompiledCondition(b, names: &names, index: &index))
        case .or(let a, let b):
            let x = CompiledCondition(a, names: &names, index: &index)
            self = .or(x, CompiledCondition(b, names: &names, index: &index))
        }
    }

    /// Evaluates with `values[slot: i]` the value of slot `i` (nil when unanswered).
    ///
    /// An unanswered slot makes every comparison false, a bool slot false and `answered` false; an
    /// unanswered multi slot is the empty set, so `'x' in it` is false.
    package func evaluate<Values: ConditionValues>(_ values: Values) -> Bool {
        switch self {
        case .constant(let b):
            return b
        case .slot(let i):
            if case .bool(true)? = values[slot: i] { return true }
            return false
        case .answered(let i):
            return values[slot: i] != nil
        case .not(let c):
            return !c.evaluate(values)
        case .and(let a, let b):
            if !a.evaluate(values) { return false }
            return b.evaluate(values)
        case .or(let a, let b):
            if a.evaluate(values) { return true }
            return b.evaluate(values)
        case .equalsText(let i, let text, let negated):
            // As `Condition.compare`: unanswered is false; text and choice compare as strings; other
            // kinds are never equal.
            switch values[slot: i] {
            case nil: return false
            case .text(let v)?, .choice(let v)?: return (v == text) != negated
            default: return negated
            }
        case .containsText(let i, let text):
            if case .set(let items)? = values[slot: i] { return items.contains(text) }
            return false
        case .inList(let i, let items):
            switch values[slot: i] {
            case .text(let v)?, .choice(let v)?: return items.contains(v)
            default: return false
            }
        case .compare(let a, let op, let b):
            guard let x = a.resolve(values), let y = b.resolve(values) else { return false }
            return Condition.compare(x, op, y)
        case .contains(let set, let element):
            guard let e = element.resolve(values), let s = set.resolve(values) else { return false }
            return Condition.isMember(e, of: s)
        }
    }
}

/// Where a compiled condition reads slot `i`'s value (nil when unanswered).
package protocol ConditionValues {
    subscript(slot i: Int) -> Value? { get }
}

/// A table of values read once, by position.
extension Array: ConditionValues where Element == Value? {
    @inline(__always)
    package subscript(slot i: Int) -> Value? { self[i] }
}
