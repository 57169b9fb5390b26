import Testing

@testable import DialogCore
@testable import DialogLoading

/// Columns counted eight bytes at a time, and pointers whose keys are decoded again from the bytes.
@Suite("JSON positions")
struct JSONPositionTests {
    private func parse(_ text: String) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
        JSONParser.parse(Array(text.utf8), file: "p.json")
    }

    @Test func columnsCountScalarsOnLongLines() {
        // Runs of two-byte and three-byte scalars before the key and the value (key at 32, value at 37).
        let text = "{\"k\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\": \"\u{20AC}\u{20AC}\u{20AC}\u{20AC}\u{20AC}\u{20AC}\u{20AC}\u{20AC}\u{20AC}\u{20AC}\u{20AC}\u{20AC}\", \"x\": 12345678}"
        guard case .object(let object)? = parse(text).root?.value else {
            Issue.record("not an object")
            return
        }
        let expected = Array(text.unicodeScalars).firstIndex(of: "1").map { $0 + 1 }
        #expect(object["x"].map { Int($0.column) } == expected)
        #expect(object.members[1].keyColumn == 32)
        #expect(object["x"]?.location(in: "p.json") == SourceLocation(file: "p.json", line: 1, column: 37))
    }

    @Test func columnsCountScalarsAfterMixedBytes() {
        for pad in 0..<20 {
            let lead = String(repeating: "\u{1F600}a\u{E9}", count: pad)
            let text = "[\"\(lead)\", true]"
            guard case .array(let items)? = parse(text).root?.value, items.count == 2 else {
                Issue.record("not a two-item array")
                continue
            }
            #expect(Int(items[1].column) == 1 + 1 + 3 * pad + 1 + 2 + 1)
        }
    }

    @Test func pointersDecodeEscapedKeysAgain() {
        let result = parse(#"{"a\/b": {"t~\u0041": [1, {"q": }]}}"#)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.pointer == "/a~1b/t~0A/1/q")
    }

    @Test func duplicatePointersUseTheKeyPath() {
        let result = parse(#"{"\u00e9l\u00e8ve": {"x": 1, "x": 2}}"#)
        #expect(result.diagnostics.map(\.pointer) == ["/\u{E9}l\u{E8}ve/x"])
    }
}
