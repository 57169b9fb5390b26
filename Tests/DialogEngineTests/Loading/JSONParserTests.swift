import DialogCore
import DialogLoading
import Testing

// MARK: - Helpers

private func parse(_ text: String, maxDepth: Int = 64) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
    JSONParser.parse(Array(text.utf8), file: "t.json", maxDepth: maxDepth)
}

private func parse(bytes: [UInt8], maxDepth: Int = 64) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
    JSONParser.parse(bytes, file: "t.json", maxDepth: maxDepth)
}

/// The root of a document that must parse without any diagnostic.
private func root(_ text: String) -> JSONNode? {
    let result = parse(text)
    #expect(result.diagnostics.isEmpty, "unexpected diagnostics: \(result.diagnostics)")
    return result.root
}

private func string(_ node: JSONNode?) -> String? {
    if case .string(let s)? = node?.value { return s }
    return nil
}

private func number(_ node: JSONNode?) -> Double? {
    if case .number(let n)? = node?.value { return n }
    return nil
}

private func object(_ node: JSONNode?) -> JSONObject? {
    if case .object(let o)? = node?.value { return o }
    return nil
}

private func array(_ node: JSONNode?) -> [JSONNode]? {
    if case .array(let a)? = node?.value { return a }
    return nil
}

/// One malformed document and the single diagnostic it must produce.
struct SyntaxErrorCase: Sendable, CustomTestStringConvertible {
    var input: [UInt8]
    var line: Int
    var column: Int
    var message: String
    var hint: String?
    var pointer: String = ""
    var code: DiagnosticCode = .malformedJSON

    init(
        _ text: String, _ line: Int, _ column: Int, _ message: String, hint: String?, pointer: String = "",
        code: DiagnosticCode = .malformedJSON
    ) {
        self.init(bytes: Array(text.utf8), line, column, message, hint: hint, pointer: pointer, code: code)
    }

    init(
        bytes: [UInt8], _ line: Int, _ column: Int, _ message: String, hint: String?, pointer: String = "",
        code: DiagnosticCode = .malformedJSON
    ) {
        self.input = bytes
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.pointer = pointer
        self.code = code
    }

    var testDescription: String { message }
}

private func check(_ c: SyntaxErrorCase, maxDepth: Int = 64) {
    let result = parse(bytes: c.input, maxDepth: maxDepth)
    #expect(result.root == nil)
    #expect(result.diagnostics.count == 1)
    guard let d = result.diagnostics.first else { return }
    #expect(d.code == c.code)
    #expect(d.severity == .error)
    #expect(d.location == SourceLocation(file: "t.json", line: c.line, column: c.column))
    #expect(d.message == c.message)
    #expect(d.hint == c.hint)
    #expect(d.pointer == c.pointer)
}

// MARK: - Syntax errors

