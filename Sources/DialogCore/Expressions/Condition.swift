/// A parsed condition, such as `country == 'uk' and not (age >= 65)`.
///
/// Parsed once when the dialogs load (`ConditionParser.parse`), checked against the slot types
/// (`ConditionChecker.check`), and compiled to be evaluated at run time (`CompiledCondition`,
/// `ConditionProgram`).
public indirect enum Condition: Sendable, Hashable, Codable {
    /// `true` or `false`.
    case constant(Bool)
    /// A bool slot used as a condition: `wants_transfer`.
    case slot(String)
    /// `age >= 65`, `country == 'uk'`, `a == b`.
    case compare(Operand, ComparisonOperator, Operand)
    /// `'pain' in symptoms` (a multi slot) or `country in ['uk', 'eu']` (a list); both written `element in set`.
    case contains(set: Operand, element: Operand)
    /// `answered(name)`: the slot has a value.
    case answered(String)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)
}

/// One side of a comparison or membership test.
///
/// Equality and hashing ignore a slot's `offset`, which only records where the name was written.
public enum Operand: Sendable, Hashable, Codable {
    /// A slot name and the 0-based offset (in Unicode scalars) of the name in the condition's source.
    case slot(String, offset: Int)
    case text(String)
    case number(Double)
    case bool(Bool)
    /// `['a', 'b']`: quoted strings only.
    case list([String])

    public static func == (a: Operand, b: Operand) -> Bool {
        switch (a, b) {
        case (.slot(let x, _), .slot(let y, _)): return x == y
        case (.text(let x), .text(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .slot(let name, _): hasher.combine(0); hasher.combine(name)
        case .text(let s): hasher.combine(1); hasher.combine(s)
        case .number(let n): hasher.combine(2); hasher.combine(n)
        case .bool(let b): hasher.combine(3); hasher.combine(b)
        case .list(let items): hasher.combine(4); hasher.combine(items)
        }
    }
}

/// `==`, `!=`, `<`, `<=`, `>`, `>=`; the ordering ones compare numbers only.
public enum ComparisonOperator: String, Sendable, Hashable, Codable, CaseIterable {
    case eq = "=="
    case ne = "!="
    case lt = "<"
    case le = "<="
    case gt = ">"
    case ge = ">="

    /// The operator that gives the same result with the operands swapped (`<` ↔ `>`).
    var flipped: ComparisonOperator {
        switch self {
        case .eq, .ne: return self
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        }
    }

    /// Whether this operator orders values (and so needs numbers).
    var isOrdering: Bool { self != .eq && self != .ne }

    func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        }
    }
}

/// A syntax error in a condition or template, with the 0-based offset (in Unicode scalars) of the problem.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 0-based, in Unicode scalars, into the source.
    public var offset: Int
    public var hint: String?
    /// For an unclosed bracket: the 0-based offset of the bracket, which `message` names as "column
    /// N" counted inside the source (`message(openedAtColumn:)` names it in another count).
    public var opened: Int?
    /// The condition is nested deeper than `ConditionParser.maxDepth` (`E046`, not a syntax error).
    public var isDepthLimit: Bool

    public init(message: String, offset: Int, hint: String? = nil, opened: Int? = nil, isDepthLimit: Bool = false) {
        self.message = message
        self.offset = offset
        self.hint = hint
        self.opened = opened
        self.isDepthLimit = isDepthLimit
    }

    /// The message with the opening bracket's column given as `column` (e.g. counted in the file
    /// the condition is written in, rather than inside the condition).
    public func message(openedAtColumn column: Int) -> String {
        guard let opened else { return message }
        return message.replacing("at column \(opened + 1)", with: "at column \(column)", maxReplacements: 1)
    }

    public var description: String {
        hint.map { "\(message) (hint: \($0))" } ?? message
    }
}

extension Condition: CustomStringConvertible {
    /// Source-like rendering, e.g. `country == 'uk' and not (age >= 65)`; parsing it gives back an equal condition.
    public var description: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Slots this condition reads (for data-flow analysis), excluding those only inside `answered(...)`.
    public var slotsRead: Set<String> {
        var names = Set<String>()
        collectSlots(into: &names, includingAnswered: false)
        return names
    }

