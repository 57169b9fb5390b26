import DialogLoading
import Testing

/// Diagnostics lead with the cause: a misspelt key is not also reported as missing, a file that did
/// not parse is one problem, columns count in the file, ids are called ids, and every message has a hint.
@Suite struct CauseFirstTests {
    static func load(_ name: String) -> DialogLoader.Result {
        DialogLoader.load(paths: [Fixtures.broken + "/" + name])
    }

    @Test func aMisspeltRepromptIsOnlyAnUnknownKey() {
        let result = Self.load("E010-misspelt-reprompt")
        #expect(result.diagnostics.map(\.code) == [.unknownKey])
        #expect(result.diagnostics.first?.hint == "did you mean 'reprompt'?")
    }

    @Test func aMisspeltNextIsOnlyAnUnknownKey() {
        let result = Self.load("E010-misspelt-next")
        #expect(result.diagnostics.map(\.code) == [.unknownKey])
        #expect(result.diagnostics.first?.hint == "did you mean 'next'?")
    }

    @Test func aMisspeltRequiredKeyIsNotAlsoMissing() {
        let text = """
            { "dialog": "main", "strat": "bye", "nodes": { "bye": { "say": "Goodbye.", "end": true } } }
            """
        let result = DialogLoader.load(sources: [.init(name: "main.json", bytes: Array(text.utf8))])
        #expect(result.diagnostics.map(\.code) == [.unknownKey])
    }

    @Test func referencesIntoAFileThatDidNotParseAreCountedOnce() {
        let result = Self.load("E004-references-into-unparsed-file")
        #expect(result.diagnostics.map(\.code) == [.malformedJSON, .uncheckedReferences])
        #expect(result.diagnostics.last?.message == "4 references into history.json not checked: it did not parse")
    }

    @Test func anUnclosedParenthesisIsNamedByItsColumnInTheFile() {
        let result = Self.load("E040-unclosed-parenthesis")
        #expect(result.diagnostics.first?.message == "unclosed parenthesis opened at column 18")
        #expect(result.diagnostics.first?.location.column == 37)
    }

    @Test func aDuplicateNodeIsCalledADuplicateNodeId() {
        let result = Self.load("E002-duplicate-node")
        #expect(result.diagnostics.first?.message == "duplicate node id 'bye' in this dialog")
    }

    @Test func aNumberOutsideTheRangeIsAnImpossibleComparison() {
        let result = Self.load("E042-number-out-of-range")
        #expect(result.diagnostics.map(\.code) == [.impossibleValue])
        #expect(result.diagnostics.first?.hint == "compare with a number the slot can hold (a whole number from 0 up to 120)")
    }

    @Test(arguments: Fixtures.folders(in: Fixtures.broken))
    func everyDiagnosticHasAHint(_ name: String) {
        for d in Self.load(name).diagnostics {
            #expect(d.hint?.isEmpty == false, "\(name): \(d)")
        }
    }

    @Test func everyCodeHasADefaultHint() {
        for code in DiagnosticCode.allCases { #expect(!code.defaultHint.isEmpty, "\(code.rawValue)") }
    }
}
