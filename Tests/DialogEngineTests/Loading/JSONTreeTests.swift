import Testing

@testable import DialogCore
@testable import DialogLoading

/// The flat tree the loader reads: byte-compared keys that still follow `String` equality, columns
/// counted as bytes on ASCII lines and as scalars after non-ASCII text, and only first duplicates kept.
@Suite("JSON tree")
struct JSONTreeTests {
    private func parse(_ text: String) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
        JSONParser.parse(Array(text.utf8), file: "t.json")
    }

    private func object(_ node: JSONNode?) -> JSONObject? {
        if case .object(let o)? = node?.value { return o }
        return nil
    }

    @Test func columnsAfterMultiByteTextOnTheSameLineAndTheNext() {
        let result = parse("{\"a\": \"日本\", \"b\": 1,\n  \"c\": 2}")
        #expect(result.diagnostics.isEmpty)
        let o = object(result.root)
        #expect(o?.members[1].keyColumn == 13)
        #expect(o?["b"]?.column == 18)
        #expect(o?.members[2].keyLine == 2)
        #expect(o?.members[2].keyColumn == 3)
    }

    @Test func errorColumnsAfterMultiByteText() {
        let sameLine = parse("{\"a\": \"日本\", \"b\": tru}")
        #expect(sameLine.diagnostics.map(\.location) == [SourceLocation(file: "t.json", line: 1, column: 18)])
        let nextLine = parse("{\"a\": \"é\",\n \"b\": x}")
        #expect(nextLine.diagnostics.map(\.location) == [SourceLocation(file: "t.json", line: 2, column: 7)])
    }

    @Test func escapedAndCanonicallyEqualKeysAreDuplicates() {
        let escaped = parse(#"{"a": 1, "\u0061": 2}"#)
        #expect(escaped.diagnostics.map(\.code) == [.duplicateKey])
        #expect(escaped.diagnostics.first?.location.column == 10)
        // "é" precomposed and decomposed are equal Swift strings.
        let canonical = parse("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        #expect(canonical.diagnostics.map(\.code) == [.duplicateKey])
        #expect(object(canonical.root)?.members.count == 1)
    }

    @Test func duplicatesInLargeObjectsWhateverTheKeys() {
        var text = "{"
        for k in 0..<14 { text += "\"key\(k)\": \(k), " }
        text += #""k\u0065y3": 1, "cl\u00e9": 2, "cle\u0301": 3, "key13": 4}"#
        let result = parse(text)
        #expect(result.diagnostics.map(\.pointer) == ["/key3", "/cle\u{301}", "/key13"])
        #expect(object(result.root)?.members.count == 15)
    }

    @Test func aDroppedDuplicateTakesItsValueWithIt() {
        let result = parse(#"{"a": [1, {"x": 1}], "a": {"y": [2, 3]}, "b": "\u00e9"}"#)
        #expect(result.diagnostics.map(\.code) == [.duplicateKey])
        let o = object(result.root)
        #expect(o?.keys == ["a", "b"])
        #expect(o?["b"]?.value == .string("\u{E9}"))
        guard case .array(let items)? = o?["a"]?.value else {
            Issue.record("not an array")
            return
        }
        #expect(items.count == 2)
    }

    @Test func treeLookupsCompareKeysAsStrings() {
        let parsed = JSONParser.parseTree(Array(#"{"s\u0061y": "hi", "ask": 1, "say2": 2}"#.utf8), file: "t.json")
        guard let tree = parsed.tree else {
            Issue.record("no tree")
            return
        }
        #expect(tree.member(tree.root, "say").map { tree.string($0) } == "hi")
        #expect(tree.member(tree.root, "ask").map { tree.number($0) } == 1)
        #expect(tree.member(tree.root, "sa") == nil)
        #expect(tree.unknownKeys(tree.root, allowed: ["say", "ask"]).map { tree.string($0) } == ["say2"])
    }

    @Test func theLoaderReadsEscapedFormatKeys() {
        func load(_ say: String) -> [String] {
            let text = "{\"dialog\": \"d\", \"start\": \"a\", \"nodes\": {\"a\": {\"\(say)\": \"Hello there.\", \"end\": true}}}"
            return DialogLoader.load(sources: [DialogLoader.Source(name: "d.json", bytes: Array(text.utf8))]).diagnostics.map(\.description)
        }
        #expect(load(#"s\u0061y"#) == load("say"))
        #expect(!load("sayy").isEmpty)
    }
}
