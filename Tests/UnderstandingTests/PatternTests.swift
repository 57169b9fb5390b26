import Testing

@testable import Understanding

@Suite struct PatternTests {
    @Test func readsEveryElement() throws {
        let p = try Pattern.parse("@face ~3 [droop | sag down] my? wheez*")
        #expect(
            p.elements == [
                .concept("face"), .gap(3), .choice([[.word("droop")], [.word("sag"), .word("down")]]), .optional(.word("my")),
                .prefix("wheez"),
            ])
        #expect(p.concepts == ["face"])
        #expect(Set(p.words) == ["droop", "sag", "down", "my", "wheez"])
    }

    @Test func wordsAreReadAsTypedWordsAre() throws {
        // Apostrophes vanish and hyphens split, as in typed text; symbols are not words.
        #expect(try Pattern.parse("can't self-harm & Co").elements == [.word("cant"), .word("self"), .word("harm"), .word("co")])
    }

    @Test(arguments: [
        ("", 0, "the pattern is empty"),
        ("~3 chest", 0, "a pattern cannot start with a gap"),
        ("chest ~3", 7, "a pattern cannot end with a gap"),
        ("[face | mouth", 13, "'[' is never closed"),
        ("face | mouth", 5, "'|' outside a choice"),
        ("chest ~12 pain", 6, "a gap is written ~N with N from 1 to 8"),
        ("@ face", 0, "'@' without a concept name"),
        ("? face", 0, "'?' must follow a word"),
        ("[a | ] b", 5, "an empty choice"),
    ])
    func reportsWhatIsWrongAndWhere(text: String, offset: Int, message: String) {
        #expect(throws: Pattern.SyntaxError.self) { try Pattern.parse(text) }
        do {
            _ = try Pattern.parse(text)
        } catch {
            #expect(error.message == message)
            #expect(error.offset == offset)
            #expect(error.hint != nil)
        }
    }
}

@Suite struct ClauseTokenTests {
    @Test func marksBreaksAndKeepsDecimals() {
        let tokens = TextNormalizer.clauseTokens("Fever of 39.8, shaking; can't WAKE him!")
        #expect(tokens.map(\.text) == ["fever", "of", "39.8", "shaking", "cant", "wake", "him"])
        #expect(tokens.map(\.breakBefore) == [.none, .none, .none, .soft, .hard, .none, .none])
        #expect(tokens[2].isNumber)
        #expect(!tokens[3].isNumber)
    }

    @Test(arguments: [
        "No chest pain, but my arm's numb.", "fever 39.8; shaking", "a\tb\nc", "x\u{7}y", "3.", ".5", "it's--fine (really)!", "   ", "",
        "ALL CAPS, HERE: yes; no? 2,5 years",
    ])
    func theAsciiPathReadsLikeTheGeneralOne(line: String) {
        let fast = TextNormalizer.asciiClauseTokens(line)
        #expect(fast != nil)
        #expect(fast == TextNormalizer.generalClauseTokens(line))
    }

    @Test func foldsLikeTheWordTokenizer() {
        let line = "Réunion — MÜNCHEN, don’t"
        #expect(TextNormalizer.clauseTokens(line).map(\.text) == TextNormalizer.tokens(line))
    }
}

@Suite struct LexiconTests {
    let lexicon = Lexicon(vocabulary: ["droop", "slur", "chest", "breath", "stroke", "seizure"], forms: ["mum": "mom"], protected: ["strike"])

    @Test(arguments: [
        ("drooping", "droop"), ("drooped", "droop"), ("droopy", "droop"), ("slurring", "slur"), ("slurred", "slur"), ("mum", "mom"),
    ])
    func findsTheBaseForm(typed: String, base: String) {
        #expect(lexicon.base(of: typed).0 == base)
        #expect(lexicon.base(of: typed).1 == .form)
    }

    @Test func correctsTyposOfLongWordsOnly() {
        #expect(lexicon.base(of: "chset").0 == "chest")  // a swap, five letters
        #expect(lexicon.base(of: "chset").1 == .typo)
        #expect(lexicon.base(of: "sezure").0 == "seizure")
        #expect(lexicon.base(of: "chst").0 == "chst")  // four letters: never corrected
        #expect(lexicon.base(of: "strike").0 == "strike")  // a real word one edit from "stroke"
        #expect(lexicon.base(of: "12345").0 == "12345")
    }
}
