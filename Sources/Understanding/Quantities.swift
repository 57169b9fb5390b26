/// Words for amounts of time, as data (`"quantities"` in a language file): number words ("three",
/// "couple", "half"), time units in days ("fortnight": 14), and words that mark a number as something
/// else (an age, a weight, a temperature), so "I'm 45" is not 45 months.
public struct Quantities: Sendable {
    public var numbers: [String: Double] = [:]
    /// Time units, each in one common unit (the shipped data uses months).
    public var units: [String: Double] = [:]
    /// Words after a number that make it something other than a duration ("kg", "mg", "degrees", "over").
    public var otherUnits: Set<String> = []
    /// Words before a number that make it an age or a reading ("im", "aged", "fever", "temperature").
    public var otherLeads: Set<String> = []
    /// Words before a number that make it an age ("she's 52", "aged 70", "just turned two"): at a
    /// question counted in years, the answer; elsewhere something other than a duration.
    public var ageLeads: Set<String> = []
    /// Words before a number that make it the age to come ("turns 7 next month"): the age now is one less.
    public var ageNextLeads: Set<String> = []
    /// Words before a number that make it an age already reached, whatever follows it ("turned 81 in
    /// May" is 81, where "she's 81 in May" is the age to come).
    public var agePastLeads: Set<String> = []
    /// Words after a number that make it the age to come ("sixty nine next week", "9 in march"): the age
    /// now is one less. Only after a number with no time unit.
    public var ageNextTails: Set<String> = []
    /// Words joining two numbers into a range ("or", "to").
    public var rangeWords: Set<String> = []
    /// Words for a place in a list ("second", "3rd").
    public var ordinals: [String: Double] = [:]

    public init() {}

    public var isEmpty: Bool { units.isEmpty }
}

/// What a line says as an amount of time.
public enum DurationAnswer: Sendable, Hashable {
    /// In the units' common unit.
    case amount(Double)
    /// A number with no unit ("4 or 5" → 4.5), in the question's own unit.
    case bare(Double)
    /// A number that is an age, a weight, a reading: not an answer to "how long".
    case other
    /// A number given as an age ("she's 52", "turned 70"), with no other number beside it but readings.
    case age(Double)
    case none
}

