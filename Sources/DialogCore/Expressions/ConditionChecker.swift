/// A problem `ConditionChecker` found in a parsed condition.
public struct ConditionIssue: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A name no slot has.
        case unknownSlot
        /// Operands of the wrong types, or a non-bool slot used as a condition.
        case typeMismatch
        /// A value no option has, or a number the slot can never hold: the test is never true.
        case impossibleValue
    }

    public var kind: Kind
    public var message: String
    /// 0-based offset (in Unicode scalars) into the condition's source.
    public var offset: Int
    public var hint: String?

    public init(kind: Kind, message: String, offset: Int, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.hint = hint
    }
}

/// Type-checks a parsed condition against the declared slots.
public enum ConditionChecker {
    /// Checks slot names exist (hint: the closest of `slotNames`), operand types match
    /// (number vs text, ordering only on numbers, a bool slot alone, `in` needs a multi slot or a list),
    /// and that choice/multi comparisons use values an option has (hint: the closest option value).
    ///
    /// Offsets come from the slot operands; pass the condition's `source` to also place issues on
    /// literals, bare bool slots and `answered(...)` exactly.
    ///
    /// `ordered` names the choice slots declared `"ordered": true`: their options may be compared with
    /// `<`, `<=`, `>`, `>=` (by their place in the list); on any other choice slot that is an error.
    public static func check(
        _ c: Condition, slotType: (String) -> SlotType?, slotNames: [String], source: String? = nil,
        ordered: Set<String> = []
    ) -> [ConditionIssue] {
        withoutActuallyEscaping(slotType) { types in
            // Locating problems means lexing the source again: do it only when there are problems.
            var walk = Walk(types: types, slotNames: slotNames, locator: nil, ordered: ordered)
            walk.visit(c)
            guard !walk.issues.isEmpty, let source else { return walk.issues }
            var located = Walk(types: types, slotNames: slotNames, locator: Locator(source), ordered: ordered)
            located.visit(c)
            return located.issues
        }
    }
}

extension ConditionChecker {
    /// Finds where names and strings were written, by lexing the source again.
    ///
    /// The walk visits operands in source order, so the n-th mention of a name is its n-th occurrence.
    struct Locator {
        var names: [String: [Int]] = [:]
        var nameCursor: [String: Int] = [:]
        var strings: [Int] = []
        var stringCursor = 0

        init(_ source: String) {
            var lexer = ConditionParser.Lexer(source)
            while let token = try? lexer.next() {
                switch token.kind {
                case .name(let name): names[name, default: []].append(token.start)
                case .text: strings.append(token.start)
                case .end: return
                default: break
                }
            }
        }

        mutating func nextName(_ name: String) -> Int? {
            let i = nameCursor[name, default: 0]
            nameCursor[name] = i + 1
            guard let offsets = names[name], i < offsets.count else { return nil }
            return offsets[i]
        }

        mutating func nextString() -> Int? {
            defer { stringCursor += 1 }
            return stringCursor < strings.count ? strings[stringCursor] : nil
        }
    }

    /// An operand with its slot type (if a known slot) and where it was written.
    struct Resolved {
        enum Kind {
            case slot(String, SlotType)
            case unknownSlot
            case text(String)
            case number(Double)
            case bool(Bool)
            case list([String])
        }

        var kind: Kind
        /// Where the operand starts, when known.
        var offset: Int?
        /// Where each list item starts, when known.
        var itemOffsets: [Int?] = []

        var slot: (name: String, type: SlotType)? {
            if case .slot(let name, let type) = kind { return (name, type) }
            return nil
        }

        var isUnknown: Bool {
            if case .unknownSlot = kind { return true }
            return false
        }

        var isNumber: Bool {
            switch kind {
            case .number: return true
            case .slot(_, .number): return true
            default: return false
            }
        }

        /// How messages name it: `choice slot 'country'`, `text 'uk'`, `number 3`, `true`, `a list`.
        var phrase: String {
            switch kind {
            case .slot(let name, let type): return "\(type.name) slot '\(name)'"
            case .unknownSlot: return "an unknown slot"
            case .text(let s): return "text \(Operand.text(s))"
            case .number(let n): return "number \(Value.format(n))"
            case .bool(let b): return b ? "true" : "false"
            case .list(let items): return "the list \(Operand.list(items))"
            }
        }
    }

