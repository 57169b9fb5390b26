@testable import DialogCore
import Foundation
import Testing
@testable import Understanding

/// The matcher's indexes (rules and concept phrases by start word, anchors, the word table) are a fast
/// path built from the same compiled rules as the plain matcher: on real lines from the tune corpus,
/// the indexed reading must say exactly what trying every rule and every phrase at every word says.
@Suite struct IndexReferenceTests {
    /// Every tenth text of the tune corpus (never the held-out part).
    static let lines: [String] = {
        var out: [String] = []
        for (file, column) in [("Tests/Understanding/redflags/tune.tsv", 4), ("Tests/Understanding/answers/tune.tsv", 2)] {
            let path = Fixtures.root.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("\t") }
            for (i, row) in rows.enumerated() where i % 10 == 0 {
                let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
                if fields.count > column { out.append(String(fields[column])) }
            }
        }
        return out
    }()

    @Test func corpusIsThere() {
        #expect(Self.lines.count > 300)
    }

    @Test func redFlagsReadTheSameWithoutIndexes() throws {
        let language = try #require(ShippedLanguageTests.language)
        for line in Self.lines {
            let prepared = language.prepare(line)
            let fast = language.read(prepared, indexed: true)
            let plain = language.read(prepared, indexed: false)
            #expect(fast.alarms == plain.alarms, "\(line)")
            #expect(fast.checks == plain.checks, "\(line)")
            #expect(fast.findings.map(\.category) == plain.findings.map(\.category), "\(line)")
        }
    }

    @Test func conceptsMatchTheSameWithoutIndexes() throws {
        let language = try #require(ShippedLanguageTests.language)
        let names = language.conceptNames
        for line in Self.lines {
            let prepared = language.prepare(line)
            #expect(language.conceptSpans(names, in: prepared, indexed: true) == language.conceptSpans(names, in: prepared, indexed: false), "\(line)")
        }
    }

    @Test func wordsAreFoundAsTheDictionarySays() throws {
        let language = try #require(ShippedLanguageTests.language)
        for word in ["chest", "pains", "drooping", "xylophone", "café", "", "i"] {
            let expected = language.wordIDs[word] ?? language.formTable[word].flatMap { language.wordIDs[$0] }
            #expect(language.known[word].map { Int32($0) } == expected, "\(word)")
        }
    }
}