@Suite("JSON syntax errors")
struct JSONSyntaxErrorTests {
    static let structureCases: [SyntaxErrorCase] = [
        .init(
            "{\n  \"a\": 1,\n}", 2, 9, "trailing comma before '}'", hint: "remove the comma after the last member"),
        .init(
            "{\"next\": [1, 2, ]}", 1, 15, "trailing comma before ']'", hint: "remove the comma after the last element",
            pointer: "/next"),
        .init(
            "{\"a\": 1\n \"b\": 2}", 2, 2, "missing comma between object members",
            hint: "add ',' after the previous member"),
        .init("[1 2]", 1, 4, "missing comma between array elements", hint: "add ',' after the previous element"),
        .init(
            "[{\"a\": 1} {\"b\": 2}]", 1, 11, "missing comma between array elements",
            hint: "add ',' after the previous element"),
        .init("{\"a\" 1}", 1, 6, "missing ':' after key 'a'", hint: "write \"a\": value"),
        .init("{\"a\" = 1}", 1, 6, "expected ':' after key 'a', found '='", hint: "write \"a\": value"),
        .init("{\"a\": 'x'}", 1, 7, "single-quoted string", hint: "JSON strings use double quotes", pointer: "/a"),
        .init("{'a': 1}", 1, 2, "single-quoted key", hint: "JSON strings use double quotes"),
        .init("{a: 1}", 1, 2, "unquoted key 'a'", hint: "JSON keys are strings in double quotes: \"a\""),
        .init(
            "{\"x\": 1, ask-type: 2}", 1, 10, "unquoted key 'ask-type'",
            hint: "JSON keys are strings in double quotes: \"ask-type\""),
        .init(
            "{\n  /* note\n  \"a\": 1\n}", 2, 3, "unterminated comment: '/*' has no '*/'",
            hint: "close the comment with '*/', or start each comment line with '//'"),
        .init(
            "{} /* trailing", 1, 4, "unterminated comment: '/*' has no '*/'",
            hint: "close the comment with '*/', or start each comment line with '//'"),
        .init(
            "{\"a\": / 1}", 1, 7, "unexpected '/'", hint: "a comment starts with '//' (to the end of the line) or '/*' (to '*/')",
            pointer: "/a"),
        .init("{\"a\":}", 1, 6, "missing value for key 'a'", hint: "write a value after the ':'", pointer: "/a"),
        .init(
            "[1,,2]", 1, 4, "expected a value, found ','", hint: "remove the extra comma, or put a value before it",
            pointer: "/1"),
        .init(
            "{\"a\": 1]", 1, 8, "expected ',' or '}' after the member, found ']'",
            hint: "the object opened at line 1, column 1 must end with '}'"),
        .init(
            "{\"a\": [1}", 1, 9, "expected ',' or ']' after the element, found '}'",
            hint: "the array opened at line 1, column 7 must end with ']'", pointer: "/a"),
        .init(
            "[\"a\": 1]", 1, 5, "expected ',' or ']' after the element, found ':'",
            hint: "key-value pairs belong in an object: { \"key\": value }"),
        .init("{,}", 1, 2, "expected a key in double quotes, found ','", hint: "remove the extra comma"),
        .init("[True]", 1, 2, "invalid literal 'True'", hint: "JSON literals are lowercase: true", pointer: "/0"),
        .init("[nul]", 1, 2, "invalid literal 'nul'", hint: "did you mean 'null'?", pointer: "/0"),
        .init("[None]", 1, 2, "invalid literal 'None'", hint: "JSON writes an empty value as null", pointer: "/0"),
        .init(
            "{\"a\": yes}", 1, 7, "unquoted string 'yes'", hint: "JSON strings use double quotes: \"yes\"",
            pointer: "/a"),
        .init(
            "[“a”]", 1, 2, "typographic quote '“' instead of '\"'",
            hint: "JSON strings use straight double quotes (\"); turn off smart quotes in your editor", pointer: "/0"),
        .init(
            "{} x", 1, 4, "unexpected 'x' after the top-level value",
            hint: "the top-level value ends at line 1, column 2; a file holds exactly one JSON value"),
        .init(
            "{\"a\": [1]}\n}", 2, 1, "unexpected '}' after the top-level value",
            hint: "the top-level value ends at line 1, column 10; is this an extra closing bracket?"),
        .init(
            "", 1, 1, "the file is empty",
            hint: "a dialog file holds one JSON object: { \"dialog\": …, \"start\": …, \"nodes\": { … } }"),
        .init(
            "\n  \n", 3, 1, "the file is empty",
            hint: "a dialog file holds one JSON object: { \"dialog\": …, \"start\": …, \"nodes\": { … } }"),
    ]

    @Test(arguments: structureCases)
    func structure(_ c: SyntaxErrorCase) { check(c) }

