/// A condition whose slot names are positions in a small table of values read once before many
/// conditions are evaluated (a document's `when`s), so each test indexes an array instead of hashing
/// a slot name. Evaluates exactly like `Condition.evaluate`.
package indirect enum CompiledCondition: Sendable {
    /// An operand: a position in the value table, or a literal already made a `Value`.
    package enum Operand: Sendable {
        case slot(Int)
        case literal(Value)

        @inline(__always)
        func resolve(_ values: [Value?]) -> Value? {
            switch self {
            case .slot(let i): return values[i]
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

    /// Evaluates with `values[i]` the value of slot `i` (nil when unanswered), as `Condition.evaluate` does.
    package func evaluate(_ values: [Value?]) -> Bool {
        switch self {
        case .constant(let b):
            return b
        case .slot(let i):
            if case .bool(true)? = values[i] { return true }
            return false
        case .answered(let i):
            return values[i] != nil
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
            switch values[i] {
            case nil: return false
            case .text(let v)?, .choice(let v)?: return (v == text) != negated
            default: return negated
            }
        case .containsText(let i, let text):
            if case .set(let items)? = values[i] { return items.contains(text) }
            return false
        case .inList(let i, let items):
            switch values[i] {
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

/// A document laid out for rendering, once per engine: its conditions compiled to slot positions, and
/// every item's text as pieces, each placeholder already resolved to its slot's position among the values
/// read once per rendering, its fallback and its slot type. A rendering then hashes each slot name once,
/// whatever the number of placeholders. (Pieces stay `String`s appended to a `String`: a byte buffer turned
/// into a `String` at the end costs more, since the non-ASCII text must then be validated again.)
final class DocumentPlan: Sendable {
    /// The slots the conditions and placeholders read, in first-use order (conditions first).
    let slots: [String]
    /// Per item, its compiled `when` (nil: always included).
    let conditions: [CompiledCondition?]
    /// The title's pieces.
    let title: [Piece]
    /// Per item, what `DocumentRenderer` writes: its lead (after a blank line unless the item and the one
    /// before it are both list items), then its pieces.
    let items: [Item]
    /// UTF-8 bytes of every item's lead and text: room for any rendering's items, short of answers.
    let length: Int

    /// Part of a text: as written, or a placeholder.
    enum Piece: Sendable {
        case text(String)
        /// `slot` is the position in `slots`; `name` goes to `missing` when unanswered without a fallback.
        case slot(Int, name: String, fallback: String?, type: SlotType?, format: Template.Format)
        /// A `choose` segment: `then` when the condition holds, else `otherwise`.
        case choose(CompiledCondition, then: [Piece], otherwise: [Piece])
    }

    struct Item: Sendable {
        var isList: Bool
        /// "\n" + lead, and the text when it has no placeholder.
        var afterBreak: String
        /// lead, and the text when it has no placeholder.
        var inList: String
        /// The text's pieces when it has a placeholder (empty otherwise: the leads hold the text).
        var pieces: [Piece]
    }

    /// `slotType` gives a slot's declared type (for option labels): the graph's.
    init(_ document: DocumentTemplate, slotType: (String) -> SlotType?) {
        var names: [String] = []
        var index: [String: Int] = [:]
        conditions = document.items.map { item in
            item.condition.map { CompiledCondition($0, names: &names, index: &index) }
        }
        func pieces(_ template: Template) -> [Piece] { pieces(template.segments) }
        func pieces(_ segments: [Template.Segment]) -> [Piece] {
            segments.map { segment in
                switch segment {
                case .text(let text): return .text(text)
                case .slot(let name, let fallback, let format):
                    let at: Int
                    if let known = index[name] {
                        at = known
                    } else {
                        at = names.count
                        index[name] = at
                        names.append(name)
                    }
                    return .slot(at, name: name, fallback: fallback, type: slotType(name), format: format)
                case .choose(let c, let then, let otherwise):
                    return .choose(CompiledCondition(c, names: &names, index: &index), then: pieces(then), otherwise: pieces(otherwise))
                }
            }
        }
        title = pieces(document.title)
        var length = 0
        items = document.items.map { item in
            let lead = "\n" + document.marks.lead(item.kind)
            var constant: String?
            switch item.template.segments.count {
            case 0: constant = ""
            case 1: if case .text(let text) = item.template.segments[0] { constant = text }
            default: break
            }
            let own = lead + (constant ?? "")
            length += own.utf8.count + 1 + item.template.textLength
            return Item(
                isList: item.kind == .bullet || item.kind == .check, afterBreak: "\n" + own, inList: own,
                pieces: constant == nil ? pieces(item.template) : [])
        }
        slots = names
        self.length = length
    }
}
