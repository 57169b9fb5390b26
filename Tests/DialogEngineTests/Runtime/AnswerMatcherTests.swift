import Testing

@testable import DialogCore
import Understanding

// MARK: - Fixtures

private let plan = [
    Option(value: "medicare", label: "Medicare", synonyms: ["original medicare"]),
    Option(value: "private", label: "A private or work plan", synonyms: ["hmo", "ppo", "employer"]),
    Option(value: "none", label: "No insurance / paying myself", synonyms: ["uninsured", "self-pay"]),
]

private let symptoms = [
    Option(value: "pain", label: "Pain", synonyms: ["aches"]),
    Option(value: "fatigue", label: "Tiredness", synonyms: ["fatigue", "tired"]),
    Option(value: "fever", label: "Fever"),
    Option(value: "nausea", label: "Nausea / vomiting", synonyms: ["sick"]),
]

private let pains = [
    Option(value: "chest", label: "Chest pain"),
    Option(value: "back", label: "Back pain"),
    Option(value: "fever", label: "Fever"),
]

private let countries = [
    Option(value: "us", label: "United States", synonyms: ["usa", "america"]),
    Option(value: "uk", label: "United Kingdom", synonyms: ["uk", "britain"]),
    Option(value: "reunion", label: "Réunion"),
]

private let bool = AnswerMatcher(type: .bool)
private let planMatcher = AnswerMatcher(type: .choice(plan))
private let symptomMatcher = AnswerMatcher(type: .multi(symptoms))
private let age = AnswerMatcher(type: .number(min: 0, max: 120, integer: true))
private let anyNumber = AnswerMatcher(type: .number(min: nil, max: nil, integer: false))
private let text = AnswerMatcher(type: .text)

private func choice(_ value: String) -> MatchOutcome { .matched(.choice(value)) }
private func set(_ values: String...) -> MatchOutcome { .matched(.set(values)) }
private func number(_ value: Double) -> MatchOutcome { .matched(.number(value)) }

// MARK: - TextNormalizer

@Test(arguments: [
    ("I don't know, Réunion?", ["i", "dont", "know", "reunion"]),
    ("don’t", ["dont"]),
    ("ＹＥＳ", ["yes"]),
    ("Zoë Straße", ["zoe", "strasse"]),
    ("3.5 weeks", ["3", "5", "weeks"]),
    ("yes 👍🏽", ["yes"]),
    ("pain❤️fever", ["pain", "fever"]),
    ("1️⃣", ["1"]),
    ("ye\u{7}s\tno\nmaybe", ["yes", "no", "maybe"]),
    ("zero\u{200B}width", ["zerowidth"]),
    ("Да, 是的", ["да", "是的"]),
    ("self-pay/HMO", ["self", "pay", "hmo"]),
    ("  ", []),
    ("", []),
])
func normalizerTokens(line: String, expected: [String]) {
    #expect(TextNormalizer.tokens(line) == expected)
}

// MARK: - PhraseMatcher

@Test func phraseMatcherFindsPhrasesInsideSentences() {
    let urgent = PhraseMatcher(phrases: ["chest pain", "bleed*", "can't breathe", "unconscious"])
    let tokens = TextNormalizer.tokens
    #expect(urgent.matches(tokens("I have sudden CHEST PAIN since noon")))
    #expect(urgent.matches(tokens("chset pain")))  // 1 edit in a 5-letter word
    #expect(!urgent.matches(tokens("chest pian")))  // 4-letter words must be exact
    #expect(!urgent.matches(tokens("pain in my chest")))  // words not together
    #expect(urgent.matches(tokens("it keeps bleeding")))
    #expect(urgent.matches(tokens("bleed")))
    #expect(!urgent.matches(tokens("blood")))
    #expect(urgent.matches(tokens("I can't breath")))
    #expect(urgent.matches(tokens("he was uncnscios")))  // 2 edits in an 11-letter word
    #expect(!urgent.matches(tokens("he was ncnscios")))  // 3 edits
    #expect(!urgent.matches([]))
    #expect(!PhraseMatcher(phrases: []).matches(tokens("chest pain")))
    #expect(!PhraseMatcher(phrases: ["  ", "!!"]).matches(tokens("anything")))
}

// MARK: - bool

@Test(arguments: [
    "yes", "Y", "yeah!", "Yep", "yup", "sure", "OK", "okay", "correct", "of course", "I do", "I have",
    "yes I think so", "Yes please", "absolutely", "Definitely.", "yes, no problem", "well, yes", "true",
    "yes, I'm not feeling well", "I think so", "👍 yes", "YES!!!", "why not",
])
func boolYes(line: String) {
    #expect(bool.match(line) == .matched(.bool(true)))
}

