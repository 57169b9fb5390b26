import Testing

@testable import DialogCore

/// The `calm` and `lower` filters write the pronoun I. (A person's name is read by the question's
/// `person` property, not by a filter: see AnswerFamiliesTests.)
@Suite struct PronounITests {
    @Test(arguments: [
        ("and i feel rushed", "and I feel rushed"),
        ("i'm worried, i've been waiting", "I'm worried, I've been waiting"),
        ("when i walk more than 200 m", "when I walk more than 200 m"),
        ("vitamin d, i.e. sunshine", "vitamin d, i.e. sunshine"),
        ("type-i error", "type-i error"),
        ("iron and fish", "iron and fish"),
        ("it hurts when i", "it hurts when I"),
    ] as [(String, String)])
    func calmWritesThePronounI(typed: String, written: String) {
        #expect(Template.display(.text(typed), type: nil, format: .init(filters: [.calm])) == written)
    }

    @Test func lowerKeepsThePronounI() {
        #expect(Template.lowercasedKeepingI("Quality of Life and I Feel Rushed") == "quality of life and I feel rushed")
        #expect(Template.display(.text("I'M READY"), type: nil, format: .init(filters: [.lower])) == "I'm ready")
    }
}