    struct Walk {
        /// The type of each declared slot (nil: no such slot).
        let types: (String) -> SlotType?
        let slotNames: [String]
        var locator: Locator?
        /// Choice slots whose options are ordered.
        var ordered: Set<String> = []
        var issues: [ConditionIssue] = []

        mutating func visit(_ c: Condition) {
            switch c {
            case .constant:
                break
            case .slot(let name):
                let at = locator?.nextName(name) ?? 0
                guard let type = known(name, at: at) else { return }
                if case .bool = type { return }
                add(
                    .typeMismatch, "\(type.name) slot '\(name)' is not a yes/no condition", at: at,
                    hint: "compare it, e.g. \(Walk.example(name, type)), or use answered(\(name))")
            case .answered(let name):
                _ = known(name, at: locator?.nextName(name) ?? 0)
            case .not(let inner):
                visit(inner)
            case .and(let a, let b), .or(let a, let b):
                visit(a)
                visit(b)
            case .compare(let a, let op, let b):
                let left = resolve(a)
                let right = resolve(b)
                checkCompare(left, op, right)
            case .contains(let set, let element):
                let e = resolve(element)
                let s = resolve(set)
                checkContains(set: s, element: e)
            }
        }

        // MARK: Operands

        mutating func resolve(_ operand: Operand) -> Resolved {
            switch operand {
            case .slot(let name, let offset):
                let at = locator?.nextName(name) ?? offset
                guard let type = known(name, at: at) else { return Resolved(kind: .unknownSlot, offset: at) }
                return Resolved(kind: .slot(name, type), offset: at)
            case .text(let s):
                return Resolved(kind: .text(s), offset: locator?.nextString())
            case .number(let n):
                return Resolved(kind: .number(n), offset: nil)
            case .bool(let b):
                return Resolved(kind: .bool(b), offset: nil)
            case .list(let items):
                let offsets = items.map { _ in locator?.nextString() }
                return Resolved(kind: .list(items), offset: offsets.first ?? nil, itemOffsets: offsets)
            }
        }

        /// The slot's type, or nil after reporting it unknown.
        mutating func known(_ name: String, at offset: Int) -> SlotType? {
            if let type = types(name) { return type }
            add(
                .unknownSlot, "unknown slot '\(name)'", at: offset,
                hint: Suggestion.hint(for: name, in: slotNames) ?? "declare it under \"slots\" in a dialog file, or fix the name")
            return nil
        }

        mutating func add(_ kind: ConditionIssue.Kind, _ message: String, at offset: Int, hint: String? = nil) {
            issues.append(ConditionIssue(kind: kind, message: message, offset: offset, hint: hint))
        }

        // MARK: Comparisons

        mutating func checkCompare(_ left: Resolved, _ op: ComparisonOperator, _ right: Resolved) {
            if left.isUnknown || right.isUnknown { return }
            // How it was written, for messages; built only when one is needed.
            let written = { "\(Walk.operandText(left)) \(op.rawValue) \(Walk.operandText(right))" }
            // Put a slot on the left so each pair is handled once.
            if left.slot == nil, right.slot != nil {
                checkCompare(right, op.flipped, left, written: written)
            } else {
                checkCompare(left, op, right, written: written)
            }
        }

        private static func operandText(_ r: Resolved) -> String {
            switch r.kind {
            case .slot(let name, _): return name
            case .unknownSlot: return "?"
            case .text(let s): return Operand.text(s).description
            case .number(let n): return Value.format(n)
            case .bool(let b): return b ? "true" : "false"
            case .list(let items): return Operand.list(items).description
            }
        }

