/// A question typed instead of an answer: "do i need a referral from my GP for this", "how much it will
/// cost?", "if they can't, can I still ask for the records?". Such a line is never stored as an answer;
/// a common question answers it.
///
/// Four concepts of the language data decide, so the reading can be widened without code:
///
/// | concept | what it is | example |
/// | --- | --- | --- |
/// | `answer_question` | words that open a question, with or without a question mark | "do I", "how much", "what if", "is there" |
/// | `answer_question_word` | a word that opens a question when the line ends with "?" | "who", "which", "should" |
/// | `answer_question_lead` | words that may stand before the question | "ok so", "sorry", "quick question", "also" |
/// | `answer_question_condition` | an opening clause the question follows | "if they can't, can I …?" |
///
/// A question mark alone is not a question ("Tom?", "probably? I think so"), nor is a question word
/// inside an answer ("medicare, is that right?" keeps its answer); a question followed by an answer
/// ("does it matter? skip") is that answer. The question must open the line's last sentence, or the
/// clause after an opening "if …" (`answer_question_condition`: "if they can't, can I still …?"), and
/// hold at least `minimumWords` words.
extension Language {
    /// The fewest words a question read here holds: "what?", "what for?" and "why?" ask what was meant.
    public static let minimumQuestionWords = 3

    /// Whether `line` reads as a question; `questionMark` is whether the typed line ends with "?".
    public func readsAsQuestion(_ line: PreparedLine, questionMark: Bool) -> Bool {
        let tokens = line.tokens
        guard !tokens.isEmpty, let opens = conceptIndex["answer_question"] else { return false }
        var matcher = Matcher(language: self, line: line)
        // The last sentence, past any lead words ("ok so", "sorry").
        var start = tokens.indices.last { $0 > 0 && tokens[$0].breakBefore == .hard } ?? 0
        if let lead = conceptIndex["answer_question_lead"] {
            var rounds = 0
            while rounds < 3, start < tokens.count, let end = concept(lead, at: start, &matcher), end > start, end < tokens.count {
                start = end
                rounds += 1
            }
        }
        guard tokens.count - start >= Self.minimumQuestionWords else { return false }
        if concept(opens, at: start, &matcher) != nil { return true }
        guard questionMark else { return false }
        let word = conceptIndex["answer_question_word"]
        func opensQuestion(_ at: Int) -> Bool {
            concept(opens, at: at, &matcher) != nil || word.map { concept($0, at: at, &matcher) != nil } == true
        }
        if opensQuestion(start) { return true }
        guard let condition = conceptIndex["answer_question_condition"], concept(condition, at: start, &matcher) != nil else { return false }
        for i in tokens.indices where i > start && tokens[i].breakBefore == .soft && tokens.count - i >= Self.minimumQuestionWords && opensQuestion(i) {
            return true
        }
        return false
    }
}
