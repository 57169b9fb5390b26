@testable import DialogCore
@testable import DialogLoading
import Testing

/// Documents end with the sources their included items cite and the content's review dates.
@Suite struct DocumentSourcesTests {
    static let folder = Fixtures.broken + "/W073-review-overdue"

    @Test func aDocumentEndsWithItsSourcesAndTheReviewDates() throws {
        let graph = try #require(DialogLoader.load(paths: [Self.folder]).graph)
        let document = try #require(graph.documents["letter"])
        let plain = DocumentRenderer.render(document, slots: [:], graph: graph).markdown
        #expect(plain.contains("## Sources\n\n- HHS: the HIPAA right of access: <https://www.hhs.gov/"))
        #expect(plain.hasSuffix("_Content last reviewed: 2019-12-07; next review by 2020-06-07._\n"))
        // The planned rendering (what the chat uses) ends the same way.
        let planned = DocumentRenderer.render(document, plan: DocumentPlan(document) { graph.slotType($0) }, slots: [:], graph: graph)
        #expect(planned.markdown == plain)
    }

    @Test func aSourceIsListedOnlyWhenAnIncludedItemCitesIt() {
        var markdown = ""
        let catalog = SourceCatalog(
            entries: ["a": .init(key: "a", title: "A", url: "https://a.example")], order: ["a"], reviewed: "2026-01-01",
            nextReview: "2026-07-01", needsSource: [], location: SourceLocation(file: "sources.json", line: 1, column: 1))
        DocumentRenderer.appendSources(catalog, cited: [], to: &markdown)
        #expect(!markdown.contains("Sources"))
        #expect(markdown.contains("Content last reviewed: 2026-01-01; next review by 2026-07-01."))
    }

    @Test func theReviewWarningComesOnlyAfterTheNextReviewDate() throws {
        let graph = try #require(DialogLoader.load(paths: [Self.folder]).graph)
        let catalog = try #require(graph.sources)
        #expect(catalog.reviewDiagnostics(today: "2020-06-07").isEmpty)
        #expect(catalog.reviewDiagnostics(today: "2020-06-08").map(\.code) == [.reviewOverdue])
    }

    @Test func claimsAreFoundAsWholeWords() {
        let catalog = SourceCatalog(
            entries: [:], order: [], reviewed: "2026-01-01", nextReview: "2026-07-01", needsSource: ["fee", "day*"],
            location: SourceLocation(file: "sources.json", line: 1, column: 1))
        #expect(catalog.claim(in: Template(segments: [.text("Feeling unheard")])) == nil)
        #expect(catalog.claim(in: Template(segments: [.text("Any fee must be fair")])) == "fee")
        #expect(catalog.claim(in: Template(segments: [.text("within 30 days")])) == "day*")
    }

    @Test func aSourceShowsTheAnswersAndIsLeftOutWhenOneIsMissing() {
        var markdown = ""
        let catalog = SourceCatalog(
            entries: [
                "own": .init(key: "own", title: "{{country.name}}: emergency number", url: "{{country.emergency_source}}"),
                "fixed": .init(key: "fixed", title: "Fixed", url: "https://fixed.example"),
            ],
            order: ["own", "fixed"], reviewed: "2026-01-01", nextReview: "2026-07-01", needsSource: [],
            location: SourceLocation(file: "sources.json", line: 1, column: 1))
        let answers: [String: Value] = ["country.name": .text("New Zealand"), "country.emergency_source": .text("https://www.stjohn.org.nz/")]
        DocumentRenderer.appendSources(catalog, cited: ["own", "fixed"], answers: { answers[$0] }, to: &markdown)
        #expect(markdown.contains("- New Zealand: emergency number: <https://www.stjohn.org.nz/>\n- Fixed: <https://fixed.example>"))
        var unknown = ""
        DocumentRenderer.appendSources(catalog, cited: ["own", "fixed"], to: &unknown)
        #expect(!unknown.contains("emergency number"))
        #expect(unknown.contains("- Fixed: <https://fixed.example>"))
    }

    @Test func aSourcePlaceholderMustNameASlot() {
        let dialog = """
            { "dialog": "main", "start": "a", "slots": { "country.name": { "type": "text", "label": "Country" } },
              "nodes": { "a": { "say": "Hi.", "documents": ["d"], "end": true } },
              "documents": { "d": { "title": "D", "items": [ { "text": "Call 112.", "source": "s" } ] } } }
            """
        let sources = """
            { "reviewed": "2026-01-01", "next_review": "2099-01-01",
              "sources": { "s": { "title": "{{country.nmae}}: emergency number", "url": "https://a.example" } } }
            """
        let result = DialogLoader.load(sources: [
            DialogLoader.Source(name: "main.json", bytes: Array(dialog.utf8)), DialogLoader.Source(name: "sources.json", bytes: Array(sources.utf8)),
        ])
        #expect(result.diagnostics.contains { $0.code == .templateSlot && $0.message.contains("'{{country.nmae}}', which is no slot") })
    }
}