        /// `left` is a slot whenever either side is.
        private mutating func checkCompare(
            _ left: Resolved, _ op: ComparisonOperator, _ right: Resolved, written: () -> String
        ) {
            let at = left.offset ?? right.offset ?? 0
            if case .list = left.kind, right.slot == nil {
                add(.typeMismatch, "cannot compare \(left.phrase) with '\(op.rawValue)'", at: at)
                return
            }
            if case .list(let items) = right.kind {
                if let (name, type) = left.slot, case .multi = type {
                    let example = Operand.text(items.first ?? type.options.first?.value ?? "…")
                    add(
                        .typeMismatch, "cannot compare multi slot '\(name)' with '\(op.rawValue)'", at: at,
                        hint: "use 'in' to test an option, e.g. \(example) in \(name)")
                } else if let (name, _) = left.slot {
                    add(
                        .typeMismatch, "cannot compare \(left.phrase) with a list using '\(op.rawValue)'", at: at,
                        hint: "use 'in' for a list: \(name) in \(Operand.list(items))")
                } else {
                    add(.typeMismatch, "cannot compare \(left.phrase) with a list", at: at)
                }
                return
            }
            if let (name, type) = left.slot, case .multi(let options) = type {
                let example: String
                if case .text(let s) = right.kind { example = s } else { example = options.first?.value ?? "…" }
                add(
                    .typeMismatch, "cannot compare multi slot '\(name)' with '\(op.rawValue)'", at: at,
                    hint: "use 'in' to test an option, e.g. \(Operand.text(example)) in \(name)")
                return
            }
            if let (_, type) = right.slot, case .multi = type {
                add(.typeMismatch, "cannot compare \(left.phrase) with \(right.phrase)", at: right.offset ?? at)
                return
            }
            if op.isOrdering, let (name, type) = left.slot, case .choice(let options) = type {
                checkOrderedChoice(name, options, op, right, at: at, written: written)
                return
            }
            if op.isOrdering {
                guard left.isNumber, right.isNumber else {
                    let culprit = left.isNumber ? right : left
                    var hint: String?
                    if case .text(let s) = culprit.kind, Double(s) != nil {
                        hint = "write the number without quotes: \(s)"
                    } else if let (_, type) = culprit.slot, case .choice = type {
                        hint = "compare a choice with == or !=, or test it with 'in' and a list"
                    }
                    add(
                        .typeMismatch, "'\(op.rawValue)' compares numbers, but \(culprit.phrase) is not a number",
                        at: culprit.offset ?? at, hint: hint)
                    return
                }
                checkBounds(left, op, right, written: written)
                return
            }
            switch (left.kind, right.kind) {
            case (.slot(_, .bool), .slot(_, .bool)), (.slot(_, .bool), .bool), (.bool, .bool):
                return
            case (.slot(_, .number), .slot(_, .number)), (.number, .number):
                return
            case (.slot(_, .number), .number):
                checkBounds(left, op, right, written: written)
                return
            case (.slot(_, .text), .slot(_, .text)), (.slot(_, .text), .text), (.text, .text):
                return
            case (.slot(let name, .choice(let options)), .text(let value)):
                checkOption(value, of: name, options, at: right.offset ?? at)
                return
            case (.slot(let a, .choice(let x)), .slot(let b, .choice(let y))):
                if !x.contains(where: { o in y.contains { $0.value == o.value } }) {
                    add(
                        .impossibleValue,
                        "choice slots '\(a)' and '\(b)' share no option value, so they are never equal",
                        at: at)
                }
                return
            default:
                break
            }
            add(
                .typeMismatch, "cannot compare \(left.phrase) with \(right.phrase)", at: at,
                hint: mismatchHint(left, op, right))
        }