    static let truncationCases: [SyntaxErrorCase] = [
        .init(
            "{\n  \"nodes\": {\n    \"ask\": [1,\n", 4, 1, "unexpected end of file: 3 open brackets not closed",
            hint: "'[' opened at line 3, column 12 has no matching ']'", pointer: "/nodes/ask"),
        .init(
            "{\"a\": 1", 1, 8, "unexpected end of file: 1 open bracket not closed",
            hint: "'{' opened at line 1, column 1 has no matching '}'"),
        .init(
            "{\"a\":", 1, 6, "unexpected end of file: 1 open bracket not closed",
            hint: "'{' opened at line 1, column 1 has no matching '}'"),
        .init(
            "[[1], [2, ", 1, 11, "unexpected end of file: 2 open brackets not closed",
            hint: "'[' opened at line 1, column 7 has no matching ']'", pointer: "/1"),
        .init(
            "{\"a\": \"abc", 1, 11, "unexpected end of file in a string; 1 open bracket not closed",
            hint: "the string starting at line 1, column 7 has no closing '\"'", pointer: "/a"),
        .init(
            "\"abc\\", 1, 6, "unexpected end of file in a string",
            hint: "the string starting at line 1, column 1 has no closing '\"'"),
        .init(
            "[\"\\u00", 1, 7, "unexpected end of file in a string; 1 open bracket not closed",
            hint: "the string starting at line 1, column 2 has no closing '\"'", pointer: "/0"),
    ]

    @Test(arguments: truncationCases)
    func truncation(_ c: SyntaxErrorCase) { check(c) }

