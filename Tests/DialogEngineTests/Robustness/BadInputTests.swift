import DialogCore
import DialogLoading
import Foundation
import Testing

/// What a person might type that is not a tidy answer: each gets a sensible reply, nothing raw is echoed,
/// and the state only changes when an answer is really taken.
@Suite struct BadInputTests {
    static let graph: DialogGraph? = DialogLoader.load(paths: [Fixtures.dialogs]).graph

    /// A conversation on the shipped dialogs: the state and every output so far.
    struct Chat {
        let engine: Engine
        var state: EngineState
        var all: [Output]
        var last: [Output]

        init(_ graph: DialogGraph, seed: UInt64 = 1) {
            engine = Engine(graph: graph)
            (state, last) = engine.step(EngineState(seed: seed), .start)
            all = last
        }

        mutating func say(_ line: String) {
            (state, last) = engine.step(state, .line(line))
            all += last
        }

        /// The lines of the last reply, as a person reads them.
        var reply: [String] { last.flatMap(OutputFormatter.lines) }
        var node: String? { state.position?.description }
    }

    func chat() throws -> Chat { Chat(try #require(Self.graph)) }

    /// Every piece of text in `outputs`: lines, options, documents and saved Markdown.
    static func texts(_ outputs: [Output]) -> [String] {
        outputs.flatMap { output -> [String] in
            switch output {
            case .text(let s, _): return [s]
            case .options(let labels): return labels
            case .document(_, let title, let markdown): return [title, markdown]
            case .save(let path, let markdown): return [path ?? "", markdown]
            case .end, .quit: return []
            }
        }
    }

    // MARK: - Nothing typed

    @Test(arguments: ["", " ", "     ", "\t \t", " \r ", "\u{00A0}\u{2003}"])
    func blankLineRepromptsWithoutUsingAnAttempt(_ line: String) throws {
        var chat = try chat()
        chat.say("yes")
        let before = chat.state
        chat.say(line)
        #expect(chat.reply.first == "I didn't catch an answer.")
        #expect(chat.reply.contains("  2. Someone I care for"))
        #expect(chat.state == before)
    }

    // MARK: - Too long

    @Test func megabyteLineIsRefusedNamingTheLimitAndChangesNothing() throws {
        var chat = try chat()
        chat.say("yes")
        chat.say("someone I care for")
        #expect(chat.node == "main.ask_patient_name")
        let before = chat.state
        chat.say(String(repeating: "a", count: 1 << 20))
        #expect(chat.state == before)
        #expect(chat.reply.count == 1)
        let message = try #require(chat.reply.first)
        #expect(message.contains("too long"))
        #expect(message.contains("\(Engine.maxInputCharacters)"))
        #expect(message.count < 200)
    }

    @Test func limitIsCountedInCharactersAndTheLongestAnswerIsKept() throws {
        var chat = try chat()
        chat.say("yes")
        chat.say("someone I care for")
        let before = chat.state
        chat.say(String(repeating: "é", count: Engine.maxInputCharacters + 1))
        #expect(chat.state == before)
        let longest = String(repeating: "é", count: Engine.maxInputCharacters)
        chat.say(longest)
        #expect(chat.state.slots["patient.name"] == .text(longest))
    }

    // MARK: - Control characters and escape sequences

    @Test(arguments: ["y\u{0}es", "\u{0}\u{0}yes\u{0}", "yes\u{7}", "\u{8}yes", "ye\u{7F}s", "yes\u{85}", "\u{9B}yes"])
    func controlCharactersAreDropped(_ line: String) throws {
        var chat = try chat()
        chat.say(line)
        #expect(chat.state.slots["consent"] == .bool(true))
        #expect(chat.node == "main.ask_who")
    }

    @Test(arguments: ["\u{0}", "\u{1}\u{2}\u{3}", "\u{1B}[2J", "\u{1B}]0;title\u{7}", "\u{7F}\u{9F}"])
    func onlyControlCharactersIsLikeAnEmptyLine(_ line: String) throws {
        var chat = try chat()
        let before = chat.state
        chat.say(line)
        #expect(chat.reply.first == "I didn't catch an answer.")
        #expect(chat.state == before)
    }

    @Test func escapeSequencesNeverReachOutputOrDocuments() throws {
        var chat = try chat()
        let inputs = [
            "\u{1B}[1myes\u{1B}[0m", "it's for my mom", "\u{1B}[31mRosa\u{1B}[0m\u{1B}]0;pwned\u{7}\u{1B}c",
            "United States", "she's 78", "yes", "serious illness, and I feel confused", "peace of mind",
            "\u{1B}[2J\u{1B}[HParkinson's \u{1B}[5mdisease\u{9B}", "no", "within days", "Medicaid",
            "Dr. \u{1B}[31mNguyen\u{1B}[0m at Lakeside Neurology\u{1B}", "no", "in person", "no", "yes", "skip",
            "quality of life, independence", "ready", "summary", "save",
        ]
        for input in inputs { chat.say(input) }
        #expect(chat.state.ended)
        #expect(chat.state.slots["patient.name"] == .text("Rosa"))
        #expect(chat.state.slots["diagnosis.words"] == .text("Parkinson's disease"))
        let texts = Self.texts(chat.all)
        #expect(texts.contains { $0.contains("Rosa") })
        #expect(texts.contains { $0.contains("Parkinson's disease") })
        // The cleaned answers reach the documents, both as shown and as saved.
        let documents = chat.all.compactMap { output -> String? in
            switch output {
            case .document(_, _, let markdown), .save(_, let markdown): return markdown
            default: return nil
            }
        }
        #expect(documents.count >= 2)
        #expect(documents.contains { $0.contains("for Rosa") && $0.contains("To: Dr. Nguyen\nLakeside Neurology") })
        #expect(documents.contains { $0.contains("review the diagnosis: Parkinson's disease") })
        for text in texts {
            #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" }, "\(text.debugDescription)")
        }
    }

    @Test func bidiOverridesAreRemovedFromFreeText() throws {
        var chat = try chat()
        chat.say("yes")
        chat.say("someone I care for")
        chat.say("Ro\u{202E}asr\u{202C}a \u{2066}x\u{2069}")
        #expect(chat.state.slots["patient.name"] == .text("Roasra x"))
    }

    // MARK: - Unicode

    @Test func invalidUTF8IsDecodedLikeThePlainReaderDoes() throws {
        var chat = try chat()
        chat.say(String(decoding: [0xFF, 0xFE, 0x79, 0x65, 0x73, 0xC3], as: UTF8.self))
        #expect(chat.state.slots["consent"] == .bool(true))
        chat.say("someone I care for")
        let name = String(decoding: [0x52, 0x6F, 0xE9, 0x73, 0x61, 0x80], as: UTF8.self)
        chat.say(name)
        #expect(chat.state.slots["patient.name"] == .text("Ro\u{FFFD}sa\u{FFFD}"))
        #expect(chat.node == "main.ask_country")
    }

    @Test func emojiAloneIsNotAnAnswerButEmojiAroundOneIs() throws {
        var chat = try chat()
        let before = chat.state
        chat.say("👍")
        #expect(chat.node == "main.note")
        #expect(chat.state.attempts == before.attempts + 1)
        #expect(!chat.reply.isEmpty)
        chat.say("yes 👍🏽")
        #expect(chat.state.slots["consent"] == .bool(true))
        chat.say("🧑‍🦳 my dad 👨‍👩‍👧")
        #expect(chat.state.slots["who"] == .choice("carer"))
        chat.say("Papa 🐻")
        #expect(chat.state.slots["patient.name"] == .text("Papa 🐻"))
        #expect(chat.reply.contains { $0.contains("Papa 🐻") })
    }

    @Test func rightToLeftTextIsKeptAsTyped() throws {
        var chat = try chat()
        chat.say("yes")
        chat.say("someone I care for")
        chat.say("שרה כהן")
        #expect(chat.state.slots["patient.name"] == .text("שרה כהן"))
        #expect(chat.reply.contains { $0.contains("שרה כהן") })
        // At a choice question, text in another script is not an answer: a re-prompt, not a crash.
        chat.say("المملكة المتحدة")
        #expect(chat.node == "main.ask_country")
        #expect(chat.state.attempts == 1)
    }

    @Test func combiningCharactersAreFoldedForMatching() throws {
        var chat = try chat()
        chat.say("ye\u{301}s")
        #expect(chat.state.slots["consent"] == .bool(true))
        chat.say("so\u{308}meone I care for")
        #expect(chat.state.slots["who"] == .choice("carer"))
        chat.say("Zoe\u{308}")
        #expect(chat.state.slots["patient.name"] == .text("Zoe\u{308}"))
        chat.say("U\u{308}nited Kingdo\u{301}m")
        #expect(chat.state.slots["country"] == .choice("uk"))
    }

    // MARK: - Commands inside sentences

    /// Answers that lead to `diagnosis.ask_words`, a free-text question.
    static let toTheDiagnosisQuestion = ["yes", "me", "United States", "serious illness, and I feel confused", "peace of mind"]

    @Test(arguments: [
        "I need help with my records", "I want to go back to my old doctor", "a swollen knee and nobody knows why",
        "trying to save my knee", "a summary of my scans", "I'd like to restart treatment", "quit smoking",
    ])
    func commandWordInsideASentenceIsAnAnswer(_ sentence: String) throws {
        var chat = try chat()
        for input in Self.toTheDiagnosisQuestion { chat.say(input) }
        #expect(chat.node == "diagnosis.ask_words")
        chat.say(sentence)
        // Recorded as an answer: the sentence, or the value taken out of it ("a summary of my scans" →
        // "summary of my scans").
        guard case .text(let recorded)? = chat.state.slots["diagnosis.words"] else {
            Issue.record("no answer recorded for '\(sentence)'")
            return
        }
        #expect(sentence.hasSuffix(recorded))
        #expect(chat.node != "diagnosis.ask_words")
        #expect(!chat.last.contains(.quit))
        #expect(!chat.last.contains { if case .save = $0 { return true } else { return false } })
    }

    @Test(arguments: ["help", "HELP", "help?", "  why  ", "summary"])
    func theCommandAloneIsACommand(_ command: String) throws {
        var chat = try chat()
        for input in Self.toTheDiagnosisQuestion { chat.say(input) }
        let before = chat.state
        chat.say(command)
        #expect(chat.state == before)
        // The command's answer, then the open question again (its text and options).
        let answer = chat.last.prefix { if case .text(_, .info) = $0 { true } else { false } }
        #expect(!answer.isEmpty)
        #expect(chat.last.dropFirst(answer.count).allSatisfy { if case .text(_, .say) = $0 { true } else if case .options = $0 { true } else { false } })
        #expect(chat.last.count > answer.count)
    }
}