@Test(arguments: [
    "no", "N", "nope", "nah", "never", "No, not really", "not really", "I don't", "I do not", "I haven't",
    "absolutely not", "no thanks", "Nope, I'm good", "of course not", "false", "I didn't", "no no no",
])
func boolNo(line: String) {
    #expect(bool.match(line) == .matched(.bool(false)))
}

@Test(arguments: ["no, yes", "yes or no", "no wait, yes", "yes, actually no", "banana", "", "   ", "👍", "?!"])
func boolUnclear(line: String) {
    #expect(bool.match(line) == .noMatch)
}

@Test(arguments: [
    "not sure", "I'm not sure", "I don't know", "dont know", "no idea", "skip", "pass", "rather not say",
    "Unsure", "I'd rather not say", "I have no idea",
])
func skipPhrases(line: String) {
    #expect(bool.match(line) == .skipped)
    #expect(planMatcher.match(line) == .skipped)
    #expect(symptomMatcher.match(line) == .skipped)
    #expect(age.match(line) == .skipped)
    #expect(text.match(line) == .skipped)
}

// MARK: - choice

@Test(arguments: ["2", "2.", "#2", "option 2", "Option #2", "number 2", "  2  ", "(2)", "the second one", "2nd", "two"])
func choiceByNumber(line: String) {
    #expect(planMatcher.match(line) == choice("private"))
}

@Test(arguments: ["0", "4", "12", "1 3", "2.5"])
func choiceNumberOutsideList(line: String) {
    #expect(planMatcher.match(line) == .noMatch)
}

@Test(arguments: [
    ("Medicare", "medicare"), ("I have MEDICARE", "medicare"), ("original medicare", "medicare"),
    ("A private or work plan", "private"), ("private or work plan", "private"), ("my employer", "private"),
    ("HMO", "private"), ("through a plan at work", "private"), ("self-pay", "none"), ("self pay", "none"),
    ("uninsured", "none"), ("no insurance", "none"), ("paying myself", "none"),
])
func choiceByLabelOrSynonym(line: String, value: String) {
    #expect(planMatcher.match(line) == choice(value))
}

@Test(arguments: [
    ("insurence", "none"), ("medicar", "medicare"), ("Medcare", "medicare"), ("unisured", "none"),
    ("priv", "private"), ("emplyer", "private"),
])
func choiceForgivesTyposAndPrefixes(line: String, value: String) {
    #expect(planMatcher.match(line) == choice(value))
}

@Test func choiceLongestPhraseWins() {
    let options = [
        Option(value: "medicare", label: "Medicare"),
        Option(value: "advantage", label: "Medicare Advantage"),
    ]
    let matcher = AnswerMatcher(type: .choice(options))
    #expect(matcher.match("medicare advantage") == choice("advantage"))
    #expect(matcher.match("just medicare") == choice("medicare"))
    #expect(matcher.match("medicare advantge") == choice("advantage"))
}

@Test func choiceTypoPrefersFewestEdits() {
    let options = [Option(value: "medicare", label: "Medicare"), Option(value: "medicaid", label: "Medicaid")]
    let matcher = AnswerMatcher(type: .choice(options))
    #expect(matcher.match("medicar") == choice("medicare"))
    #expect(matcher.match("medicad") == choice("medicaid"))
    #expect(matcher.match("medic") == .ambiguous(options))
}

@Test func choiceAmbiguity() {
    let matcher = AnswerMatcher(type: .choice(pains))
    #expect(matcher.match("pain") == .ambiguous([pains[0], pains[1]]))
    #expect(matcher.match("chest pain and fever") == choice("chest"))  // longest phrase wins
    #expect(matcher.match("pain in my back") == choice("back"))  // more words point at back pain
    #expect(matcher.match("back pian") == choice("back"))
    #expect(planMatcher.match("medicare and hmo") == .ambiguous([plan[0], plan[1]]))
}

@Test(arguments: ["the", "it is my", "maybe", "I think", "a", "well um", "please", "and or with", "it"])
func choiceNeverMatchesStopwordsAlone(line: String) {
    #expect(planMatcher.match(line) == .noMatch)
    #expect(AnswerMatcher(type: .choice(countries)).match(line) == .noMatch)
}

