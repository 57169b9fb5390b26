import Testing

@testable import DialogLoading

/// Overlapping option words are found the same way in short option lists (compared in a list) and
/// long ones (compared through a table).
@Suite("Overlap check")
struct OverlapCheckTests {
    private func overlaps(options count: Int) -> [String] {
        var options: [String] = []
        for k in 0..<count {
            let letter = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(k)))
            let synonym = k == count - 1 ? "word a" : "word " + letter
            options.append(#"{ "value": "o\#(k)", "label": "Label \#(letter)", "synonyms": ["\#(synonym)"] }"#)
        }
        let text = """
            { "dialog": "x", "start": "a",
              "slots": { "k": { "type": "choice", "label": "Kind", "options": [\(options.joined(separator: ", "))] } },
              "nodes": { "a": { "say": "Bye", "end": true } } }
            """
        let result = DialogLoader.load(sources: [DialogLoader.Source(name: "d/x.json", bytes: Array(text.utf8))])
        return result.diagnostics.filter { $0.code == .overlappingSynonyms }.map { "\($0.pointer) \($0.message)" }
    }

    @Test(arguments: [3, 8, 9, 20])
    func sharedSynonymIsReportedOnce(options count: Int) {
        #expect(
            overlaps(options: count) == [
                "/slots/k…/slots/k/options/\(count - 1)/synonyms/0 'word a' selects both 'o0' and 'o\(count - 1)' in slot 'k'"
            ])
    }
}
