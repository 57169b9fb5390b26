import Testing

@testable import DialogCore
import Understanding

// The expected folds were produced by Foundation's `String.folding(options: [.caseInsensitive,
// .diacriticInsensitive, .widthInsensitive], locale: nil)`, which `TextNormalizer.folded` replaces.
private let foldedByFoundation: [(String, String)] = [
    ("\u{FF32}\u{E9}union", "reunion"),
    ("R\u{C9}UNION", "reunion"),
    ("Re\u{301}union", "reunion"),
    ("\u{FF29} \u{FF44}\u{FF4F}\u{FF4E}\u{2019}\u{FF54} \u{FF4B}\u{FF4E}\u{FF4F}\u{FF57}", "i don\u{2019}t know"),
    ("\u{FF13}\u{FF15} years", "35 years"),
    ("Stra\u{DF}e", "strasse"),
    ("\u{130}stanbul", "istanbul"),
    ("\u{FB01}ne", "fine"),
    ("\u{C6}r\u{F8} \u{141}\u{F3}d\u{17A}", "\u{E6}r\u{F8} \u{142}odz"),
    ("Cr\u{E8}me br\u{FB}l\u{E9}e", "creme brulee"),
    ("\u{39F}\u{394}\u{39F}\u{3A3}", "\u{3BF}\u{3B4}\u{3BF}\u{3C3}"),
    ("\u{D1}and\u{FA}", "nandu"),
    ("\u{FF21}\u{FF42}\u{FF43}\u{FF11}\u{FF12}\u{FF13}", "abc123"),
    ("S\u{E3}o Tom\u{E9}", "sao tome"),
    ("Dvo\u{159}\u{E1}k", "dvorak"),
    ("Nguy\u{1EC5}n V\u{103}n", "nguyen van"),
    ("\u{1EF2} \u{1EF9} \u{237}", "y y \u{237}"),
    ("n\u{303}o\u{308}", "no"),
    ("\u{301}abc", "\u{301}abc"),
    ("\u{419}\u{43E}\u{433}\u{443}\u{440}\u{442}", "\u{438}\u{43E}\u{433}\u{443}\u{440}\u{442}"),
    ("\u{1F08}\u{3B8}\u{1FC6}\u{3BD}\u{3B1}\u{3B9}", "\u{3B1}\u{3B8}\u{3B7}\u{3BD}\u{3B1}\u{3B9}"),
    (
        "\u{FF28}\u{FF4F}\u{FF53}\u{FF50}\u{FF49}\u{FF54}\u{FF41}\u{FF4C} \u{FF23}\u{FF4C}\u{ED}\u{FF4E}\u{FF49}\u{FF43}",
        "hospital clinic"
    ),
]

@Test("folding matches Foundation's case, diacritic and width folding", arguments: foldedByFoundation)
func foldMatchesFoundation(_ line: String, _ expected: String) {
    #expect(TextNormalizer.folded(line) == expected)
}

@Test func accentedFullWidthAndDecomposedInputTokenizeAlike() {
    let expected = ["reunion"]
    #expect(TextNormalizer.tokens("\u{FF32}\u{E9}union") == expected)  // "Ｒéunion"
    #expect(TextNormalizer.tokens("R\u{E9}union") == expected)  // precomposed é
    #expect(TextNormalizer.tokens("Re\u{301}union") == expected)  // e + combining acute
    #expect(TextNormalizer.tokens("R\u{C9}UNION?") == expected)
    #expect(TextNormalizer.tokens("\u{FF29} \u{FF44}\u{FF4F}\u{FF4E}\u{2019}\u{FF54}") == ["i", "dont"])
}

@Test func fullWidthDigitsAreReadAsNumbers() {
    let matcher = AnswerMatcher(type: .number(min: 0, max: 120, integer: true))
    #expect(matcher.match("\u{FF13}\u{FF15} years") == .matched(.number(35)))
}

/// A key is the tokens joined by single spaces, whichever path (ASCII or Unicode) reads the text: the
/// linker keys option words by it, and two words must collide exactly when they read the same.
@Test func aKeyIsTheTokensJoinedBySpaces() {
    let texts = [
        "", " ", "I don't know, Réunion?", "  Chest   PAIN!! ", "a\tb\nc\u{7}d", "it's 37.5°C", "e-mail", "x`y'z",
        "\u{1}lead", "trail\u{7F}", "Ｒéunion", "re\u{301}union", "ALL CAPS", "under_score", "¿qué?", "9am-5pm",
    ]
    for text in texts {
        #expect(TextNormalizer.key(text) == TextNormalizer.tokens(text).joined(separator: " "), "\(text.debugDescription)")
    }
    #expect(TextNormalizer.key("  Chest   PAIN!! ") == "chest pain")
}