@Test func choiceLabelMadeOfStopwordsNeedsTheWholeLine() {
    let options = [
        Option(value: "yes", label: "Yes"), Option(value: "no", label: "No"), Option(value: "maybe", label: "Maybe"),
    ]
    let matcher = AnswerMatcher(type: .choice(options))
    #expect(matcher.match("Maybe") == choice("maybe"))
    #expect(matcher.match("maybe yes") == choice("yes"))
    #expect(matcher.match("the") == .noMatch)
}

@Test func choiceNegationsNeverSelectByPrefix() {
    let options = [Option(value: "nothing", label: "Nothing to add"), Option(value: "more", label: "Tell me more")]
    let matcher = AnswerMatcher(type: .choice(options))
    #expect(matcher.match("not really") == .noMatch)
    #expect(matcher.match("nothing") == choice("nothing"))
    #expect(matcher.match("noth") == choice("nothing"))
}

@Test func choiceOptionThatLooksLikeASkipPhrase() {
    let options = [Option(value: "yes", label: "Yes"), Option(value: "unsure", label: "Not sure")]
    let matcher = AnswerMatcher(type: .choice(options))
    #expect(matcher.match("not sure") == choice("unsure"))
    #expect(matcher.match("I'm not sure") == choice("unsure"))
    #expect(matcher.match("skip") == .skipped)
}

@Test func choiceNumberWordsYieldToLabels() {
    let options = [
        Option(value: "surgery", label: "Surgery"), Option(value: "second", label: "Second opinion"),
        Option(value: "wait", label: "Wait and see"),
    ]
    let matcher = AnswerMatcher(type: .choice(options))
    #expect(matcher.match("second") == choice("second"))
    #expect(matcher.match("the third one") == choice("wait"))
    #expect(matcher.match("last") == choice("wait"))
}

@Test(arguments: [
    ("Réunion", "reunion"), ("reunion", "reunion"), ("RÉUNION", "reunion"), ("USA", "us"), ("the UK", "uk"),
    ("united  kingdom", "uk"), ("britian", "uk"),
])
func choiceDiacriticsAndCase(line: String, value: String) {
    #expect(AnswerMatcher(type: .choice(countries)).match(line) == choice(value))
}

@Test func choiceUnitedIsAmbiguous() {
    #expect(AnswerMatcher(type: .choice(countries)).match("united") == .ambiguous([countries[0], countries[1]]))
}

@Test func choiceWithEmojiAndUnicode() {
    #expect(planMatcher.match("Medicare 🙂") == choice("medicare"))
    #expect(planMatcher.match("🙂🙂🙂") == .noMatch)
    #expect(planMatcher.match("медикэр") == .noMatch)
    let options = [Option(value: "ja", label: "日本"), Option(value: "ru", label: "Россия")]
    let matcher = AnswerMatcher(type: .choice(options))
    #expect(matcher.match("日本") == choice("ja"))
    #expect(matcher.match("РОССИЯ") == choice("ru"))
    #expect(matcher.match("россия!") == choice("ru"))
}

// MARK: - multi

@Test(arguments: [
    ("1, 3", ["pain", "fever"]), ("1 3", ["pain", "fever"]), ("1 and 3", ["pain", "fever"]),
    ("3,1", ["pain", "fever"]), ("1-3", ["pain", "fatigue", "fever"]), ("2", ["fatigue"]),
    ("pain and tiredness", ["pain", "fatigue"]), ("fever & nausea", ["fever", "nausea"]),
    ("Pain, tired", ["pain", "fatigue"]), ("sick/fever", ["fever", "nausea"]), ("pain, aches", ["pain"]),
    ("pain fatigue", ["pain", "fatigue"]), ("I have pain and some fever", ["pain", "fever"]),
    ("pain and I guess", ["pain"]), ("vomiting", ["nausea"]), ("feverr; tiredenss", ["fatigue", "fever"]),
    ("pain, 3", ["pain", "fever"]), ("Nausea / vomiting", ["nausea"]), ("the pain is bad", ["pain"]),
    ("both pain and fever", ["pain", "fever"]), ("I feel sick and tired", ["fatigue", "nausea"]),
])
func multiLists(line: String, values: [String]) {
    #expect(symptomMatcher.match(line) == .matched(.set(values)))
}

@Test(arguments: ["all", "All of them", "everything", "all of the above"])
func multiAll(line: String) {
    #expect(symptomMatcher.match(line) == set("pain", "fatigue", "fever", "nausea"))
}

