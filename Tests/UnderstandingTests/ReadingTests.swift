import Testing

@testable import Understanding

/// A small language, written here so each test shows the rule it relies on.
enum SmallLanguage {
    static func rule(_ text: String, line: Int = 1) -> Rule {
        // The patterns below are valid; a failure here is a fault in the test itself.
        Rule((try? Pattern.parse(text)) ?? Pattern(elements: [], text: text), origin: Origin(file: "small.json", line: line))
    }

    static let language: Language = {
        var spec = LanguageSpec()
        spec.concepts["chest"] = [rule("chest"), rule("breastbone")]
        spec.concepts["pain"] = [rule("pain"), rule("tight"), rule("pressure"), rule("crush")]
        spec.concepts["face"] = [rule("face"), rule("mouth"), rule("smile")]
        spec.clauseStarters = ["my", "i", "she"]
        spec.terminators = [rule("but")]
        spec.nonBoundaries = [rule("anything but")]
        spec.triggers = [
            Trigger(rule("no"), kind: .negated, direction: .before),
            Trigger(rule("not"), kind: .negated, direction: .before),
            Trigger(rule("ruled out"), kind: .negated, direction: .after),
            Trigger(rule("[year | month] ago"), kind: .historical, direction: .clause),
            Trigger(rule("had"), kind: .historical, direction: .before),
            Trigger(rule("if"), kind: .hypothetical, direction: .before),
            Trigger(rule("for months"), kind: .ongoing, direction: .clause),
            Trigger(rule("right now"), kind: .current, direction: .clause),
            Trigger(rule("weight off my chest"), kind: .figurative, direction: .clause),
            Trigger(rule("not only"), kind: .pseudo, direction: .clause),
        ]
        spec.redFlags = [
            RedFlagSpec(
                category: "heart", title: "Heart attack", alarm: [rule("@chest ~3 @pain", line: 10), rule("@pain ~3 in ~2 @chest", line: 11)],
                check: [], checkWhenOngoing: true, origin: Origin(file: "small.json", line: 9)),
            RedFlagSpec(
                category: "stroke", title: "Stroke", alarm: [rule("@face ~4 droop", line: 20)], check: [rule("arm ~2 numb", line: 21)],
                checkWhenOngoing: true, origin: Origin(file: "small.json", line: 19)),
        ]
        return Language(spec)
    }()

    static func decide(_ line: String) -> String {
        let reading = language.read(line)
        if let alarm = reading.alarms.first { return "alarm " + alarm }
        if let check = reading.checks.first { return "check " + check }
        return "none"
    }
}

@Suite struct ReadingTests {
    @Test(arguments: [
        // Present, in other words and word forms.
        ("my chest feels tight", "alarm heart"),
        ("crushing pressure in my chest", "alarm heart"),
        ("her mouth is drooping", "alarm stroke"),
        ("one side of her smile has drooped", "alarm stroke"),
        // Negated, within the clause only.
        ("no chest pain at all", "none"),
        ("no fever, my chest is tight", "alarm heart"),
        ("no fever but my chest is tight", "alarm heart"),
        ("not only is my chest tight", "alarm heart"),
        // A non-boundary phrase keeps its clause whole ("but" inside it ends no negation), unless typed
        // with a comma or followed by a clause starter.
        ("no fever anything but chest pain", "none"),
        ("no fever anything, but chest pain", "alarm heart"),
        ("no fever anything but my chest is tight", "alarm heart"),
        ("the pain in my chest was ruled out", "none"),
        // Historical and hypothetical, unless it is happening now.
        ("chest pain a year ago", "none"),
        ("I had chest pain", "none"),
        ("I had chest pain and right now it is crushing", "alarm heart"),
        ("call them if the face droops", "none"),
        // Ongoing: ask first.
        ("chest pressure for months", "check heart"),
        ("my arm goes numb", "check stroke"),
        ("my arm is numb right now", "alarm stroke"),
        // Figures of speech.
        ("what a weight off my chest", "none"),
        // Typos.
        ("my chset is tight", "alarm heart"),
    ])
    func decidesByContext(line: String, expected: String) {
        #expect(SmallLanguage.decide(line) == expected, "\(line)")
    }

    @Test func explainsEveryFinding() throws {
        let reading = SmallLanguage.language.read("no pain in my chest")
        let finding = try #require(reading.findings.first)
        #expect(finding.category == "heart")
        #expect(finding.decision == .dropped(.negated))
        #expect(finding.origin == Origin(file: "small.json", line: 11))
        #expect(finding.context.map(\.kind) == [.negated])
        #expect(reading.words[finding.words].map(\.typed) == ["pain", "in", "my", "chest"])
    }

