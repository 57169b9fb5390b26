import DialogLoading
import Testing

@testable import DialogCore

/// The command table (language data `commands`) and `CommandReader`: `asciiLookup` (the fast path over an
/// ASCII line's bytes, built from the same phrases) against `read(slow:)` (the general reading): wherever
/// the fast path decides, it decides as the general reading does.
@Suite struct CommandTests {
    /// The shipped table (`Dialogs/language/en/words.json`).
    static let shipped: CommandTable = DialogLoader.load(paths: [Fixtures.dialogs]).graph?.commands ?? .defaults
    /// The engine's reader, and the REPL's (the engine's commands and `reload`, `save transcript`).
    static let engine = CommandReader(shipped, accepting: CommandName.engine)
    static let driver = CommandReader(shipped, accepting: Set(CommandName.allCases))
    static let readers = [engine, driver]

    /// Checks one input; returns whether the fast path decided it.
    @discardableResult
    static func agree(_ text: String, _ reader: CommandReader, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let slow = reader.read(slow: text)
        switch reader.asciiLookup(text) {
        case .found(let command):
            #expect(
                slow == command, "\(text.debugDescription): fast \(command), slow \(String(describing: slow))",
                sourceLocation: sourceLocation)
            return true
        case .none:
            #expect(
                slow == nil, "\(text.debugDescription): fast none, slow \(String(describing: slow))",
                sourceLocation: sourceLocation)
            return true
        case .undecided:
            return false
        }
    }

    /// Whether a line starts with the words of a phrase that takes a file: the fast path leaves those to
    /// the general reading.
    static func startsWithFileWords(_ text: String) -> Bool {
        let line = text.lowercased().trimmingBlanks()
        return shipped.phrases.contains { $0.takesFile && line.hasPrefix($0.words + " ") }
    }

    @Test func theShippedDataGivesEveryCommandItsPhrases() {
        let words = Dictionary(grouping: Self.shipped.phrases, by: \.command).mapValues { $0.map(\.words) }
        #expect(Set(words.keys) == Set(CommandName.allCases))
        #expect(words[.back] == ["back", "undo", "go back"])
        #expect(Self.shipped.phrases.filter(\.takesFile).map(\.command) == [.save, .saveTranscript])
        #expect(Self.shipped.shown(.saveTranscript) == "save transcript")
    }

    @Test func everyCommandPhraseIsFoundByBoth() {
        for phrase in Self.shipped.phrases where !phrase.takesFile {
            let text = phrase.words
            for variant in [
                text, text.uppercased(), " \(text)?", "\t\(text.capitalized)!\t", "\(text) ...", "\(text)?!",
            ] {
                for (reader, acceptsAll) in [(Self.engine, false), (Self.driver, true)] {
                    let accepted = acceptsAll || CommandName.engine.contains(phrase.command)
                    let expected = accepted ? Command(phrase.command) : nil
                    let decided = Self.agree(variant, reader)
                    #expect(decided || Self.startsWithFileWords(variant), "\(variant.debugDescription)")
                    #expect(reader.read(variant) == expected, "\(variant.debugDescription)")
                    #expect(reader.read(slow: variant) == expected, "\(variant.debugDescription)")
                }
            }
        }
    }

    @Test func aFileFollowsTheWordsOfAPhraseThatTakesOne() {
        #expect(Self.engine.read("save notes.md") == Command(.save, file: "notes.md"))
        #expect(Self.engine.read("SAVE ./My Notes") == nil)  // two words after "save": an answer
        #expect(Self.engine.read("Save ~/notes") == Command(.save, file: "~/notes"))
        #expect(Self.engine.read("save my records") == nil)
        // The longer phrase first: the REPL's transcript, and for the engine not a command at all.
        #expect(Self.driver.read("save transcript t.transcript") == Command(.saveTranscript, file: "t.transcript"))
        #expect(Self.engine.read("save transcript t.transcript") == nil)
        #expect(Self.driver.read("save transcript") == Command(.saveTranscript))
        #expect(Self.engine.read("save transcript") == nil)
        #expect(Self.driver.read("save transcript.md") == Command(.save, file: "transcript.md"))
        #expect(Self.driver.command(in: "save transcript \u{1B}[31mt.txt") == Command(.saveTranscript, file: "t.txt"))
    }

    @Test func nearMissesAndSentencesAreNotCommands() {
        let inputs = [
            "", " ", "\t", "?", "...", "helpme", "help me", "I need help", "quitting", "back pain", "why not",
            "save", "save notes.md", "save transcript t.txt", "save transcript notes", "SAVE ", "sav", "h elp", "help\t?",
            "help\n", "start  over", "go\tback", "whyy", "exit.", ".exit", "? menu ?", "hlep", "qiut", "reload please",
        ]
        for input in inputs {
            for reader in Self.readers { Self.agree(input, reader) }
        }
        for typo in ["hlep", "qiut", "go bak", "relaod", "I need help with records"] {
            #expect(Self.driver.read(typo) == nil, "\(typo)")
        }
    }

    /// Inputs made from the command phrases by random edits (case, blanks, punctuation, a letter added,
    /// dropped or changed, a word joined), and random strings over their letters.
    @Test func generatedInputsAgree() {
        let phrases = Self.shipped.phrases.map { $0.words + ($0.takesFile ? " notes.md" : "") }
        for reader in Self.readers {
            var random = SplitMix64(seed: 16)
            let alphabet = Array("abcdeghiklmnopqrstuvwyABEGHQSW  \t?!./-1é\u{00A0}")
            var decided = 0
            var ascii = 0
            let count = 20_000
            for n in 0..<count {
                var chars: [Character]
                if n % 4 == 3 {
                    chars = (0..<random.pick(12)).map { _ in alphabet[random.pick(alphabet.count)] }
                } else {
                    chars = Array(phrases[random.pick(phrases.count)])
                    for _ in 0..<random.pick(3) {
                        let at = random.pick(chars.count + 1)
                        switch random.pick(6) {
                        case 0: chars.insert(alphabet[random.pick(alphabet.count)], at: at)
                        case 1: if at < chars.count { chars.remove(at: at) }
                        case 2: if at < chars.count { chars[at] = alphabet[random.pick(alphabet.count)] }
                        case 3: chars = Array(String(chars).uppercased())
                        case 4: chars.insert(contentsOf: [" ", "\t", "?", "."][random.pick(4)], at: 0)
                        default: chars += ["?", "!", " ", "\t", " now", "s"][random.pick(6)]
                        }
                    }
                }
                let text = String(chars)
                if Self.agree(text, reader) { decided += 1 }
                if text.utf8.allSatisfy({ $0 < 0x80 }) && !Self.startsWithFileWords(text) { ascii += 1 }
            }
            // Every ASCII line that does not start with the words of a phrase that takes a file is decided by
            // the fast path.
            #expect(decided == ascii)
            #expect(ascii > count / 2)
        }
    }

    /// Without language data (or for a command the data leaves out) a command answers to its name.
    @Test func aCommandLeftOutAnswersToItsName() {
        let reader = CommandReader(.defaults, accepting: Set(CommandName.allCases))
        #expect(reader.read("help") == Command(.help))
        #expect(reader.read("go back") == nil)
        #expect(reader.read("save transcript t.txt") == Command(.saveTranscript, file: "t.txt"))
        let back = [CommandTable.Phrase(command: .back, words: "zurück", takesFile: false)]
        let german = CommandReader(CommandTable(declared: [.back: back]), accepting: CommandName.engine)
        #expect(german.read("Zurück!") == Command(.back))
        #expect(german.asciiLookup("back") == .none)
        #expect(german.read("quit") == Command(.quit))
    }

    @Test func writtenPhrasesAreReadAsTypedLinesAre() throws {
        #expect(try CommandTable.Phrase.parse("  Go   Back? ", for: .back).get().words == "go back")
        #expect(try CommandTable.Phrase.parse("Save  FILE", for: .save).get() == .init(command: .save, words: "save", takesFile: true))
        #expect(CommandTable.Phrase.parse(" ?! ", for: .help) == .failure(.empty))
        #expect(CommandTable.Phrase.parse("FILE", for: .save) == .failure(.empty))
        #expect(CommandTable.Phrase.parse("FILE save", for: .save) == .failure(.fileNotLast))
        #expect(CommandTable.Phrase.parse("help FILE", for: .help) == .failure(.takesNoFile))
    }
}