        private func mismatchHint(_ left: Resolved, _ op: ComparisonOperator, _ right: Resolved) -> String? {
            switch (left.kind, right.kind) {
            case (.slot(let name, .number), .text(let s)) where Double(s) != nil:
                return "write the number without quotes: \(name) \(op.rawValue) \(s)"
            case (.slot(let name, .text), .number(let n)):
                return "put the text in quotes: \(name) \(op.rawValue) '\(Value.format(n))'"
            case (.slot(let name, .choice(let options)), .number(let n)):
                let v = Value.format(n)
                if options.contains(where: { $0.value == v }) { return "option values are quoted: \(name) \(op.rawValue) '\(v)'" }
                return "option values are quoted, e.g. \(Walk.example(name, .choice(options)))"
            case (.slot(let name, .bool), .text(let s))
            where ["true", "false", "yes", "no"].contains(s.lowercased()):
                let b = ["true", "yes"].contains(s.lowercased())
                return "write true or false without quotes: \(name) \(op.rawValue) \(b)"
            case (.slot(let name, .bool), _):
                return "a bool slot is a condition on its own: \(name), or not \(name)"
            default:
                return nil
            }
        }

        /// `name <= 'value'` on a choice slot: allowed when the slot is ordered and the value is an
        /// option; never true past either end of the list (`< first`, `> last`).
        private mutating func checkOrderedChoice(
            _ name: String, _ options: [Option], _ op: ComparisonOperator, _ right: Resolved, at: Int, written: () -> String
        ) {
            guard ordered.contains(name) else {
                add(
                    .typeMismatch, "'\(op.rawValue)' needs an ordered choice, but the options of choice slot '\(name)' have no order",
                    at: at,
                    hint: "declare \"ordered\": true on slot '\(name)' (its options then count from the first to the last), or test it with 'in' and a list")
                return
            }
            guard case .text(let value) = right.kind else {
                add(
                    .typeMismatch, "cannot order choice slot '\(name)' against \(right.phrase)", at: right.offset ?? at,
                    hint: "compare it with one of its option values, e.g. \(name) \(op.rawValue) \(Operand.text(options.first?.value ?? "…"))")
                return
            }
            guard let place = options.firstIndex(where: { $0.value == value }) else {
                checkOption(value, of: name, options, at: right.offset ?? at)
                return
            }
            let never = (op == .lt && place == 0) || (op == .gt && place == options.count - 1)
            if never {
                add(
                    .impossibleValue,
                    "'\(value)' is the \(op == .lt ? "first" : "last") option of '\(name)', so '\(written())' is never true",
                    at: right.offset ?? at, hint: "use \(op == .lt ? "<=" : ">=") or compare with another option")
            }
        }

        /// Reports number comparisons that can never be true given the slot's range.
        private mutating func checkBounds(
            _ left: Resolved, _ op: ComparisonOperator, _ right: Resolved, written: () -> String
        ) {
            guard let (name, type) = left.slot, case .number(let min, let max, let integer) = type,
                case .number(let n) = right.kind
            else { return }
            var reason: String?
            switch op {
            case .eq:
                if let min, n < min {
                    reason = "'\(name)' is at least \(Value.format(min))"
                } else if let max, n > max {
                    reason = "'\(name)' is at most \(Value.format(max))"
                } else if integer, n != n.rounded() {
                    reason = "'\(name)' is a whole number"
                }
            case .gt:
                if let max, n >= max { reason = "'\(name)' is at most \(Value.format(max))" }
            case .ge:
                if let max, n > max { reason = "'\(name)' is at most \(Value.format(max))" }
            case .lt:
                if let min, n <= min { reason = "'\(name)' is at least \(Value.format(min))" }
            case .le:
                if let min, n < min { reason = "'\(name)' is at least \(Value.format(min))" }
            case .ne:
                break
            }
            if let reason {
                var range = [min.map { "from \(Value.format($0))" }, max.map { "up to \(Value.format($0))" }].compactMap { $0 }
                if integer { range.insert("a whole number", at: 0) }
                add(
                    .impossibleValue, "\(reason), so '\(written())' is never true", at: left.offset ?? 0,
                    hint: "compare with a number the slot can hold (\(range.joined(separator: " ")))")
            }
        }

        // MARK: Membership