    /// Every slot mentioned, including those inside `answered(...)`.
    public var slotsMentioned: Set<String> {
        var names = Set<String>()
        collectSlots(into: &names, includingAnswered: true)
        return names
    }

    /// All atomic sub-conditions, left to right; `self` for anything other than `and`, `or` and `not`.
    public var atoms: [Condition] {
        switch self {
        case .not(let c): return c.atoms
        case .and(let a, let b), .or(let a, let b): return a.atoms + b.atoms
        default: return [self]
        }
    }

    private func collectSlots(into names: inout Set<String>, includingAnswered: Bool) {
        switch self {
        case .constant: break
        case .slot(let name): names.insert(name)
        case .answered(let name): if includingAnswered { names.insert(name) }
        case .compare(let a, _, let b), .contains(let a, let b):
            if case .slot(let name, _) = a { names.insert(name) }
            if case .slot(let name, _) = b { names.insert(name) }
        case .not(let c): c.collectSlots(into: &names, includingAnswered: includingAnswered)
        case .and(let a, let b), .or(let a, let b):
            a.collectSlots(into: &names, includingAnswered: includingAnswered)
            b.collectSlots(into: &names, includingAnswered: includingAnswered)
        }
    }

    /// Binding strength: or 1, and 2, not 3, everything else 4.
    private var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .not: return 3
        default: return 4
        }
    }

    private func write(to out: inout String) {
        switch self {
        case .constant(let b): out += b ? "true" : "false"
        case .slot(let name): out += name
        case .answered(let name): out += "answered(\(name))"
        case .compare(let a, let op, let b):
            a.write(to: &out)
            out += " \(op.rawValue) "
            b.write(to: &out)
        case .contains(let set, let element):
            element.write(to: &out)
            out += " in "
            set.write(to: &out)
        case .not(let c):
            switch c {
            case .constant, .slot, .answered, .not:
                out += "not "
                c.write(to: &out)
            default:
                out += "not ("
                c.write(to: &out)
                out += ")"
            }
        case .and(let a, let b):
            a.write(to: &out, parenthesisedBelow: 2)
            out += " and "
            b.write(to: &out, parenthesisedBelow: 3)
        case .or(let a, let b):
            // `and` inside `or` needs no parentheses, but they make the grouping obvious to a reader.
            a.write(to: &out, parenthesisedBelow: a.isOr ? 1 : 3)
            out += " or "
            b.write(to: &out, parenthesisedBelow: 3)
        }
    }

    private var isOr: Bool {
        if case .or = self { return true }
        return false
    }

    private func write(to out: inout String, parenthesisedBelow level: Int) {
        if precedence < level {
            out += "("
            write(to: &out)
            out += ")"
        } else {
            write(to: &out)
        }
    }
}

extension Operand: CustomStringConvertible {
    /// Source-like rendering: `age`, `'uk'`, `3.5`, `true`, `['a', 'b']`.
    public var description: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .slot(let name, _): out += name
        case .text(let s): Operand.writeQuoted(s, to: &out)
        case .number(let n): out += Operand.plainDecimal(n)
        case .bool(let b): out += b ? "true" : "false"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                Operand.writeQuoted(item, to: &out)
            }
            out += "]"
        }
    }

    /// `n` written the way the parser reads numbers: digits and an optional fraction, never an exponent
    /// (`1e+20` → `100000000000000000000`, `1e-05` → `0.00001`), so a description always re-parses.
    static func plainDecimal(_ n: Double) -> String {
        let shortest = Value.format(n)
        guard n.isFinite, let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }),
            let exponent = Int(shortest[shortest.index(after: e)...])
        else { return shortest }
        var mantissa = shortest[..<e]
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first ?? ""
        var digits = String(whole) + (parts.count > 1 ? String(parts[1]) : "")
        // Where the decimal point falls in `digits`.
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        return sign + digits.prefix(point) + "." + digits.dropFirst(point)
    }

    static func writeQuoted(_ s: String, to out: inout String) {
        out += "'"
        for scalar in s.unicodeScalars {
            if scalar == "'" || scalar == "\\" { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        out += "'"
    }
}

