import DialogCore
import DialogLoading
import Foundation
import Testing

/// Loader behaviour beyond single diagnostics: one problem, one message; all problems in one run.
@Suite struct LoaderTests {
    static func small() throws -> [DialogLoader.Source] {
        try ["main.json", "tips.json", "urgent.json"].map { name in
            DialogLoader.Source(name: name, bytes: Array(try String(contentsOfFile: Fixtures.small + "/" + name, encoding: .utf8).utf8))
        }
    }

    @Test func aFileThatDoesNotParseCausesNoFollowOnMessages() throws {
        var sources = try Self.small()
        sources[1].bytes = Array(String(decoding: sources[1].bytes, as: UTF8.self).replacingOccurrences(of: "\"start\": \"intro\",", with: "\"start\": \"intro\",,").utf8)
        let result = DialogLoader.load(sources: sources)
        // The parse error, then one line for every reference into the file that could not be checked.
        #expect(result.diagnostics.map(\.code) == [.malformedJSON, .uncheckedReferences])
        #expect(result.diagnostics.allSatisfy { $0.location.file == "tips.json" })
        #expect(result.diagnostics.last?.message.hasSuffix("into tips.json not checked: it did not parse") == true)
        #expect(result.graph == nil)
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        var sources = try Self.small()
        let text = String(decoding: sources[0].bytes, as: UTF8.self)
            .replacingOccurrences(of: "\"next\": \"ask_diagnosis\"", with: "\"next\": \"ask_diagnosys\"")
            .replacingOccurrences(of: "\"why\": \"It tells us", with: "\"whyy\": \"It tells us")
            .replacingOccurrences(of: "\"if\": \"surgery\"", with: "\"if\": \"surgery ==\"")
        sources[0].bytes = Array(text.utf8)
        let result = DialogLoader.load(sources: sources)
        #expect(Set(result.diagnostics.map(\.code)) == [.danglingReference, .unknownKey, .conditionSyntax])
        let dangling = try #require(result.diagnostics.first { $0.code == .danglingReference })
        #expect(dangling.hint == "did you mean 'ask_diagnosis'?")
        #expect(dangling.location.file == "main.json")
        #expect(dangling.location.line > 1)
    }

    @Test func diagnosticsPrintLikeACompiler() throws {
        let d = Diagnostic(
            .danglingReference, SourceLocation(file: "Dialogs/main.json", line: 12, column: 17), pointer: "/nodes/a/next",
            "'b' names no node or dialog", hint: "did you mean 'c'?")
        #expect(d.description == "Dialogs/main.json:12:17: error[E030]: 'b' names no node or dialog [at /nodes/a/next] (hint: did you mean 'c'?)")
    }

    @Test func shippedDialogsLoadFromAFolder() {
        let result = DialogLoader.load(paths: [Fixtures.dialogs])
        #expect(result.graph != nil)
        #expect(result.graph?.entry.dialog == "main")
    }
}