        mutating func checkContains(set: Resolved, element: Resolved) {
            if set.isUnknown || element.isUnknown { return }
            let at = set.offset ?? element.offset ?? 0
            switch set.kind {
            case .slot(let name, .multi(let options)):
                switch element.kind {
                case .text(let value):
                    checkOption(value, of: name, options, at: element.offset ?? at)
                case .slot(_, .choice), .slot(_, .text):
                    break
                case .slot(let other, .multi):
                    add(
                        .typeMismatch, "'in' tests one value, but '\(other)' is a multi slot",
                        at: element.offset ?? at,
                        hint: "test one option at a time, e.g. \(Walk.example(name, .multi(options)))")
                default:
                    add(
                        .typeMismatch, "multi slot '\(name)' holds option values, not \(element.phrase)",
                        at: element.offset ?? at,
                        hint: "option values are quoted, e.g. \(Walk.example(name, .multi(options)))")
                }
            case .list(let items):
                if items.isEmpty {
                    add(.impossibleValue, "the list is empty, so this is never true", at: element.offset ?? at)
                    return
                }
                switch element.kind {
                case .slot(let name, .choice(let options)):
                    for (item, offset) in zip(items, set.itemOffsets) {
                        checkOption(item, of: name, options, at: offset ?? element.offset ?? at)
                    }
                case .slot(_, .text), .text:
                    break
                case .slot(let name, .multi):
                    add(
                        .typeMismatch, "cannot test whether multi slot '\(name)' is in a list",
                        at: element.offset ?? at,
                        hint: "test one option at a time, e.g. \(Operand.text(items[0])) in \(name)")
                default:
                    add(
                        .typeMismatch, "a list holds text, but \(element.phrase) is not text", at: element.offset ?? at,
                        hint: element.isNumber ? "compare numbers with ==, <, >= …" : nil)
                }
            default:
                var hint = "'in' needs a multi slot or a list like ['a', 'b'] on its right"
                switch (set.kind, element.kind) {
                case (.slot(let name, .choice), .text(let value)):
                    hint = "compare a choice instead: \(name) == \(Operand.text(value))"
                case (.text(let value), .slot(let name, .multi)):
                    hint = "the other way round: \(Operand.text(value)) in \(name)"
                default:
                    break
                }
                add(
                    .typeMismatch, "'in' needs a multi slot or a list on its right, not \(set.phrase)", at: at,
                    hint: hint)
            }
        }

        // MARK: Options

        private mutating func checkOption(_ value: String, of name: String, _ options: [Option], at offset: Int) {
            if options.contains(where: { $0.value == value }) { return }
            add(
                .impossibleValue, "'\(name)' has no option with the value \(Operand.text(value))", at: offset,
                hint: Walk.optionHint(value, options))
        }

        /// The closest option value, an option whose label or synonym was written, or the list of values.
        static func optionHint(_ value: String, _ options: [Option]) -> String? {
            let lower = value.lowercased()
            for option in options where option.value.lowercased() == lower {
                return "did you mean '\(option.value)'?"
            }
            for option in options
            where option.label.lowercased() == lower || option.synonyms.contains(where: { $0.lowercased() == lower }) {
                return "did you mean '\(option.value)'? conditions use option values, not labels"
            }
            // A "closest" value that shares nothing with what was written (e.g. 'fr' → 'uk') does not help.
            if let closest = Suggestion.closest(to: value, in: options.map(\.value)),
                Suggestion.editDistance(Array(lower.unicodeScalars), Array(closest.lowercased().unicodeScalars))
                    < max(lower.unicodeScalars.count, closest.unicodeScalars.count)
            {
                return "did you mean '\(closest)'?"
            }
            if options.isEmpty { return nil }
            let shown = options.prefix(8).map { "'\($0.value)'" }
            return "the values are " + Walk.listPhrase(shown) + (options.count > 8 ? " …" : "")
        }

        static func listPhrase(_ items: [String]) -> String {
            guard let last = items.last else { return "" }
            return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
        }

        /// A condition that uses slot `name` correctly, for hints.
        static func example(_ name: String, _ type: SlotType) -> String {
            switch type {
            case .bool: return name
            case .number: return "\(name) >= 1"
            case .text: return "\(name) == '…'"
            case .choice(let options): return "\(name) == \(Operand.text(options.first?.value ?? "…"))"
            case .multi(let options): return "\(Operand.text(options.first?.value ?? "…")) in \(name)"
            }
        }
    }
}