    static let stringsCases: [SyntaxErrorCase] = [
        .init(
            "[\"a\\qb\"]", 1, 4, "invalid escape '\\q' in string",
            hint: "the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\",
            pointer: "/0"),
        .init(
            "[\"it\\'s\"]", 1, 5, "invalid escape '\\'' in string",
            hint: "a single quote needs no escape inside a JSON string", pointer: "/0"),
        .init("[\"a\tb\"]", 1, 4, "tab character in string", hint: "write a tab as \\t", pointer: "/0"),
        .init(
            "{\"a\": \"abc\n\"}", 1, 11, "line break in string",
            hint: "close the string with '\"' before the end of the line, or write \\n for a line break",
            pointer: "/a"),
        .init(
            "[\"a\u{1}\"]", 1, 4, "control character U+0001 in string", hint: "write it as \\u0001", pointer: "/0"),
        .init(
            "[\"\\u12G4\"]", 1, 3, "invalid unicode escape '\\u12G4' in string",
            hint: "\\u must be followed by exactly four hex digits, as in \\u00e9", pointer: "/0"),
        .init(
            "[\"\\uD83D\"]", 1, 3, "unpaired high surrogate '\\uD83D' in string",
            hint: "a high surrogate (\\uD800–\\uDBFF) must be followed by a low surrogate escape (\\uDC00–\\uDFFF)",
            pointer: "/0"),
        .init(
            "[\"x\\uD83D\\u0041\"]", 1, 4, "unpaired high surrogate '\\uD83D' in string",
            hint: "a high surrogate (\\uD800–\\uDBFF) must be followed by a low surrogate escape (\\uDC00–\\uDFFF)",
            pointer: "/0"),
        .init(
            "[\"\\ude00\"]", 1, 3, "unpaired low surrogate '\\uDE00' in string",
            hint: "a low surrogate (\\uDC00–\\uDFFF) must follow a high surrogate (\\uD800–\\uDBFF)", pointer: "/0"),
        .init(
            "{\"k\\x\": 1}", 1, 4, "invalid escape '\\x' in string",
            hint: "the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\"),
    ]

    @Test(arguments: stringsCases)
    func strings(_ c: SyntaxErrorCase) { check(c) }

    static let numbersCases: [SyntaxErrorCase] = [
        .init(
            "[01]", 1, 2, "number '01' has a leading zero",
            hint: "remove the leading zero, or write a code like \"0123\" as a string", pointer: "/0"),
        .init(
            "{\"n\": -007}", 1, 8, "number '-007' has a leading zero",
            hint: "remove the leading zero, or write a code like \"0123\" as a string", pointer: "/n"),
        .init("[.5]", 1, 2, "number '.5' must start with a digit", hint: "write 0.5", pointer: "/0"),
        .init(
            "[1.]", 1, 3, "number '1.' needs a digit after the decimal point", hint: "write 1 or 1.0", pointer: "/0"),
        .init(
            "[12e]", 1, 4, "number '12e' needs digits in its exponent",
            hint: "write the exponent as digits, as in 1e5 or 2.5E-3", pointer: "/0"),
        .init(
            "[1e+]", 1, 3, "number '1e+' needs digits in its exponent",
            hint: "write the exponent as digits, as in 1e5 or 2.5E-3", pointer: "/0"),
        .init(
            "[NaN]", 1, 2, "'NaN' is not a valid JSON number",
            hint: "JSON numbers must be finite; use null or a string instead", pointer: "/0"),
        .init(
            "[Infinity]", 1, 2, "'Infinity' is not a valid JSON number",
            hint: "JSON numbers must be finite; use null or a string instead", pointer: "/0"),
        .init(
            "[-Infinity]", 1, 2, "'-Infinity' is not a valid JSON number",
            hint: "JSON numbers must be finite; use null or a string instead", pointer: "/0"),
        .init("[+1]", 1, 2, "number '+1' cannot start with '+'", hint: "write 1", pointer: "/0"),
        .init(
            "[-]", 1, 2, "invalid number '-': '-' must be followed by a digit", hint: "write a digit after '-', like -1", pointer: "/0"),
        .init(
            "[1e999]", 1, 2, "number '1e999' is too large", hint: "numbers must be within ±1.7976931348623157e308",
            pointer: "/0"),
        .init(
            "[-2.5e400]", 1, 2, "number '-2.5e400' is too large",
            hint: "numbers must be within ±1.7976931348623157e308", pointer: "/0"),
        .init(
            "[0x1F]", 1, 3, "invalid number '0x1F'",
            hint: "a JSON number is decimal digits with an optional '-', fraction and exponent, like -12.5e3",
            pointer: "/0"),
        .init(
            "[1.2.3]", 1, 5, "invalid number '1.2.3'",
            hint: "a JSON number is decimal digits with an optional '-', fraction and exponent, like -12.5e3",
            pointer: "/0"),
    ]

    @Test(arguments: numbersCases)
    func numbers(_ c: SyntaxErrorCase) { check(c) }

    static let encodingCases: [SyntaxErrorCase] = [
        .init(
            bytes: Array("[\"a".utf8) + [0xFF] + Array("\"]".utf8), 1, 4, "invalid UTF-8 at byte offset 3 (0xFF)",
            hint: "save the file as UTF-8", pointer: "/0"),
        // The column counts scalars: `é` is one column, two bytes.
        .init(
            bytes: Array("[\"é".utf8) + [0xC3, 0x28] + Array("\"]".utf8), 1, 4,
            "invalid UTF-8 at byte offset 4 (0xC3 0x28)", hint: "save the file as UTF-8", pointer: "/0"),
        .init(
            bytes: Array("{\n  \"a\": \"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8), 2, 9,
            "invalid UTF-8 at byte offset 10 (0xC0)", hint: "save the file as UTF-8", pointer: "/a"),
        // An encoded surrogate (U+D800) is not UTF-8.
        .init(
            bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, "invalid UTF-8 at byte offset 1 (0xED 0xA0)",
            hint: "save the file as UTF-8"),
        // A sequence cut off by the end of the file.
        .init(
            bytes: [0x22, 0xE2, 0x82], 1, 2, "invalid UTF-8 at byte offset 1 (0xE2 0x82)",
            hint: "save the file as UTF-8"),
        .init(
            bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], 1, 1, "invalid UTF-8 at byte offset 0 (0xFF)",
            hint: "the file looks like UTF-16; save it as UTF-8"),
        .init(
            bytes: Array("[1, ".utf8) + [0x80] + Array("]".utf8), 1, 5, "invalid UTF-8 at byte offset 4 (0x80)",
            hint: "save the file as UTF-8", pointer: "/1"),
        // Columns after a byte order mark start at 1 again.
        .init(
            bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": x}".utf8), 1, 7, "unquoted string 'x'",
            hint: "JSON strings use double quotes: \"x\"", pointer: "/a"),
        .init(
            bytes: [0xEF, 0xBB, 0xBF], 1, 1, "the file is empty",
            hint: "a dialog file holds one JSON object: { \"dialog\": …, \"start\": …, \"nodes\": { … } }"),
        .init(
            "[1, \u{FEFF}2]", 1, 5, "unexpected byte order mark (U+FEFF)",
            hint: "a byte order mark is allowed only at the very start of the file", pointer: "/1"),
        .init(
            "[1,\u{A0}2]", 1, 4, "unexpected space character U+00A0",
            hint: "only spaces, tabs and line breaks may separate JSON values", pointer: "/1"),
    ]

