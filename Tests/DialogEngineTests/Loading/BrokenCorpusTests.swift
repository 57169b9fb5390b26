import DialogLoading
import Foundation
import Testing

/// Every broken example yields exactly its intended diagnostics, with the right code, file, line and column.
@Suite struct BrokenCorpusTests {
    static let cases = Fixtures.folders(in: Fixtures.broken)

    @Test(arguments: cases)
    func brokenCaseGivesExactlyItsDiagnostics(_ name: String) throws {
        let dir = Fixtures.broken + "/" + name
        let expectedText = try String(contentsOfFile: dir + "/expected", encoding: .utf8)
        let expected = expectedText.split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty && !$0.hasPrefix("schema:") && !$0.hasPrefix("#") }.sorted()
        // A fixed "today" for the content-review check (W073), as `validate` passes the real one.
        let result = DialogLoader.load(paths: [dir], today: "2026-12-07")
        let actual = result.diagnostics.map {
            "\($0.code.rawValue) \(URL(fileURLWithPath: $0.location.file).lastPathComponent):\($0.location.line):\($0.location.column)"
        }.sorted()
        #expect(actual == expected, Comment(rawValue: "\(name):\n" + result.diagnostics.map(\.description).joined(separator: "\n")))
        // Every message names the problem and, for errors, no graph is produced.
        for d in result.diagnostics { #expect(!d.message.isEmpty) }
        if result.diagnostics.contains(where: { $0.severity == .error }) { #expect(result.graph == nil) }
    }

    /// The chat's errors-only load finds exactly the same errors (and so refuses the same dialogs), no warnings.
    @Test(arguments: cases)
    func errorsOnlyLoadFindsTheSameErrors(_ name: String) {
        let dir = Fixtures.broken + "/" + name
        let all = DialogLoader.load(paths: [dir])
        let errorsOnly = DialogLoader.load(paths: [dir], checks: .errors)
        #expect(errorsOnly.diagnostics == all.errors, "\(name)")
        #expect((errorsOnly.graph == nil) == (all.graph == nil))
    }

    @Test func errorsOnlyLoadOfTheShippedDialogsIsTheSameGraph() throws {
        let errorsOnly = DialogLoader.load(paths: [Fixtures.dialogs], checks: .errors)
        let graph = try #require(errorsOnly.graph)
        #expect(errorsOnly.diagnostics.isEmpty)
        #expect(graph.nodeOrder == DialogLoader.load(paths: [Fixtures.dialogs]).graph?.nodeOrder)
    }

    @Test func everyCodeHasABrokenExample() {
        let covered = Set(Self.cases.compactMap { $0.split(separator: "-").first.map(String.init) })
        for code in DiagnosticCode.allCases {
            #expect(covered.contains(code.rawValue), "no broken example for \(code.rawValue)")
        }
    }
}
