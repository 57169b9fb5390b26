/// Who a red-flag finding is about: the person typing, or someone with them (ConText's "experiencer").
/// "My wife can't lift her arm" is an emergency for the person typing, but the advice and the question
/// after it are for a bystander.
public enum Subject: String, Sendable, Hashable, CaseIterable {
    /// The person typing ("my arm is numb", "I can't breathe"), and any finding that names no one.
    case speaker = "self"
    /// Another adult, named ("my husband", "my mum").
    case adult
    /// A child, named ("my toddler", "our 4 year old", "the baby").
    case child
    /// Someone else whose age the line does not say ("my son", "a friend", "he" with no one named before).
    case someone

    /// How a word naming a person counts.
    enum Role {
        /// "myself", "without me", "my own life": the person typing, whatever else the finding names.
        case experiencer
        /// "I", "me", "my husband", "the baby".
        case person
        /// "my", "our": whose something is, weaker than a person ("my son", "my tablets").
        case possessive
        /// "he", "she", "her", "himself": the person named last before it.
        case pronoun
    }

    /// The concepts of the language data that name people, with what each names.
    static let concepts: [(name: String, subject: Subject?, role: Role)] = [
        ("subject_self_strong", .speaker, .experiencer), ("subject_self", .speaker, .person), ("subject_my", .speaker, .possessive), ("subject_adult", .adult, .person),
        ("subject_child", .child, .person), ("subject_someone", .someone, .person), ("subject_pronoun", nil, .pronoun),
    ]
}

extension Language {
    /// A word or phrase of a line that names a person.
    private struct Mention {
        var words: Range<Int>
        /// nil for a pronoun.
        var subject: Subject?
        var role: Subject.Role
    }

    /// Who each span of a line is about (`Subject`), from the people the line names (the concepts in
    /// `Subject.concepts`), tried in this order:
    ///
    /// 1. Words that make the typist the one it happens to (`subject_self_strong`), inside the span or
    ///    last before it in its sentence ("my kids would be better off without me", "kill myself",
    ///    "tell my daughter I love her and that none of this was her fault").
    /// 2. Someone named where the span starts, after at most one other word and any "my" ("my son won't
    ///    wake", "toddler got into my tablets", "found my husband on the floor"), or a pronoun inside it
    ///    ("can't lift her arm", "I can't wake him", "kill herself").
    /// 3. The last person named before the span in its sentence ("my husband says I'm slurring my
    ///    words" is the person typing; "my wife, she can't breathe" is the wife).
    /// 4. Someone named after it in its clause ("blood pouring out of his leg").
    /// 5. The last person named in an earlier sentence ("My son, 1 year. Breathing very fast").
    /// 6. Otherwise the person typing.
    ///
    /// A pronoun stands for the last person other than the typist named before it in the line, or for
    /// `someone` when nobody was. Without these concepts in the data, everything is about the person typing.
    func subjects(of spans: [Range<Int>], in line: PreparedLine) -> [Subject] {
        guard !spans.isEmpty, Subject.concepts.contains(where: { conceptIndex[$0.name] != nil }) else {
            return spans.map { _ in .speaker }
        }
        let found = conceptSpans(Subject.concepts.map(\.name), in: line)
        var mentions: [Mention] = []
        for (name, subject, role) in Subject.concepts {
            for words in found[name] ?? [] { mentions.append(Mention(words: words, subject: subject, role: role)) }
        }
        guard !mentions.isEmpty else { return spans.map { _ in .speaker } }
        mentions.sort { $0.words.lowerBound < $1.words.lowerBound }
        return spans.map { subject(of: $0, mentions: mentions, line: line) }
    }

    private func subject(of span: Range<Int>, mentions: [Mention], line: PreparedLine) -> Subject {
        let ends = line.sentenceEnds
        guard span.lowerBound < ends.count else { return .speaker }
        func resolved(_ m: Mention) -> Subject {
            if let subject = m.subject { return subject }
            let named = mentions.last { $0.words.lowerBound < m.words.lowerBound && $0.subject != nil && $0.subject != .speaker }
            return named?.subject ?? .someone
        }
        let inside = mentions.filter { span.contains($0.words.lowerBound) }
        // 1. The typist as the one it happens to.
        if inside.contains(where: { $0.role == .experiencer }) { return .speaker }
        var sentenceStart = span.lowerBound
        while sentenceStart > 0, ends[sentenceStart - 1] == ends[span.lowerBound] { sentenceStart -= 1 }
        let before = mentions.last { $0.words.lowerBound >= sentenceStart && $0.words.lowerBound < span.lowerBound }
        if before?.role == .experiencer { return .speaker }
        // 2. Someone where it starts (after at most one word besides "my"), or a pronoun inside it.
        for m in inside where m.subject != .speaker {
            let possessives = inside.filter { $0.role == .possessive && $0.words.upperBound <= m.words.lowerBound }.count
            if m.role == .pronoun || m.words.lowerBound - span.lowerBound - possessives <= 1 { return resolved(m) }
        }
        // 3. The last person named before it in its sentence.
        if let before { return resolved(before) }
        if let own = inside.first(where: { $0.subject != .speaker }) ?? inside.first { return resolved(own) }
        // 4. Someone named after it in its clause.
        let clauseEnd = line.clauseEnds[span.lowerBound]
        if let after = mentions.first(where: {
            $0.words.lowerBound >= span.upperBound && $0.words.lowerBound < clauseEnd && $0.subject != .speaker
        }) {
            return resolved(after)
        }
        // 5. The last person named in an earlier sentence.
        if let earlier = mentions.last(where: { $0.words.lowerBound < sentenceStart }) { return resolved(earlier) }
        return .speaker
    }
}
