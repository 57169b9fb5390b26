import Foundation
import Testing

@testable import DialogCore

// The `lower`, `sentence` and `calm` filters and the pronoun "I" read an all-ASCII text by bytes
// (`Template+ASCII.swift`). Each must give exactly what reading it by `Character` gives: on the answers
// of the tune corpus (as typed, in capitals, in lower case) and on generated texts of the characters the
// rules look at (letters of both cases, "i" and "I", apostrophes, dots, dashes, slashes, digits, "\r\n").

/// The typed answers of the answers tune corpus.
private func corpusLines() throws -> [String] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Understanding/answers/tune.tsv")
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t").last.map(String.init) }
}

/// Texts made of the characters the rules look at, from a seeded generator.
private func generatedLines() -> [String] {
    let pieces = [
        "i", "I", "i'm", "I'M", "i.e.", "'", "\u{2019}", ".", "-", "/", " ", ", ", "\r\n", "\n", "7", "a", "B", "HELLO", "hello",
        "SHOUT", "Dr", "o'sullivan", "x", "it", "ii", "I'", "é", "\u{301}",
    ]
    var random = SplitMix64(seed: 41)
    return (0..<4000).map { _ in
        (0..<(1 + random.pick(9))).map { _ in pieces[random.pick(pieces.count)] }.joined()
    }
}

@Test("the text filters read ASCII by bytes as they read any text by Character")
func asciiFiltersMatchCharacters() throws {
    let corpus = try corpusLines()
    #expect(corpus.count > 1000)
    var ascii = 0
    for line in corpus.flatMap({ [$0, $0.uppercased(), $0.lowercased()] }) + generatedLines() {
        if Template.asciiPronounI(line) != nil { ascii += 1 }
        #expect(Template.pronounI(line) == Template.pronounI(characters: line), "\(line.debugDescription)")
        #expect(Template.lowercasedKeepingI(line) == Template.lowercasedKeepingI(characters: line), "\(line.debugDescription)")
        for capitalized in [true, false] {
            #expect(
                Template.sentenceCase(line, capitalized: capitalized) == Template.sentenceCase(characters: line, capitalized: capitalized),
                "\(line.debugDescription)")
        }
    }
    // Most lines take the byte path; the rest (accents, curly apostrophes) the Character one.
    #expect(ascii > 5000)
}