extension Language {
    /// Reads a duration: "three and a half years", "a couple of years", "2 years 4 months" (added),
    /// "nine or ten months" and "6-8 months" (the middle), "half a year", "a fortnight"; a number that
    /// is an age or another unit ("I'm 45", "fever 39", "70 kg") is `.other`.
    public func readDuration(_ line: String) -> DurationAnswer {
        let q = spec.quantities
        guard !q.isEmpty else { return .none }
        var words: [String] = []
        for token in TextNormalizer.clauseTokens(line) {
            // "2,5 years": a comma between digits is a decimal point.
            if token.breakBefore == .soft, let last = words.last, Double(last) != nil, !last.contains("."),
                token.isNumber, token.text.count == 1, last.count <= 2
            {
                words[words.count - 1] = last + "." + token.text
                continue
            }
            // "4yrs", "18mo", "80kg": a number and its unit typed as one word.
            let text = token.text
            if let first = text.unicodeScalars.first, ("0"..."9").contains(first),
                let cut = text.unicodeScalars.firstIndex(where: { !("0"..."9").contains($0) && $0 != "." }),
                text.unicodeScalars[cut...].allSatisfy({ ("a"..."z").contains($0) })
            {
                words.append(String(text.unicodeScalars[..<cut]))
                words.append(String(text.unicodeScalars[cut...]))
                continue
            }
            words.append(text)
        }
        func number(_ i: Int) -> Double? {
            guard i >= 0, i < words.count else { return nil }
            if let d = Double(words[i]) { return d }
            return q.numbers[words[i]]
        }
        func unit(_ i: Int) -> Double? {
            guard i >= 0, i < words.count else { return nil }
            if let d = q.units[words[i]] { return d }
            // Plurals and typos of unit words ("years", "monthes").
            let base = self.base(of: words[i]).0
            return q.units[base] ?? (words[i].hasSuffix("s") ? q.units[String(words[i].dropLast())] : nil)
        }
        var total = 0.0
        var found = false
        var lastEnd = 0
        // Numbers with no time unit: plain ones, ages, and others (weights, readings).
        var plain: [Double] = []
        var ages: [Double] = []
        var others = 0
        var firstIsPlain = false
        var firstIsAge = false
        var i = 0
        while i < words.count {
            // Parts of one duration stand together ("2 years 4 months", "a year and a month"); a second
            // duration further on ("36 months, so three years") is not added.
            if found, words[lastEnd..<i].contains(where: { $0 != "and" }) { break }
            // "half a year", "half a month".
            if words[i] == "half", i + 2 < words.count, words[i + 1] == "a" || words[i + 1] == "an", let u = unit(i + 2) {
                total += 0.5 * u
                found = true
                i += 3
                lastEnd = i
                continue
            }
            guard var value = number(i) else {
                if words[i] == "-" { i += 1; continue }
                // "year and half", "year and a half" with no number before it.
                if let u = unit(i), i + 2 < words.count, words[i + 1] == "and",
                    words[i + 2] == "half" || (i + 3 < words.count && (words[i + 2] == "a" || words[i + 2] == "an") && words[i + 3] == "half")
                {
                    total += 1.5 * u
                    found = true
                    i += words[i + 2] == "half" ? 3 : 4
                    lastEnd = i
                    continue
                }
                // "a year", "a fortnight".
                if (words[i] == "a" || words[i] == "an"), let u = unit(i + 1) {
                    var amount = 1.0
                    var next = i + 2
                    // "a year and a half", "a year and a month" (the month is read on its own).
                    if next + 2 < words.count, words[next] == "and", words[next + 1] == "a" || words[next + 1] == "an", words[next + 2] == "half" {
                        amount += 0.5
                        next += 3
                    } else if next + 1 < words.count, words[next] == "and", words[next + 1] == "half" {
                        amount += 0.5
                        next += 2
                    }
                    // "a year or two": the middle of one and two.
                    if next + 1 < words.count, q.rangeWords.contains(words[next]), let upper = number(next + 1), unit(next + 2) == nil || unit(next + 2) == u {
                        amount = (amount + upper) / 2
                        next += unit(next + 2) == nil ? 2 : 3
                    }
                    total += amount * u
                    found = true
                    i = next
                    lastEnd = i
                    continue
                }
                i += 1
                continue
            }
            var j = i + 1
            // "twenty four", "twenty-four".
            if value >= 20, value < 100, value.truncatingRemainder(dividingBy: 10) == 0, let ones = number(j), ones < 10, ones >= 1,
                ones == ones.rounded()
            {
                value += ones
                j += 1
            }
            // "a couple of", "a few" read as a number; "of" after it is skipped.
            if j < words.count, words[j] == "of" { j += 1 }
            // "two and a half", "two and a quarter".
            if j + 2 < words.count, words[j] == "and", words[j + 1] == "a" || words[j + 1] == "an", let fraction = q.numbers[words[j + 2]], fraction < 1 {
                value += fraction
                j += 3
            }
            // A range: "nine or ten", "6-8", "3 to 4", "between 2 and 3".
            if j + 1 < words.count, q.rangeWords.contains(words[j]) || (words[j] == "and" && i > 0 && words[i - 1] == "between"),
                let upper = number(j + 1), upper > value
            {
                value = (value + upper) / 2
                j += 2
            } else if j < words.count, let upper = number(j), Double(words[j]) != nil, Double(words[i]) != nil, upper > value, unit(j + 1) != nil,
                line.contains("-")
            {
                // "6-8 months": the dash is not a word.
                value = (value + upper) / 2
                j += 1
            }
            if let u = unit(j) {
                total += value * u
                found = true
                i = j + 1
                lastEnd = i
                continue
            }
            // A number with no time unit that is something else: a weight, a reading, an age. It is
            // passed over: another number may be the answer ("9, he's about 30 kg").
            let lead = i > 0 ? words[i - 1] : ""
            let first = plain.isEmpty && ages.isEmpty && others == 0
            let ranged = j - i > 1 && words[i + 1..<j].contains(where: { q.rangeWords.contains($0) || $0 == "-" })
            if (j < words.count && q.otherUnits.contains(words[j])) || q.otherLeads.contains(lead) {
                // A reading, a dose or an age before any duration ("fever 39 for 2 days", "started on
                // 20mg, it's been 5 months", "I'm 45"): asked again; after one, passed over.
                if !found && !firstIsPlain && !firstIsAge { return .other }
                others += 1
            } else if q.ageLeads.contains(lead) || q.agePastLeads.contains(lead) || q.ageNextLeads.contains(lead)
                || (j < words.count && q.ageNextTails.contains(words[j]))
            {
                // An age given as a range ("she is 80 or 81") is asked again.
                if ranged { others += 1; i = j; continue }
                if first { firstIsAge = true }
                let next = !q.agePastLeads.contains(lead)
                    && (q.ageNextLeads.contains(lead) || (j < words.count && q.ageNextTails.contains(words[j])))
                ages.append(next ? value - 1 : value)
            } else {
                if first { firstIsPlain = true }
                plain.append(value)
            }
            i = j
        }
        if found { return .amount(total) }
        // Without a time unit, the answer is the first number, with readings only after it ("14, she
        // weighs about 50 kilos"); a reading first ("fever 39") is asked again.
        if others + ages.count > 0 {
            if firstIsPlain, plain.count == 1, ages.isEmpty { return .bare(plain[0]) }
            if firstIsAge, plain.isEmpty, ages.count == 1 { return .age(ages[0]) }
            // The age to come, then the age now: "turning 80 next month, so 79".
            if firstIsAge, others == 0, let age = ages.first, (ages + plain).allSatisfy({ $0 == age }) { return .age(age) }
            return .other
        }
        // "4 or 5", "6 to 8": a range with no unit is the middle, in the question's own unit.
        let numbers = words.compactMap { Double($0) ?? q.numbers[$0] }
        if numbers.count == 2, words.count <= 4, words.contains(where: { q.rangeWords.contains($0) }) || line.contains("-"),
            numbers[1] > numbers[0]
        {
            return .bare((numbers[0] + numbers[1]) / 2)
        }
        return .none
    }
}