    @Test(arguments: encodingCases)
    func encoding(_ c: SyntaxErrorCase) { check(c) }

    @Test("columns count Unicode scalars; a tab is one column")
    func columns() {
        check(
            .init(
                "{\"héllo\": \"wörld 😀\", \"x\": y}", 1, 27, "unquoted string 'y'",
                hint: "JSON strings use double quotes: \"y\"", pointer: "/x"))
        check(
            .init(
                "{\t\"a\":\tz}", 1, 8, "unquoted string 'z'", hint: "JSON strings use double quotes: \"z\"",
                pointer: "/a"))
    }

    @Test("CRLF and lone CR both end a line")
    func lineEndings() {
        check(
            .init(
                "{\r\n  \"a\": 1,\r\n  \"b\": x\r\n}", 3, 8, "unquoted string 'x'",
                hint: "JSON strings use double quotes: \"x\"", pointer: "/b"))
        check(
            .init(
                "{\r\"a\": x}", 2, 6, "unquoted string 'x'", hint: "JSON strings use double quotes: \"x\"",
                pointer: "/a"))
    }

    @Test("pointers name the enclosing value, escaped per RFC 6901")
    func pointers() {
        check(
            .init(
                "{\"nodes\": {\"ask\": {\"next\": [{\"goto\": \"a\"}, {\"goto\": 01}]}}}", 1, 53,
                "number '01' has a leading zero",
                hint: "remove the leading zero, or write a code like \"0123\" as a string",
                pointer: "/nodes/ask/next/1/goto"))
        check(
            .init(
                "{\"a/b\": {\"m~n\": [1,]}}", 1, 19, "trailing comma before ']'",
                hint: "remove the comma after the last element", pointer: "/a~1b/m~0n"))
        check(
            .init(
                "{\"nodes\": {\"ask\": {\"say\": \"hi\" \"next\": \"x\"}}}", 1, 32,
                "missing comma between object members", hint: "add ',' after the previous member",
                pointer: "/nodes/ask"))
    }
}

// MARK: - Depth

@Suite("JSON nesting limit")
struct JSONDepthTests {
    @Test func sixtyFourLevelsParse() {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let result = parse(text)
        #expect(result.root != nil)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func sixtyFiveLevelsAreRefused() {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        check(
            .init(
                text, 1, 65, "nesting deeper than 64 levels",
                hint: "dialog files need only a few levels; look for brackets that are never closed",
                pointer: "/" + Array(repeating: "0", count: 64).joined(separator: "/"), code: .limitExceeded))
    }

    @Test func objectsCountToo() {
        let text = String(repeating: "{\"a\":", count: 4) + "1" + String(repeating: "}", count: 4)
        #expect(parse(text, maxDepth: 4).root != nil)
        check(
            .init(
                text, 1, 16, "nesting deeper than 3 levels",
                hint: "dialog files need only a few levels; look for brackets that are never closed",
                pointer: "/a/a/a", code: .limitExceeded),
            maxDepth: 3)
    }

    @Test func hugeNestingDoesNotOverflowTheStack() {
        let result = parse(String(repeating: "[", count: 200_000))
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == [.limitExceeded])
    }
}

