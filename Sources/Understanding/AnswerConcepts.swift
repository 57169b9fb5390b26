/// The answer readers' concepts (`answer_…` in the language data) by number, looked up once when the
/// language is built rather than by name on every line: the yes/no reader's signals and what holds them
/// back, and the triggers and stops of `answerScope`.
struct AnswerConcepts: Sendable {
    let yes: Int?
    let no: Int?
    let unsure: Int?
    let hedge: Int?
    let reason: Int?
    let concession: Int?
    let tentative: Int?
    let maybe: Int?
    let maybeBefore: Int?
    let scopeEnd: Int?
    let confused: Int?
    let asksTerm: Int?
    /// `answerScope`'s triggers, in the order they are looked for: each concept's name, number, where it
    /// is defined (for messages) and whether it governs the words after it (else the words before it).
    let scopeTriggers: [(name: String, concept: Int, origin: String, forward: Bool)]

    init(_ index: [String: Int], origin: (String) -> String) {
        yes = index["answer_yes"]
        no = index["answer_no"]
        unsure = index["answer_unsure"]
        hedge = index["answer_hedge"]
        reason = index["answer_reason"]
        concession = index["answer_concession"]
        tentative = index["answer_tentative"]
        maybe = index["answer_maybe"]
        maybeBefore = index["answer_maybe_before"]
        scopeEnd = index["answer_scope_end"]
        confused = index["answer_confused"]
        asksTerm = index["answer_asks_term"]
        scopeTriggers = [("answer_negation", true), ("answer_doubt", true), ("answer_rejection", false)].compactMap { name, forward in
            index[name].map { (name, $0, origin(name), forward) }
        }
    }
}