extension Language {
    /// The place in a list a short answer names: "the second one" → 2, "3rd" → 3, "the last one" →
    /// `count` (concept `option_last`). Only in a short line, and never before another word ("a second
    /// opinion" names no option).
    public func ordinal(in line: String, count: Int) -> Int? {
        let tokens = TextNormalizer.tokens(line)
        guard !tokens.isEmpty, tokens.count <= 4 else { return nil }
        // The words first: most lines are not made of them, and need no preparing for `option_last`.
        if tokens.allSatisfy({ ["the", "last", "one", "option", "choice", "please"].contains($0) }), !concepts(["option_last"], in: line).isEmpty {
            return count
        }
        for (i, token) in tokens.enumerated() {
            guard let n = spec.quantities.ordinals[token] else { continue }
            let after = tokens[(i + 1)...]
            guard after.allSatisfy({ ["one", "option", "choice", "please"].contains($0) }) else { return nil }
            let value = Int(n)
            return value >= 1 && value <= count ? value : nil
        }
        return nil
    }
}

extension Language {
    /// The options an answer opens with by their place in the list: "2 and 3 i suppose. surgeon wants
    /// to operate", "First one and third one.", "number 1 lol", "the first two", "second and last one".
    /// Numbers, ordinals (`quantities.ordinals`), number words and the last one (`option_last`), joined
    /// by `option_list_join` words, after `option_list_lead` words ("number", "options"), with
    /// `option_list_tail` words after them ("i think", "lol"). The list must end the line or stop at
    /// punctuation: "2 weeks ago …" names no option. Nil when the answer does not open so, or names a
    /// place the list does not have.
    public func optionPositions(_ line: PreparedLine, count: Int) -> [Int]? {
        optionList(line, count: count)?.positions
    }

    /// `optionPositions`, with the words the list takes up (from the first word).
    public func optionList(_ line: PreparedLine, count: Int) -> (positions: [Int], words: Range<Int>)? {
        let tokens = line.tokens
        guard !tokens.isEmpty, count > 0 else { return nil }
        var matcher = Matcher(language: self, line: line)
        var i = 0
        func skip(_ name: String) -> Bool {
            guard i < tokens.count, let c = conceptIndex[name], let end = concept(c, at: i, &matcher), end > i else { return false }
            i = end
            return true
        }
        func number(_ text: String) -> Int? {
            if Lexicon.isDigits(text) { return Int(text) }
            guard let n = spec.quantities.numbers[text], n == n.rounded(), text.count > 2 || text == "one" || text == "two" || text == "six" || text == "ten" else { return nil }
            return text == "couple" || text == "dozen" || text == "single" ? nil : Int(n)
        }
        while skip("option_list_lead") {}
        var positions: [Int] = []
        var afterItem = false
        while i < tokens.count {
            if !positions.isEmpty, i > 0, tokens[i].breakBefore == .hard { break }
            let text = tokens[i].text
            if afterItem, skip("option_list_item") { continue }
            if !positions.isEmpty, skip("option_list_join") {
                afterItem = false
                continue
            }
            if let o = spec.quantities.ordinals[text].map({ Int($0) }) {
                // "the first two", "first 3".
                if o == 1, i + 1 < tokens.count, let k = number(tokens[i + 1].text), k >= 2 {
                    guard k <= count else { return nil }
                    positions += Array(1...k)
                    i += 2
                } else {
                    guard o <= count else { return nil }
                    positions.append(o)
                    i += 1
                }
                afterItem = true
                continue
            }
            if let last = conceptIndex["option_last"], let end = concept(last, at: i, &matcher), end > i {
                // "the last two": the places at the end of the list.
                if end < tokens.count, let k = number(tokens[end].text), k >= 2, tokens[end - 1].text == "last" {
                    guard k <= count else { return nil }
                    positions += Array((count - k + 1)...count)
                    i = end + 1
                } else {
                    positions.append(count)
                    i = end
                }
                afterItem = true
                continue
            }
            // ("1 & 2": the symbol is not a word, so two numbers in a row are a list.)
            if !afterItem || tokens[i].breakBefore != .none || (Lexicon.isDigits(text) && Lexicon.isDigits(tokens[i - 1].text)), let n = number(text) {
                guard n >= 1, n <= count else { return nil }
                positions.append(n)
                i += 1
                afterItem = true
                continue
            }
            break
        }
        guard !positions.isEmpty else { return nil }
        let listEnd = i
        while skip("option_list_tail") {}
        guard i == tokens.count || tokens[i].breakBefore != .none else { return nil }
        // "the second one... no sorry, the first": a correction after the list is read as words.
        if let correction = conceptIndex["text_correction"], (i..<tokens.count).contains(where: { concept(correction, at: $0, &matcher) != nil }) {
            return nil
        }
        var seen = Set<Int>()
        return (positions.filter { seen.insert($0).inserted }, 0..<listEnd)
    }
}