    @Test func oneLineRaisesEachAlarmOnce() {
        let reading = SmallLanguage.language.read("my chest is tight, chest pressure, her face droops")
        #expect(reading.alarms == ["heart", "stroke"])
        #expect(reading.checks.isEmpty)
    }

    @Test func aLongLineIsReadInFull() {
        let filler = String(repeating: "the waiting list is long and the letters are slow ", count: 30)
        #expect(SmallLanguage.decide(filler + "and her face is drooping") == "alarm stroke")
    }

    @Test func formsAreBuiltFromTheSameEndingsTheLexiconStrips() {
        let language = SmallLanguage.language
        for word in ["droop", "crush", "pain"] {
            for form in Language.inflections(of: word) where language.lexicon.vocabulary.contains(word) {
                if let base = language.formTable[form] { #expect(language.lexicon.stripped(form) == base || base == word, "\(form)") }
            }
        }
    }
}

@Suite struct PlacesTests {
    let places = Places(
        names: [
            "us": ["united states", "usa", "texas", "ohio"], "gb": ["united kingdom", "uk", "scotland", "london"], "it": ["italy", "italia"],
            "pt": ["portugal"], "ca": ["canada", "ontario"], "ge": [],
        ],
        ambiguous: ["georgia": ["us", "ge"]],
        countries: [:])

    @Test(arguments: [
        ("Italia", "it"), ("we live in Texas", "us"), ("scotland", "gb"), ("british but living in portugal", "pt"),
        ("not the US, we're in Canada", "ca"), ("Austrailia", ""), ("Portgual", "pt"),
    ])
    func findsTheCountry(line: String, code: String) {
        if code.isEmpty {
            #expect(places.find(in: line) == .none)
        } else {
            #expect(places.find(in: line) == .country(code), "\(line)")
        }
    }

    @Test func asksWhenANameFitsSeveralCountries() {
        #expect(places.find(in: "Georgia") == .ambiguous(["ge", "us"]))
        #expect(places.find(in: "Atlanta, Georgia, USA") == .country("us"))
    }
}

@Suite struct AcrossClausesTests {
    static func language(across: Bool) -> Language {
        var spec = LanguageSpec()
        spec.clauseStarters = ["he", "hes", "she", "shes"]
        var flag = RedFlagSpec(
            category: "sepsis", title: "Sepsis", alarm: [SmallLanguage.rule("fever ~8 shaking")], check: [], checkWhenOngoing: true,
            origin: Origin(file: "small.json", line: 1))
        flag.acrossClauses = across
        spec.redFlags = [flag]
        return Language(spec)
    }

    @Test func signsToldClauseByClauseMakeOneFindingWhenTheFlagAllowsIt() {
        let line = "a fever of 39, he's shaking all over"
        #expect(Self.language(across: false).read(line).alarms.isEmpty)
        #expect(Self.language(across: true).read(line).alarms == ["sepsis"])
        // Never across sentences.
        #expect(Self.language(across: true).read("a fever last week. he's shaking with cold now").alarms.isEmpty)
    }
}

/// Readings that need a language of their own: a long check pattern around an alarm, and words of their
/// own that the regular endings would fold into a shorter word.
@Suite struct ReadingEdgeTests {
    static func language(notForms: Set<String> = []) -> Language {
        var spec = LanguageSpec()
        spec.concepts["child"] = [SmallLanguage.rule("baby"), SmallLanguage.rule("toddler")]
        spec.notForms = notForms
        spec.redFlags = [
            RedFlagSpec(
                category: "child", title: "A very unwell child", alarm: [SmallLanguage.rule("hot and not crying", line: 5)],
                check: [SmallLanguage.rule("@child ~8 not feeding", line: 6)], checkWhenOngoing: true,
                origin: Origin(file: "small.json", line: 4)),
            RedFlagSpec(
                category: "arm", title: "Arm", alarm: [SmallLanguage.rule("arm ~2 weak", line: 9)], check: [],
                checkWhenOngoing: false, origin: Origin(file: "small.json", line: 8)),
        ]
        spec.concepts["ever"] = [SmallLanguage.rule("ever")]
        return Language(spec)
    }

    @Test func aLongCheckDoesNotHideAnAlarmInsideIt() {
        let reading = Self.language().read("my baby is hot and not crying and not feeding")
        #expect(reading.alarms == ["child"])
        #expect(reading.findings.contains { $0.checkOnly } && reading.findings.contains { !$0.checkOnly })
    }

    @Test func wordsOfTheirOwnAreNotFoldedIntoShorterOnes() {
        // "ever" is in the vocabulary, so the regular endings read "every" as "ever" + "y"…
        #expect(Self.language().read("every arm").bases == ["ever", "arm"])
        // …unless the data says "every" is a word of its own.
        #expect(Self.language(notForms: ["every"]).read("every arm").bases == ["every", "arm"])
    }
}
