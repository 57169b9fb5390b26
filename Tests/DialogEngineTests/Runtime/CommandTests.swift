import Testing

@testable import DialogCore

/// `Command.asciiLookup` (the fast path over an ASCII line's bytes) against `Command(slow:)` (the general
/// reading): wherever the fast path decides, it decides as the general reading does.
@Suite struct CommandTests {
    /// Checks one input; returns whether the fast path decided it.
    @discardableResult
    static func agree(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let slow = Command(slow: text)
        switch Command.asciiLookup(text) {
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

    @Test func everyCommandPhraseIsFoundByBoth() {
        for (text, command) in Command.phrases {
            for variant in [
                text, text.uppercased(), " \(text)?", "\t\(text.capitalized)!\t", "\(text) ...", "\(text)?!",
            ] {
                // Only a line that starts with "save " is left to the general reading.
                let decided = Self.agree(variant)
                #expect(
                    decided || variant.lowercased().trimmingBlanks().hasPrefix("save "), "\(variant.debugDescription)")
                #expect(Command(variant) == command, "\(variant.debugDescription)")
                #expect(Command(slow: variant) == command, "\(variant.debugDescription)")
            }
        }
    }

    @Test func nearMissesAndSentencesAreNotCommands() {
        let inputs = [
            "", " ", "\t", "?", "...", "helpme", "help me", "I need help", "quitting", "back pain", "why not",
            "save", "save notes.md", "save transcript t.txt", "SAVE ", "sav", "h elp", "help\t?", "help\n",
            "start  over", "go\tback", "whyy", "exit.", ".exit", "? menu ?",
        ]
        for input in inputs { Self.agree(input) }
    }

    /// Inputs made from the command phrases by random edits (case, blanks, punctuation, a letter added,
    /// dropped or changed, a word joined), and random strings over their letters.
    @Test func generatedInputsAgree() {
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
                chars = Array(Command.phrases[random.pick(Command.phrases.count)].text)
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
            if Self.agree(text) { decided += 1 }
            if text.utf8.allSatisfy({ $0 < 0x80 }) && !text.lowercased().trimmingBlanks().hasPrefix("save ") {
                ascii += 1
            }
        }
        // Every ASCII line that does not start with "save " is decided by the fast path.
        #expect(decided == ascii)
        #expect(ascii > count / 2)
    }
}