@Test(arguments: ["none", "None of these", "nothing", "no", "none of the above"])
func multiNone(line: String) {
    #expect(symptomMatcher.match(line) == .matched(.set([])))
}

@Test(arguments: ["pain and banana", "pain, not fever", "no fever", "5", "1, 7", "1,2,3,4,5", "", "and", "banana"])
func multiUnmatched(line: String) {
    #expect(symptomMatcher.match(line) == .noMatch)
}

@Test func multiAmbiguity() {
    let matcher = AnswerMatcher(type: .multi(pains))
    #expect(matcher.match("pain, fever") == .ambiguous([pains[0], pains[1]]))
    #expect(matcher.match("chest pain and fever") == set("chest", "fever"))
    #expect(matcher.match("pain in my back, fever") == set("back", "fever"))
}

@Test func multiLabelWithAnd() {
    let options = [
        Option(value: "aches", label: "Aches and pains"), Option(value: "fever", label: "Fever"),
        Option(value: "ent", label: "Ear, nose and throat"),
    ]
    let matcher = AnswerMatcher(type: .multi(options))
    #expect(matcher.match("aches and pains") == set("aches"))
    #expect(matcher.match("fever, aches and pains") == set("aches", "fever"))
    #expect(matcher.match("ear, nose and throat") == set("ent"))
}

@Test func multiOptionNamedNone() {
    let options = [Option(value: "pain", label: "Pain"), Option(value: "none", label: "None")]
    #expect(AnswerMatcher(type: .multi(options)).match("none") == set("none"))
}

// MARK: - number

@Test(arguments: [
    ("65", 65.0), ("about 3 weeks", 3), ("3.5", 3.5), ("-2", -2), ("1,200", 1200), ("1,200,000 steps", 1_200_000),
    ("twenty five", 25), ("twenty-five", 25), ("a hundred", 100), ("one hundred and five", 105), ("three", 3),
    ("two and a half", 2.5), ("3 and a half weeks", 3.5), ("I'm 65, had it for two years", 65),
    ("two years, 65", 2), ("zero", 0), ("3-4 weeks", 3), ("between 3 and 4", 3), ("65yo", 65), ("６５", 65),
    (".5", 0.5), ("about 2.", 2), ("fifty", 50), ("ninety nine", 99), ("two thousand and twenty", 2020),
    ("−4", -4), ("room 12-b", 12),
])
func numbers(line: String, value: Double) {
    #expect(anyNumber.match(line) == number(value))
}

@Test(arguments: ["banana", "", "a couple", "🙂", "1" + String(repeating: "0", count: 400)])
func numberNoMatch(line: String) {
    #expect(anyNumber.match(line) == .noMatch)
}

@Test func numberRange() {
    #expect(age.match("120") == number(120))
    #expect(age.match("0") == number(0))
    #expect(age.match("150") == .outOfRange(150))
    #expect(age.match("-1") == .outOfRange(-1))
    #expect(age.match("2.5") == .outOfRange(2.5))
    #expect(age.match("forty and a half") == .outOfRange(40.5))
    #expect(age.match("I'm not sure, maybe 40") == .skipped)
}

// MARK: - text

@Test func textIsCleanedAndKept() {
    #expect(text.match("  My doctor\tsaid\n\n it's cancer \u{7} ") == .matched(.text("My doctor said it's cancer")))
    #expect(text.match("😢 scared") == .matched(.text("😢 scared")))
    #expect(text.match("I don't know what he said") == .matched(.text("I don't know what he said")))
    #expect(text.match("skip the surgery?") == .matched(.text("skip the surgery?")))
    #expect(text.match("") == .noMatch)
    #expect(text.match(" \n\t ") == .noMatch)
    #expect(text.match("\u{0}\u{7}") == .noMatch)
}

// MARK: - Very long input

@Test(arguments: [
    String(repeating: "lorem ipsum dolor sit amet, ", count: 3700),
    String(repeating: "a", count: 100_000),
    String(repeating: "1", count: 100_000),
    String(repeating: "🙂é", count: 20_000),
    String(repeating: "pain and ", count: 11_000),
    String(repeating: "medicar insurence ", count: 5600),
])
func veryLongLinesFinishQuickly(line: String) {
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        _ = bool.match(line)
        _ = planMatcher.match(line)
        _ = symptomMatcher.match(line)
        _ = anyNumber.match(line)
        _ = text.match(line)
        _ = PhraseMatcher(phrases: ["chest pain", "bleed*", "unconscious"]).matches(TextNormalizer.tokens(line))
    }
    #expect(elapsed < .seconds(10))
}