// MARK: - Duplicate keys

@Suite("JSON duplicate keys")
struct JSONDuplicateKeyTests {
    @Test func reportedAtTheSecondWithTheFirstInTheHint() {
        let text = """
            {
              "a": 1,
              "b": {"x": 1, "x": 2},
              "a": 2
            }
            """
        let result = parse(text)
        #expect(result.diagnostics.count == 2)
        guard result.diagnostics.count == 2 else { return }
        let inner = result.diagnostics[0]
        #expect(inner.code == .duplicateKey)
        #expect(inner.location == SourceLocation(file: "t.json", line: 3, column: 17))
        #expect(inner.pointer == "/b/x")
        #expect(inner.message == "duplicate key 'x' in this object")
        #expect(inner.hint == "first defined at line 3, column 9")
        let outer = result.diagnostics[1]
        #expect(outer.location == SourceLocation(file: "t.json", line: 4, column: 3))
        #expect(outer.pointer == "/a")
        #expect(outer.message == "duplicate key 'a' in this object")
        #expect(outer.hint == "first defined at line 2, column 3")
        #expect(
            outer.description
                == "t.json:4:3: error[E002]: duplicate key 'a' in this object [at /a] (hint: first defined at line 2, column 3)"
        )

        // Parsing goes on and keeps the first occurrence.
        let o = object(result.root)
        #expect(o?.keys == ["a", "b"])
        #expect(number(o?["a"]) == 1)
        #expect(number(object(o?["b"])?["x"]) == 1)
        #expect(object(o?["b"])?.members.count == 1)
    }

    @Test func eachRepeatIsReported() {
        let result = parse("{\"k\": 1, \"k\": 2, \"k\": 3}")
        #expect(result.diagnostics.map(\.location.column) == [10, 18])
        #expect(result.diagnostics.allSatisfy { $0.hint == "first defined at line 1, column 2" })
        #expect(number(object(result.root)?["k"]) == 1)
    }

    @Test func foundInLargeObjects() {
        var text = "{"
        for k in 0..<5_000 { text += "\"key\(k)\": \(k), " }
        text += "\"key42\": true, \"key4999\": null}"
        let result = parse(text)
        #expect(result.diagnostics.map(\.pointer) == ["/key42", "/key4999"])
        #expect(object(result.root)?.members.count == 5_000)
        #expect(number(object(result.root)?["key4999"]) == 4_999)
    }

    @Test func keysWithPointerCharactersAreEscaped() {
        let result = parse("{\"a~/b\": 1, \"a~/b\": 2}")
        #expect(result.diagnostics.map(\.pointer) == ["/a~0~1b"])
    }

    @Test func aLaterSyntaxErrorIsTheOnlyDiagnostic() {
        let result = parse("{\"a\": 1, \"a\": 2,}")
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.message) == ["trailing comma before '}'"])
    }
}

// MARK: - Values

@Suite("JSON values")
struct JSONValueTests {
    @Test func documentWithLocations() throws {
        let text = """
            {
              "dialog": "insurance",
              "nodes": {
                "ask": { "say": ["Hi", "Hello"], "attempts": 3, "skip": false, "x": null }
              }
            }
            """
        let r = try #require(root(text))
        #expect(r.location(in: "t.json") == SourceLocation(file: "t.json", line: 1, column: 1))
        #expect(r.value.typeName == "object")
        let top = try #require(object(r))
        #expect(top.keys == ["dialog", "nodes"])
        #expect(top.members[1].keyLocation(in: "t.json") == SourceLocation(file: "t.json", line: 3, column: 3))
        #expect(string(top["dialog"]) == "insurance")
        #expect(top["dialog"]?.location(in: "t.json") == SourceLocation(file: "t.json", line: 2, column: 13))
        #expect(top["missing"] == nil)
        let ask = try #require(object(object(top["nodes"])?["ask"]))
        #expect(ask.keys == ["say", "attempts", "skip", "x"])
        let say = try #require(array(ask["say"]))
        #expect(say.map { string($0) } == ["Hi", "Hello"])
        #expect(say[1].location(in: "t.json") == SourceLocation(file: "t.json", line: 4, column: 28))
        #expect(ask["attempts"]?.value == .number(3))
        #expect(ask["skip"]?.value == .bool(false))
        #expect(ask["x"]?.value == .null)
        #expect(ask["x"]?.location(in: "t.json") == SourceLocation(file: "t.json", line: 4, column: 73))
        #expect(ask["say"]?.value.typeName == "array")
        #expect(ask["attempts"]?.value.typeName == "number")
        #expect(ask["skip"]?.value.typeName == "boolean")
        #expect(ask["x"]?.value.typeName == "null")
        #expect(top["dialog"]?.value.typeName == "string")
    }

