/// Parses condition source text such as `country == 'uk' and not (age >= 65)`.
///
/// Grammar, loosest first: `or` (`||`) < `and` (`&&`) < `not` (`!`) < comparison / `in` < primary.
/// Keywords are case-insensitive; slot names are lowercase (`surgery.kind`).
public enum ConditionParser {
    /// The deepest a condition may be: parentheses and `not`s inside each other, and `and`/`or` chains
    /// (each operator is one level of the tree). Deeper ones are refused with `E046`, so neither parsing
    /// nor checking nor evaluating (all recursive) can run out of stack.
    public static let maxDepth = 64

    /// Parses `source`, or returns the first error with the offset of the problem.
    public static func parse(_ source: String) -> Result<Condition, ExpressionError> {
        do {
            var parser = try Parser(source)
            return .success(try parser.parseWhole())
        } catch {
            return .failure(error)
        }
    }

    /// Whether `name` is a valid slot name: `[a-z][a-z0-9_]*` parts joined by `.`.
    static func isValidSlotName<S: StringProtocol>(_ name: S) -> Bool {
        // Every allowed character is ASCII, so the UTF-8 bytes decide (any other byte is not allowed).
        if let valid = name.utf8.withContiguousStorageIfAvailable({ isValidSlotName(bytes: $0) }) { return valid }
        return isValidSlotName(bytes: name.utf8)
    }

    /// `isValidSlotName` over UTF-8 bytes.
    static func isValidSlotName<C: Collection<UInt8>>(bytes: C) -> Bool {
        var atPartStart = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                atPartStart = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                if atPartStart { return false }
            case UInt8(ascii: "."):
                if atPartStart { return false }
                atPartStart = true
            default:
                return false
            }
        }
        return !atPartStart
    }

    /// The error for a word that is not a valid slot name, with a hint when it is only a matter of case.
    static func invalidNameError(_ word: String, at offset: Int) -> ExpressionError {
        let lower = word.lowercased()
        if isValidSlotName(lower) {
            return ExpressionError(
                message: "slot names are lowercase: '\(word)'", offset: offset, hint: "did you mean '\(lower)'?")
        }
        return ExpressionError(
            message: "invalid slot name '\(word)'", offset: offset,
            hint: "names are lowercase letters, digits and '_', in dotted parts like 'surgery.kind'")
    }
}

extension ConditionParser {
    enum Keyword: String {
        case and, or, not, `in`, answered, `true`, `false`
    }

    enum TokenKind: Equatable {
        case name(String)
        case keyword(Keyword)
        case text(String)
        case number(Double)
        case comparison(ComparisonOperator)
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case end
    }

    struct Token {
        var kind: TokenKind
        /// Offset of the first scalar, and one past the last.
        var start: Int
        var end: Int
        /// The same span in UTF-8 bytes.
        var byteStart: Int
        var byteEnd: Int
    }

    /// Turns the source's UTF-8 bytes into tokens on demand, so errors come out in source order.
    ///
    /// Offsets in tokens and errors count Unicode scalars; the lexer keeps both counts as it goes.
    struct Lexer {
        let bytes: [UInt8]
        /// The next byte, and how many scalars start before it.
        var position = 0
        var scalarPosition = 0

        init(_ source: String) {
            bytes = Array(source.utf8)
        }

        /// The source text of `token`, e.g. `AND`, `'uk'`, `>=`.
        func text(of token: Token) -> String {
            String(decoding: bytes[token.byteStart..<token.byteEnd], as: UTF8.self)
        }

        /// The token's text in quotes for messages; strings already carry theirs.
        func quoted(_ token: Token) -> String {
            if case .end = token.kind { return "the end" }
            if case .text = token.kind { return text(of: token) }
            return "'\(text(of: token))'"
        }

        private func byte(_ ahead: Int = 0) -> UInt8? {
            position + ahead < bytes.count ? bytes[position + ahead] : nil
        }

        /// The scalar starting `ahead` bytes on (the source is a `String`, so its UTF-8 is valid), and its length.
        private func scalar(_ ahead: Int = 0) -> (scalar: Unicode.Scalar, length: Int)? {
            let p = position + ahead
            guard p < bytes.count else { return nil }
            let b0 = bytes[p]
            if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
            let n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
            guard p + n <= bytes.count else { return ("\u{FFFD}", 1) }
            var v = UInt32(b0) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
            for k in 1..<n { v = v << 6 | UInt32(bytes[p + k] & 0x3F) }
            return (Unicode.Scalar(v) ?? "\u{FFFD}", n)
        }

