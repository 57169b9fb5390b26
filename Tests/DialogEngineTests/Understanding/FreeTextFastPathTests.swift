@testable import DialogLoading
import Testing
@testable import Understanding

/// The free-text reader's shortcuts give what the plain steps give: the byte split of an ASCII line,
/// a word said again read once, the rest of a line read for a repeated value only when it can hold it,
/// and the parts of a line (after a sentence cut, a correction, a label) read in the whole line's words
/// (`TextLine`) as they read on their own.
@Suite struct FreeTextFastPathTests {
    static var language: Language? { ShippedLanguageTests.language }

    static let lines: [String] = [
        "she's called Beatrice", "Kenji, my husband", "Ramirez. Dr Ramirez", "Not sure. Maybe Dr Ito",
        "Dr Green - GP", "bladder cancer. It's early", "no idea yet, skip it", "amlodipine 5mg once a day",
        "Rosie. oh wait, actually put Rosemary", "they said virus, now they say arthritis", "medication: methotrexate",
        "the surgery on Kings Road, Kings Road Medical Centre", "Dr. Feldman at Banner urology. He is kind. Dr. Feldman at Banner",
        "I do not know yet, maybe the university clinic Großhadern", "Mr hughes, colorectal surgeon. mr hughes again",
        "  two  spaces\tand a tab ", "line\r\nbreak", "", " ", "é e\u{301} É", "a - b -- c — d. e! f? g; h",
        String(repeating: "The doctor said it was probably nothing. My husband thinks I should ask again. ", count: 6),
        String(repeating: "well the doctor said it was probably nothing and the waiting list is long, ", count: 8),
    ]

    @Test func typedWordsSplitAsCharactersDo() {
        for line in Self.lines + ["x", "  ", "a\u{301} b", "\u{00A0}a b"] {
            #expect(Language.typedWords(line) == line.split(whereSeparator: { $0 == " " }), "\(line)")
        }
    }

    @Test func aRepeatedWordReadsAsWhenReadAlone() throws {
        let language = try #require(Self.language)
        for line in Self.lines {
            let words = Language.typedWords(line)
            let typed = TypedWords(words, language: language)
            var ids: [Int32] = []
            var prefixes: [[Int32]] = []
            var typo: [Bool] = []
            var owner: [Int] = []
            for (w, word) in words.enumerated() {
                let alone = TypedWords([word], language: language)
                #expect(typed.firstToken[w] == ids.count)
                ids += alone.ids
                prefixes += alone.prefixes
                typo += alone.typo
                owner += alone.owner.map { _ in w }
            }
            #expect(typed.ids == ids && typed.prefixes == prefixes && typed.typo == typo && typed.owner == owner, "\(line)")
        }
    }

    /// `mayRepeat` rests on this: a line's free-text value is some of its words as they were typed.
    @Test func aValueIsPartOfItsLine() throws {
        let language = try #require(Self.language)
        for line in Self.lines {
            let spaced = Language.typedWords(line).joined(separator: " ")
            if case .value(let v) = language.readText(spaced) {
                #expect(spaced.contains(v), "\(line) → \(v)")
                #expect(Language.mayRepeat(spaced, v))
            }
        }
        #expect(!Language.mayRepeat("Dr Ito is kind", "Ramirez"))
        #expect(Language.mayRepeat("DR RAMIREZ", "Ramirez"))
        #expect(Language.mayRepeat("Dr Müller", "Ramirez"))
    }

    /// Lines of many parts: sentences and dashes, values said again, skips, corrections and labels
    /// across parts, capitals and non-ASCII words in the rest.
    static let partLines: [String] = {
        var out = lines + [
            "Ramirez. Dr Ramirez. Ramirez. Dr Ramirez Jones", "no idea. skip. Dr Ito. Dr Ito at the clinic",
            "Müller. Dr Müller. dr müller", "Kate - no wait, put Catherine. Catherine", "not sure. no idea. Dr Ito",
            "Rosie. oh wait, actually put Rosemary. no wait, Rose", "I don't know. I can't remember. skip it",
            "no idea, skip it. Name: Joan. medication: methotrexate", "they don't know what it is. Dr Ito",
            "no, just a rash. Dr Ito - GP. Dr Ito", "Dr \u{212A}im. Dr Kim. dr kim", "K. \u{212A}. K \u{212A}", "caf\u{E9}. cafe\u{301}. Caf\u{E9} Nero", "Ramirez.\r\nDr Ramirez", "no idea. Dr Ramirez. RAMIREZ. dr ramirez jones",
            String(repeating: "The doctor said it was probably nothing. My husband thinks I should ask again. The waiting list is long. ", count: 18),
            String(repeating: "No idea. ", count: 40) + "Dr Ito", String(repeating: "Ito. Dr Ito. ", count: 30),
        ]
        let corpus = IndexReferenceTests.lines
        for i in stride(from: 0, to: max(0, corpus.count - 4), by: 3) {
            out.append(corpus[i..<(i + 4)].joined(separator: ". "))
            out.append(corpus[i..<(i + 3)].joined(separator: " - "))
        }
        return out
    }()

    @Test func numbersReadAsCharactersDo() {
        for word in ["5", "200", "1,000", "2.5", "5mg", ",", ".", "", "x1", "12a", "\u{0663}", "١٢", "５", "1\r\n", "3.", "½", "v2.0"] {
            #expect(Language.isNumber(Substring(word)) == Language.isNumberAsCharacters(Substring(word)), "\(word)")
        }
        for line in Self.partLines {
            for word in Language.typedWords(line) {
                #expect(Language.isNumber(word) == Language.isNumberAsCharacters(word), "\(word)")
            }
        }
    }

    @Test func partsReadInTheWholeLineAsOnTheirOwn() throws {
        let language = try #require(Self.language)
        for line in Self.partLines + IndexReferenceTests.lines {
            #expect(language.readText(line, shared: true) == language.readText(line, shared: false), "\(line)")
        }
    }
}