    @Test func scalarsAtTheTop() {
        #expect(root("true")?.value == .bool(true))
        #expect(root(" false ")?.value == .bool(false))
        #expect(root("null")?.value == .null)
        #expect(root("\"x\"")?.value == .string("x"))
        #expect(root("[]")?.value == .array([]))
        #expect(root("{}")?.value.typeName == "object")
        #expect(root("\n\n  42")?.location(in: "t.json") == SourceLocation(file: "t.json", line: 3, column: 3))
    }

    @Test func escapes() {
        #expect(
            string(root(#""\" \\ \/ \b \f \n \r \t""#)) == "\" \\ / \u{8} \u{C} \n \r \t")
        #expect(string(root(#""caf\u00e9 \u4E2D \u0000!""#)) == "café 中 \u{0}!")
        #expect(string(root(#""a\uD83D\uDE00b""#)) == "a😀b")
        #expect(string(root(#""\ud834\udd1e""#)) == "𝄞")
        #expect(string(root("\"raw é 😀 中\"")) == "raw é 😀 中")
        #expect(string(root("\"mixed é\\n😀\"")) == "mixed é\n😀")
    }

    @Test func byteOrderMarkIsSkipped() {
        let result = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.location(in: "t.json") == SourceLocation(file: "t.json", line: 1, column: 1))
        #expect(object(result.root)?.members.first?.keyColumn == 2)
    }

    @Test(arguments: [
        "0", "-0", "1", "-1", "1.5", "-12.5e3", "1e2", "1E+2", "1e-2", "0.1", "0.30000000000000004",
        "123456789012345678901234567890", "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308",
        "9007199254740993", "1e22", "1e23", "100000000000000000000000", "3.141592653589793", "1e-400",
        "0.000000000000000000000000000001", "18446744073709551615", "18446744073709551616",
    ])
    func numbersMatchTheStandardLibrary(_ text: String) {
        guard case .number(let n)? = root(text)?.value else {
            Issue.record("\(text) did not parse as a number")
            return
        }
        #expect(n.bitPattern == Double(text)?.bitPattern)
    }
}

// MARK: - Robustness

/// A small seeded generator (SplitMix64), so the smoke test is reproducible.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("JSON parser robustness")
struct JSONRobustnessTests {
    static let seed = """
        {"dialog": "main", "start": "a", "nodes": {"a": {"say": ["Hi \\u00e9 é 😀", "x\\n"], "next": [
        {"if": "n > 1.5e2", "goto": "b"}, {"goto": "c"}], "n": -0.25, "ok": true, "no": null}, "a": [1, {}, []]}}
        """

    static let alphabet =
        Array("{}[]:,\"\\ \n\t-+.0123456789eEtrufalsn/*'xu".utf8) + [0x00, 0x80, 0xC3, 0xA9, 0xED, 0xFF]