        /// Moves on `count` bytes.
        private mutating func skip(_ count: Int = 1) {
            for _ in 0..<count {
                if bytes[position] & 0xC0 != 0x80 { scalarPosition += 1 }
                position += 1
            }
        }

        private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

        mutating func next() throws(ExpressionError) -> Token {
            while let b = byte() {
                if b == UInt8(ascii: " ") {
                    skip()
                } else if b < 0x20 || b >= 0x80, let c = scalar(), c.scalar.properties.isWhitespace {
                    skip(c.length)
                } else {
                    break
                }
            }
            let start = scalarPosition
            let byteStart = position
            guard let b = byte() else {
                return Token(kind: .end, start: start, end: start, byteStart: byteStart, byteEnd: byteStart)
            }
            let kind: TokenKind
            switch b {
            case UInt8(ascii: "("): skip(); kind = .leftParen
            case UInt8(ascii: ")"): skip(); kind = .rightParen
            case UInt8(ascii: "["): skip(); kind = .leftBracket
            case UInt8(ascii: "]"): skip(); kind = .rightBracket
            case UInt8(ascii: ","): skip(); kind = .comma
            case UInt8(ascii: "'"), UInt8(ascii: "\""): kind = .text(try string(quote: b))
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): kind = .number(try number())
            case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
                UInt8(ascii: "|"):
                kind = try symbol()
            case _ where (b | 0x20) &- UInt8(ascii: "a") < 26:
                // An ASCII letter starts a word (the Unicode tables below answer the same, more slowly).
                kind = try word()
            default:
                let c = scalar()?.scalar ?? " "
                switch c {
                case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}":
                    throw ExpressionError(
                        message: "curly quote '\(c)' cannot start a string", offset: start,
                        hint: "use straight quotes ' or \"")
                default:
                    if c == "_" || c.properties.isAlphabetic {
                        kind = try word()
                    } else {
                        throw ExpressionError(message: "unexpected character '\(c)'", offset: start)
                    }
                }
            }
            return Token(kind: kind, start: start, end: scalarPosition, byteStart: byteStart, byteEnd: position)
        }

        private mutating func string(quote: UInt8) throws(ExpressionError) -> String {
            let start = scalarPosition
            skip()
            var run = position
            var value: [UInt8]?
            while let b = byte() {
                if b == quote {
                    let text: String
                    if var escaped = value {
                        escaped.append(contentsOf: bytes[run..<position])
                        text = String(decoding: escaped, as: UTF8.self)
                    } else {
                        text = String(decoding: bytes[run..<position], as: UTF8.self)
                    }
                    skip()
                    return text
                }
                if b == UInt8(ascii: "\\") {
                    guard let escaped = scalar(1) else { break }
                    guard escaped.scalar == "'" || escaped.scalar == "\"" || escaped.scalar == "\\" else {
                        throw ExpressionError(
                            message: "unknown escape '\\\(escaped.scalar)' in a string", offset: scalarPosition,
                            hint: "the escapes are \\', \\\" and \\\\")
                    }
                    value = (value ?? []) + bytes[run..<position]
                    value?.append(UInt8(escaped.scalar.value))
                    skip(2)
                    run = position
                    continue
                }
                skip()
            }
            throw ExpressionError(
                message: "unterminated string", offset: start, hint: "close it with \(Unicode.Scalar(quote))")
        }

        private mutating func number() throws(ExpressionError) -> Double {
            let start = scalarPosition
            let byteStart = position
            if byte() == UInt8(ascii: "-") {
                skip()
                guard let d = byte(), Self.isDigit(d) else {
                    throw ExpressionError(message: "expected a digit after '-'", offset: scalarPosition)
                }
            }
            skipDigits()
            if byte() == UInt8(ascii: "."), let d = byte(1), Self.isDigit(d) {
                skip()
                skipDigits()
            } else if byte() == UInt8(ascii: ".") {
                throw ExpressionError(message: "expected digits after '.' in a number", offset: scalarPosition + 1)
            }
            if let c = scalar(), Self.isWordScalar(c.scalar) {
                while let c = scalar(), Self.isWordScalar(c.scalar) {
                    skip(c.length)
                }
                throw ExpressionError(
                    message: "invalid number '\(String(decoding: bytes[byteStart..<position], as: UTF8.self))'",
                    offset: start, hint: "numbers are written like 12, -3 or 3.5")
            }
            let literal = String(decoding: bytes[byteStart..<position], as: UTF8.self)
            guard let value = Double(literal) else {
                throw ExpressionError(message: "invalid number '\(literal)'", offset: start)
            }
            guard value.isFinite else {
                throw ExpressionError(
                    message: "number '\(literal.prefix(20))…' is too large", offset: start,
                    hint: "numbers in conditions are ages, weeks, counts: a few digits")
            }
            return value
        }

        /// Letters, digits, `_` and `.`: what names are made of (ASCII checked without Unicode tables).
        static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII {
                let v = c.value | 0x20
                return (v >= 97 && v <= 122) || (c.value >= 48 && c.value <= 57) || c == "_" || c == "."
            }
            return c.properties.isAlphabetic
        }

        /// `isWordScalar` for an ASCII byte.
        private static func isWordByte(_ b: UInt8) -> Bool {
            let v = b | 0x20
            return (v >= 97 && v <= 122) || isDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
        }

        private mutating func skipDigits() {
            while let d = byte(), Self.isDigit(d) { skip() }
        }

        private mutating func word() throws(ExpressionError) -> TokenKind {
            let start = scalarPosition
            let byteStart = position
            var ascii = true
            while let b = byte() {
                if b < 0x80 {
                    guard Self.isWordByte(b) else { break }
                    skip()
                } else {
                    guard let c = scalar(), Self.isWordScalar(c.scalar) else { break }
                    ascii = false
                    skip(c.length)
                }
            }
            if ascii, let keyword = Self.keyword(bytes[byteStart..<position]) { return .keyword(keyword) }
            let word = String(decoding: bytes[byteStart..<position], as: UTF8.self)
            if !ascii, let keyword = Keyword(rawValue: word.lowercased()) { return .keyword(keyword) }
            guard ConditionParser.isValidSlotName(bytes: bytes[byteStart..<position]) else {
                throw ConditionParser.invalidNameError(word, at: start)
            }
            return .name(word)
        }

        /// The keyword an ASCII word spells, in any case.
        private static func keyword(_ word: ArraySlice<UInt8>) -> Keyword? {
            guard word.count >= 2, word.count <= 8 else { return nil }
            // The word lowercased (`| 0x20`, as a keyword's letters compare) and packed into one number;
            // no byte is zero after `| 0x20`, so words of different lengths never pack alike.
            var packed: UInt64 = 0
            for b in word { packed = packed << 8 | UInt64(b | 0x20) }
            switch packed {
            case 0x616e64: return .and  // the ASCII bytes of "and", and so on
            case 0x6f72: return .or
            case 0x6e6f74: return .not
            case 0x696e: return .in
            case 0x616e737765726564: return .answered
            case 0x74727565: return .true
            case 0x66616c7365: return .false
            default: return nil
            }
        }

        private mutating func symbol() throws(ExpressionError) -> TokenKind {
            let start = scalarPosition
            let first = byte() ?? UInt8(ascii: " ")
            let second = byte(1)
            let third = byte(2)
            func unknown(_ op: String, _ suggestion: String) -> ExpressionError {
                ExpressionError(message: "unknown operator '\(op)'; did you mean '\(suggestion)'?", offset: start)
            }
            let eq = UInt8(ascii: "="), lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">")
            switch first {
            case eq:
                switch second {
                case eq:
                    if third == eq { throw unknown("===", "==") }
                    skip(2)
                    return .comparison(.eq)
                case lt: throw unknown("=<", "<=")
                case gt: throw unknown("=>", ">=")
                default: throw unknown("=", "==")
                }
            case UInt8(ascii: "!"):
                if second == eq {
                    if third == eq { throw unknown("!==", "!=") }
                    skip(2)
                    return .comparison(.ne)
                }
                skip()
                return .keyword(.not)
            case lt:
                if second == eq {
                    skip(2)
                    return .comparison(.le)
                }
                if second == gt { throw unknown("<>", "!=") }
                skip()
                return .comparison(.lt)
            case gt:
                if second == eq {
                    skip(2)
                    return .comparison(.ge)
                }
                skip()
                return .comparison(.gt)
            case UInt8(ascii: "&"):
                if second == UInt8(ascii: "&") {
                    skip(2)
                    return .keyword(.and)
                }
                throw unknown("&", "and")
            default:
                if second == UInt8(ascii: "|") {
                    skip(2)
                    return .keyword(.or)
                }
                throw unknown("|", "or")
            }
        }
    }

    /// Recursive descent over the lexer with one token of lookahead.
    struct Parser {
        var lexer: Lexer
        var token: Token
        /// Parentheses and `not`s open around the current token (the parser's own recursion).
        var nesting = 0
        /// The depth of the tree the last parse function returned.
        var depth = 0

        init(_ source: String) throws(ExpressionError) {
            lexer = Lexer(source)
            token = Token(kind: .end, start: 0, end: 0, byteStart: 0, byteEnd: 0)
            token = try lexer.next()
        }

        mutating func advance() throws(ExpressionError) {
            token = try lexer.next()
        }

        mutating func parseWhole() throws(ExpressionError) -> Condition {
            if case .end = token.kind {
                throw ExpressionError(
                    message: "the condition is empty", offset: token.start,
                    hint: "write a condition like country == 'uk'")
            }
            let condition = try parseOr(after: nil)
            switch token.kind {
            case .end:
                return condition
            case .rightParen:
                throw ExpressionError(
                    message: "unmatched ')'", offset: token.start,
                    hint: "remove it, or add '(' where the group starts")
            case .comparison:
                throw ExpressionError(
                    message: "unexpected \(lexer.quoted(token)) after the end of the condition", offset: token.start,
                    hint: "compare one pair at a time and join comparisons with 'and'")
            case .name(let word) where ["is", "equals", "eq"].contains(word):
                throw ExpressionError(
                    message: "unexpected \(lexer.quoted(token)) after the end of the condition", offset: token.start,
                    hint: "did you mean '=='?")
            default:
                throw ExpressionError(
                    message: "unexpected \(lexer.quoted(token)) after the end of the condition", offset: token.start,
                    hint: "join conditions with 'and' or 'or'")
            }
        }

        /// `after` is the token before the operand (an operator or `(`), named in "expected a condition after …".
        mutating func parseOr(after: Token?) throws(ExpressionError) -> Condition {
            var left = try parseAnd(after: after)
            var treeDepth = depth
            while case .keyword(.or) = token.kind {
                let op = token
                try advance()
                left = .or(left, try parseAnd(after: op))
                treeDepth = try deeper(max(treeDepth, depth), at: op)
            }
            depth = treeDepth
            return left
        }

        mutating func parseAnd(after: Token?) throws(ExpressionError) -> Condition {
            var left = try parseNot(after: after)
            var treeDepth = depth
            while case .keyword(.and) = token.kind {
                let op = token
                try advance()
                left = .and(left, try parseNot(after: op))
                treeDepth = try deeper(max(treeDepth, depth), at: op)
            }
            depth = treeDepth
            return left
        }

        mutating func parseNot(after: Token?) throws(ExpressionError) -> Condition {
            if case .keyword(.not) = token.kind {
                let op = token
                nesting = try deeper(nesting, at: op)
                try advance()
                let inner = try parseNot(after: op)
                nesting -= 1
                depth = try deeper(depth, at: op)
                return .not(inner)
            }
            depth = 1
            return try parsePrimary(after: after)
        }

        /// `level + 1`, or the depth error at `token` when that is over `maxDepth`.
        func deeper(_ level: Int, at token: Token) throws(ExpressionError) -> Int {
            guard level < ConditionParser.maxDepth else {
                throw ExpressionError(
                    message: "the condition is nested more than \(ConditionParser.maxDepth) levels deep", offset: token.start,
                    hint: "split it into simpler conditions, or list values with 'in [...]'", isDepthLimit: true)
            }
            return level + 1
        }

        mutating func parsePrimary(after: Token?) throws(ExpressionError) -> Condition {
            switch token.kind {
            case .leftParen:
                let open = token
                nesting = try deeper(nesting, at: open)
                try advance()
                let inner = try parseOr(after: open)
                nesting -= 1
                switch token.kind {
                case .rightParen:
                    try advance()
                    return inner
                case .end:
                    throw ExpressionError(
                        message: "unclosed parenthesis opened at column \(open.start + 1)", offset: token.start,
                        hint: "add ')'", opened: open.start)
                default:
                    throw ExpressionError(
                        message: "expected ')' to close the parenthesis opened at column \(open.start + 1), "
                            + "found \(lexer.quoted(token))",
                        offset: token.start, hint: "join conditions with 'and' or 'or'", opened: open.start)
                }
            case .keyword(.answered):
                return try parseAnswered()
            default:
                return try parseComparison(after: after)
            }
        }

        mutating func parseAnswered() throws(ExpressionError) -> Condition {
            try advance()
            guard case .leftParen = token.kind else {
                throw ExpressionError(
                    message: "expected '(' after 'answered'", offset: token.start, hint: "write answered(slot_name)")
            }
            try advance()
            guard case .name(let name) = token.kind else {
                throw ExpressionError(
                    message: "expected a slot name after 'answered('", offset: token.start,
                    hint: "write answered(slot_name)")
            }
            try advance()
            guard case .rightParen = token.kind else {
                throw ExpressionError(message: "expected ')' after 'answered(\(name)'", offset: token.start)
            }
            try advance()
            return .answered(name)
        }

        mutating func parseComparison(after: Token?) throws(ExpressionError) -> Condition {
            let leftToken = token
            let left = try parseOperand(orExpect: .condition(after: after))
            switch token.kind {
            case .comparison(let op):
                try advance()
                let right = try parseOperand(orExpect: .value(after: op))
                return .compare(left, op, right)
            case .keyword(.in):
                try advance()
                let set = try parseOperand(orExpect: .value(after: nil))
                return .contains(set: set, element: left)
            case .keyword(.not):
                var lookahead = lexer
                if let next = try? lookahead.next(), case .keyword(.in) = next.kind {
                    throw ExpressionError(
                        message: "'not in' is not supported", offset: token.start,
                        hint: "write not (\(lexer.text(of: leftToken)) in …)")
                }
            default:
                break
            }
            switch left {
            case .slot(let name, _): return .slot(name)
            case .bool(let b): return .constant(b)
            case .text, .number, .list:
                let example: String
                switch left {
                case .number: example = "age >= \(left)"
                case .list: example = "country in \(left)"
                default: example = "\(left) in symptoms"
                }
                throw ExpressionError(
                    message: "\(left) alone is not a condition", offset: leftToken.start,
                    hint: "compare it, e.g. \(example)")
            }
        }

        /// What an operand was expected after, for the error when there is none.
        enum Expectation {
            /// A condition, after an operator or `(` (nil at the start).
            case condition(after: Token?)
            /// A value after a comparison, or after `in` (nil).
            case value(after: ComparisonOperator?)
        }

        /// An operand, or an error saying what was expected at the current token.
        mutating func parseOperand(orExpect expectation: Expectation) throws(ExpressionError) -> Operand {
            let operand: Operand
            switch token.kind {
            case .name(let name): operand = .slot(name, offset: token.start)
            case .keyword(.true): operand = .bool(true)
            case .keyword(.false): operand = .bool(false)
            case .text(let s): operand = .text(s)
            case .number(let n): operand = .number(n)
            case .leftBracket: return .list(try parseList())
            default:
                let message: String
                switch expectation {
                case .condition(let after): message = after.map { "expected a condition after \(lexer.quoted($0))" } ?? "expected a condition"
                case .value(let op): message = "expected a value after '\(op?.rawValue ?? "in")'"
                }
                throw ExpressionError(message: message, offset: token.start)
            }
            try advance()
            return operand
        }

        mutating func parseList() throws(ExpressionError) -> [String] {
            let open = token
            try advance()
            var items: [String] = []
            while true {
                switch token.kind {
                case .rightBracket:
                    try advance()
                    return items
                case .text(let s):
                    items.append(s)
                    try advance()
                    switch token.kind {
                    case .comma: try advance()
                    case .rightBracket, .end: break
                    default:
                        throw ExpressionError(
                            message: "expected ',' or ']' in the list, found \(lexer.quoted(token))",
                            offset: token.start)
                    }
                case .end:
                    throw ExpressionError(
                        message: "unclosed list opened at column \(open.start + 1)", offset: token.start,
                        hint: "add ']'", opened: open.start)
                case .name, .number, .keyword(.true), .keyword(.false):
                    throw ExpressionError(
                        message: "lists hold quoted values only, found \(lexer.quoted(token))", offset: token.start,
                        hint: "put it in quotes: '\(lexer.text(of: token))'")
                default:
                    throw ExpressionError(
                        message: "expected a quoted value or ']' in the list, found \(lexer.quoted(token))",
                        offset: token.start)
                }
            }
        }
    }
}
