/// Parses condition source text such as `country == 'uk' and not (age >= 65)`.
///
/// Grammar, loosest first: `or` (`||`) < `and` (`&&`) < `not` (`!`) < comparison / `in` < primary.
/// Keywords are case-insensitive; slot names are lowercase (`surgery.kind`).
public enum ConditionParser {
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
        var atPartStart = true
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z":
                atPartStart = false
            case "0"..."9", "_":
                if atPartStart { return false }
            case ".":
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
    }

    /// Turns source scalars into tokens on demand, so errors come out in source order.
    struct Lexer {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ source: String) {
            scalars = Array(source.unicodeScalars)
        }

        /// The source text of `token`, e.g. `AND`, `'uk'`, `>=`.
        func text(of token: Token) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.start..<token.end])
            return String(view)
        }

        /// The token's text in quotes for messages; strings already carry theirs.
        func quoted(_ token: Token) -> String {
            if case .end = token.kind { return "the end" }
            if case .text = token.kind { return text(of: token) }
            return "'\(text(of: token))'"
        }

        private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
            position + ahead < scalars.count ? scalars[position + ahead] : nil
        }

        mutating func next() throws(ExpressionError) -> Token {
            while let c = peek(), c == " " || (!c.isASCII || c.value < 0x20) && c.properties.isWhitespace { position += 1 }
            let start = position
            guard let c = peek() else { return Token(kind: .end, start: start, end: start) }
            let kind: TokenKind
            switch c {
            case "(": position += 1; kind = .leftParen
            case ")": position += 1; kind = .rightParen
            case "[": position += 1; kind = .leftBracket
            case "]": position += 1; kind = .rightBracket
            case ",": position += 1; kind = .comma
            case "'", "\"": kind = .text(try string(quote: c))
            case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}":
                throw ExpressionError(
                    message: "curly quote '\(c)' cannot start a string", offset: start,
                    hint: "use straight quotes ' or \"")
            case "0"..."9", "-": kind = .number(try number())
            case "=", "!", "<", ">", "&", "|": kind = try symbol()
            default:
                if c == "_" || c.properties.isAlphabetic {
                    kind = try word()
                } else {
                    throw ExpressionError(message: "unexpected character '\(c)'", offset: start)
                }
            }
            return Token(kind: kind, start: start, end: position)
        }

        private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> String {
            let start = position
            position += 1
            var value = String.UnicodeScalarView()
            while let c = peek() {
                if c == quote {
                    position += 1
                    return String(value)
                }
                if c == "\\" {
                    guard let escaped = peek(1) else { break }
                    guard escaped == "'" || escaped == "\"" || escaped == "\\" else {
                        throw ExpressionError(
                            message: "unknown escape '\\\(escaped)' in a string", offset: position,
                            hint: "the escapes are \\', \\\" and \\\\")
                    }
                    value.append(escaped)
                    position += 2
                    continue
                }
                value.append(c)
                position += 1
            }
            throw ExpressionError(message: "unterminated string", offset: start, hint: "close it with \(quote)")
        }

        private mutating func number() throws(ExpressionError) -> Double {
            let start = position
            if peek() == "-" {
                position += 1
                guard let d = peek(), ("0"..."9").contains(d) else {
                    throw ExpressionError(message: "expected a digit after '-'", offset: position)
                }
            }
            skipDigits()
            if peek() == ".", let d = peek(1), ("0"..."9").contains(d) {
                position += 1
                skipDigits()
            } else if peek() == "." {
                throw ExpressionError(message: "expected digits after '.' in a number", offset: position + 1)
            }
            if let c = peek(), Self.isWordScalar(c) {
                while let c = peek(), Self.isWordScalar(c) {
                    position += 1
                }
                throw ExpressionError(
                    message: "invalid number '\(text(of: Token(kind: .end, start: start, end: position)))'",
                    offset: start, hint: "numbers are written like 12, -3 or 3.5")
            }
            let literal = text(of: Token(kind: .end, start: start, end: position))
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

        private mutating func skipDigits() {
            while let d = peek(), ("0"..."9").contains(d) { position += 1 }
        }

        private mutating func word() throws(ExpressionError) -> TokenKind {
            let start = position
            while let c = peek(), Self.isWordScalar(c) { position += 1 }
            let word = text(of: Token(kind: .end, start: start, end: position))
            if let keyword = Keyword(rawValue: word.lowercased()) { return .keyword(keyword) }
            guard ConditionParser.isValidSlotName(word) else {
                throw ConditionParser.invalidNameError(word, at: start)
            }
            return .name(word)
        }

        private mutating func symbol() throws(ExpressionError) -> TokenKind {
            let start = position
            let first = peek() ?? " "
            let second = peek(1)
            func unknown(_ op: String, _ suggestion: String) -> ExpressionError {
                ExpressionError(message: "unknown operator '\(op)'; did you mean '\(suggestion)'?", offset: start)
            }
            switch (first, second) {
            case ("=", "="):
                if peek(2) == "=" { throw unknown("===", "==") }
                position += 2
                return .comparison(.eq)
            case ("=", "<"): throw unknown("=<", "<=")
            case ("=", ">"): throw unknown("=>", ">=")
            case ("=", _): throw unknown("=", "==")
            case ("!", "="):
                if peek(2) == "=" { throw unknown("!==", "!=") }
                position += 2
                return .comparison(.ne)
            case ("!", _):
                position += 1
                return .keyword(.not)
            case ("<", "="):
                position += 2
                return .comparison(.le)
            case ("<", ">"): throw unknown("<>", "!=")
            case ("<", _):
                position += 1
                return .comparison(.lt)
            case (">", "="):
                position += 2
                return .comparison(.ge)
            case (">", _):
                position += 1
                return .comparison(.gt)
            case ("&", "&"):
                position += 2
                return .keyword(.and)
            case ("&", _): throw unknown("&", "and")
            case ("|", "|"):
                position += 2
                return .keyword(.or)
            default: throw unknown("|", "or")
            }
        }
    }

    /// Recursive descent over the lexer with one token of lookahead.
    struct Parser {
        var lexer: Lexer
        var token: Token

        init(_ source: String) throws(ExpressionError) {
            lexer = Lexer(source)
            token = Token(kind: .end, start: 0, end: 0)
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

        mutating func parseOr(after: String?) throws(ExpressionError) -> Condition {
            var left = try parseAnd(after: after)
            while case .keyword(.or) = token.kind {
                let op = lexer.quoted(token)
                try advance()
                left = .or(left, try parseAnd(after: op))
            }
            return left
        }

        mutating func parseAnd(after: String?) throws(ExpressionError) -> Condition {
            var left = try parseNot(after: after)
            while case .keyword(.and) = token.kind {
                let op = lexer.quoted(token)
                try advance()
                left = .and(left, try parseNot(after: op))
            }
            return left
        }

        mutating func parseNot(after: String?) throws(ExpressionError) -> Condition {
            if case .keyword(.not) = token.kind {
                let op = lexer.quoted(token)
                try advance()
                return .not(try parseNot(after: op))
            }
            return try parsePrimary(after: after)
        }

        mutating func parsePrimary(after: String?) throws(ExpressionError) -> Condition {
            switch token.kind {
            case .leftParen:
                let open = token
                try advance()
                let inner = try parseOr(after: "'('")
                switch token.kind {
                case .rightParen:
                    try advance()
                    return inner
                case .end:
                    throw ExpressionError(
                        message: "unclosed parenthesis opened at column \(open.start + 1)", offset: token.start,
                        hint: "add ')'")
                default:
                    throw ExpressionError(
                        message: "expected ')' to close the parenthesis opened at column \(open.start + 1), "
                            + "found \(lexer.quoted(token))",
                        offset: token.start, hint: "join conditions with 'and' or 'or'")
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

        mutating func parseComparison(after: String?) throws(ExpressionError) -> Condition {
            let leftToken = token
            let left = try parseOperand(
                orExpect: after.map { "expected a condition after \($0)" } ?? "expected a condition")
            switch token.kind {
            case .comparison(let op):
                try advance()
                let right = try parseOperand(orExpect: "expected a value after '\(op.rawValue)'")
                return .compare(left, op, right)
            case .keyword(.in):
                try advance()
                let set = try parseOperand(orExpect: "expected a value after 'in'")
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

        /// An operand, or an error with `message` at the current token.
        mutating func parseOperand(orExpect message: String) throws(ExpressionError) -> Operand {
            let operand: Operand
            switch token.kind {
            case .name(let name): operand = .slot(name, offset: token.start)
            case .keyword(.true): operand = .bool(true)
            case .keyword(.false): operand = .bool(false)
            case .text(let s): operand = .text(s)
            case .number(let n): operand = .number(n)
            case .leftBracket: return .list(try parseList())
            default: throw ExpressionError(message: message, offset: token.start)
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
                        hint: "add ']'")
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