    @Test("5,000 random and mutated inputs never crash")
    func smoke() {
        var rng = SplitMix64(state: 20_240_611)
        let base = Array(Self.seed.utf8)
        #expect(parse(bytes: base).root != nil)
        for round in 0..<5_000 {
            var input: [UInt8]
            if round % 2 == 0 {
                let count = Int.random(in: 0...48, using: &rng)
                input = (0..<count).map { _ in
                    Bool.random(using: &rng)
                        ? Self.alphabet.randomElement(using: &rng) ?? 0 : UInt8.random(in: 0...255, using: &rng)
                }
            } else {
                input = base
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let p = Int.random(in: 0..<input.count, using: &rng)
                    let b = Self.alphabet.randomElement(using: &rng) ?? 0
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0: input[p] = b
                    case 1: input.insert(b, at: p)
                    case 2: input.remove(at: p)
                    default: input = Array(input[..<p])
                    }
                    if input.isEmpty { break }
                }
            }
            let result = parse(bytes: input, maxDepth: 8)
            let lines = input.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
            for d in result.diagnostics {
                #expect(d.location.line >= 1 && d.location.line <= lines)
                #expect(d.location.column >= 1 && d.location.column <= input.count + 1)
                #expect(!d.message.isEmpty)
            }
            if result.root == nil {
                #expect(result.diagnostics.count == 1)
                #expect(result.diagnostics.allSatisfy { $0.code == .malformedJSON || $0.code == .limitExceeded })
            } else {
                #expect(result.diagnostics.allSatisfy { $0.code == .duplicateKey })
            }
        }
    }
}

/// Comments (`//`, `/* */`) as in JSONC: skipped like whitespace, every later position still right.
@Suite("JSON comments") struct JSONCommentTests {
    @Test func lineAndBlockCommentsAreSkipped() {
        let result = parse("// header\n{ /* a */ \"a\": 1, // one\n  \"b\": [2 /* two */, 3] }\n// end")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root.flatMap(object)?.keys == ["a", "b"])
    }

    @Test func positionsAfterCommentsCountInTheFile() {
        let text = "{\n  /* a comment\n     over lines, with é and 👋 */ \"a\": 1,\n  // ü\n  \"b\": \"x\" }"
        let o = parse(text).root.flatMap(object)
        let a = o?.members.first { $0.key == "a" }
        #expect(a?.keyLine == 3)
        #expect(a?.keyColumn == 34)  // scalars: é and 👋 count one each
        #expect(a?.value.column == 39)
        let b = o?.members.first { $0.key == "b" }
        #expect(b?.keyLine == 5)
        #expect(b?.keyColumn == 3)
    }

    @Test func aCommentInsideAStringIsText() {
        let o = parse("{\"a\": \"// not a comment /* */\"}").root.flatMap(object)
        #expect(o?.members.first?.value.value == .string("// not a comment /* */"))
    }

    @Test func crlfAndLoneCRInsideBlockCommentsCountLines() {
        let o = parse("{ /* one\r\ntwo\rthree */\r\n\"a\": 1 }").root.flatMap(object)
        #expect(o?.members.first?.keyLine == 4)
        #expect(o?.members.first?.keyColumn == 1)
    }

    @Test func aDialogWithCommentsLoadsTheSameGraph() throws {
        var commented: [DialogLoader.Source] = []
        var plain: [DialogLoader.Source] = []
        for name in ["main.json", "tips.json", "urgent.json"] {
            let text = try String(contentsOfFile: Fixtures.small + "/" + name, encoding: .utf8)
            plain.append(.init(name: name, bytes: Array(text.utf8)))
            let withComments = "// \(name): a note for authors\n" + text.replacingOccurrences(of: "\"nodes\": {", with: "\"nodes\": { /* the steps */")
            commented.append(.init(name: name, bytes: Array(withComments.utf8)))
        }
        let a = DialogLoader.load(sources: plain)
        let b = DialogLoader.load(sources: commented)
        #expect(b.diagnostics.isEmpty, "\(b.diagnostics)")
        #expect(a.graph?.nodeOrder == b.graph?.nodeOrder)
        #expect(a.graph?.slotOrder == b.graph?.slotOrder)
    }
}
