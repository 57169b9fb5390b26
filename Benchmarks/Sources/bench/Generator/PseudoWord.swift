/// Made-up but pronounceable words ("bakelo"), one for each number, for phrases that must be unique
/// across a very large dialog set (interrupt keywords).
enum PseudoWord {
    private static let consonants = Array("bdfgklmnprtvz")
    private static let vowels = Array("aeiou")

    static func make(_ n: Int) -> String {
        var n = n
        var word = ""
        for _ in 0..<3 {
            let syllable = n % (consonants.count * vowels.count)
            n /= consonants.count * vowels.count
            word.append(consonants[syllable / vowels.count])
            word.append(vowels[syllable % vowels.count])
        }
        return word
    }
}
