import DialogCore

/// Scores the understanding corpus (`Tests/Understanding/`): red-flag recall per category and false
/// alarms per kind of context, and how answers were read, each from running the line through the real
/// engine at its prompt (`UnderstandingProbe`). The format of the files is in the corpus's README.
package struct UnderstandingScore: Sendable {
    /// Red flags.
    package var emergencies = 0
    package var noticed = 0
    package var noticedByCategory: [String: (Int, Int)] = [:]
    package var wrongCategory = 0
    package var nearMisses = 0
    package var falseAlarms = 0
    package var falseAlarmsByContext: [String: (Int, Int)] = [:]
    package var checksOnNearMisses = 0
    package var checkCases = 0
    package var checksAsked = 0
    package var alarmsForChecks = 0
    package var missedChecks = 0
    package var numbersChecked = 0
    package var wrongNumbers = 0
    /// Answers.
    package var answers = 0
    package var correct = 0
    package var recordedWrongly = 0
    package var askedAgain = 0
    package var ambiguous = 0
    package var guessed = 0
    /// Answers by the kind of question (`bool`, `choice`, `multi`, `number`, `text`, `country`): total,
    /// correct, recorded wrongly, asked again. Figures only, so a held-out part can say where it lags
    /// without showing its lines.
    package var answersByKind: [String: (total: Int, correct: Int, wrong: Int, asked: Int)] = [:]
    package var failures: [String] = []

    package init() {}

    package var recall: Double { emergencies == 0 ? 1 : Double(noticed) / Double(emergencies) }
    package var falseAlarmRate: Double { nearMisses == 0 ? 0 : Double(falseAlarms) / Double(nearMisses) }
    package var correctRate: Double { answers == 0 ? 1 : Double(correct) / Double(answers) }
    package var wrongRate: Double { answers == 0 ? 0 : Double(recordedWrongly) / Double(answers) }
    package var guessRate: Double { answers == 0 ? 0 : Double(guessed) / Double(answers) }

    /// The main emergency numbers, to tell a wrong one from a missing one.
    static let knownNumbers = ["911", "999", "112", "000", "111", "119", "120", "190", "192", "10177", "15"]

    /// Scores one red-flag file's lines.
    package mutating func scoreRedFlags(_ text: String, file: String, probe: UnderstandingProbe) {
        for (lineNumber, fields) in Self.rows(text, columns: 5) {
            let (expect, context, country, at, line) = (fields[0], fields[1], fields[2], fields[3], fields[4])
            guard let node = NodeID(qualified: at) else {
                failures.append("\(file):\(lineNumber): no such prompt '\(at)'")
                continue
            }
            let code = country == "-" ? nil : country
            let outcome = probe.run(line, at: node, country: code)
            let where_ = "\(file):\(lineNumber)"
            if expect == "none" {
                nearMisses += 1
                var c = falseAlarmsByContext[context] ?? (0, 0)
                c.1 += 1
                if let alarm = outcome.alarm {
                    falseAlarms += 1
                    c.0 += 1
                    failures.append("\(where_): false alarm '\(alarm)' (\(context)): \(line)")
                } else if outcome.check != nil {
                    checksOnNearMisses += 1
                }
                falseAlarmsByContext[context] = c
            } else if expect.hasPrefix("check:") {
                checkCases += 1
                if outcome.check != nil {
                    checksAsked += 1
                } else if outcome.alarm != nil {
                    alarmsForChecks += 1
                } else {
                    missedChecks += 1
                    failures.append("\(where_): no check for '\(expect)': \(line)")
                }
            } else {
                emergencies += 1
                var c = noticedByCategory[expect] ?? (0, 0)
                c.1 += 1
                if let alarm = outcome.alarm {
                    noticed += 1
                    c.0 += 1
                    if alarm != expect { wrongCategory += 1 }
                    if let code, let number = probe.emergencyNumbers[code] {
                        numbersChecked += 1
                        let said = outcome.text
                        let others = Self.knownNumbers.filter { $0 != number && Self.containsNumber(said, $0) && !number.contains($0) }
                        if !Self.containsNumber(said, number) && !others.isEmpty {
                            wrongNumbers += 1
                            failures.append("\(where_): wrong number for \(code) (wanted \(number)): \(said.split(separator: "\n").last ?? "")")
                        }
                    }
                } else {
                    failures.append("\(where_): missed '\(expect)'\(outcome.check != nil ? " (asked instead)" : ""): \(line)")
                }
                noticedByCategory[expect] = c
            }
        }
    }

    /// Scores one answer file's lines.
    package mutating func scoreAnswers(_ text: String, file: String, probe: UnderstandingProbe) {
        for (lineNumber, fields) in Self.rows(text, columns: 3) {
            let (at, expect, line) = (fields[0], fields[1], fields[2])
            guard let node = NodeID(qualified: at), let question = probe.engine.graph.nodes[node]?.question else {
                failures.append("\(file):\(lineNumber): no such question '\(at)'")
                continue
            }
            answers += 1
            let where_ = "\(file):\(lineNumber)"
            let country = at == "main.ask_country" ? nil : "us"
            let outcome = probe.run(line, at: node, country: country)
            let got = Self.describe(outcome, slot: question.slot)
            let ok: Bool
            switch expect {
            case "ask":
                ambiguous += 1
                ok = outcome.askedAgain
                if !ok && outcome.moved { guessed += 1 }
            case "faq":
                ok = outcome.commonQuestion != nil
            case "skip":
                ok = outcome.moved && outcome.recorded == nil
            case "yes" where outcome.alarm != nil, "no" where outcome.alarm != nil:
                // An alarm is right where the answer itself leads to that alarm's advice: "yes, her lips
                // are swelling" to "is this happening now?" goes where "yes" goes there.
                let target = outcome.alarm.flatMap(probe.alarmTarget)
                ok = target.map { probe.run(expect, at: node, country: country).entered.contains($0) } ?? false
            default:
                ok = outcome.moved && Self.matches(expect, outcome, slot: question.slot, groups: probe.countryGroups)
            }
            let kind = question.slot == "country" ? "country" : (probe.engine.graph.slots[question.slot]?.type.name ?? "?")
            answersByKind[kind, default: (0, 0, 0, 0)].total += 1
            if ok {
                correct += 1
                answersByKind[kind]!.correct += 1
            } else if outcome.askedAgain {
                askedAgain += 1
                answersByKind[kind]!.asked += 1
                failures.append("\(where_): asked again, wanted \(expect): \(line)")
            } else if expect != "ask" && (outcome.moved || outcome.alarm != nil || outcome.check != nil) {
                recordedWrongly += 1
                answersByKind[kind]!.wrong += 1
                failures.append("\(where_): got \(got), wanted \(expect): \(line)")
            } else {
                failures.append("\(where_): got \(got), wanted \(expect): \(line)")
            }
        }
    }

    static func describe(_ o: UnderstandingProbe.Outcome, slot: String) -> String {
        if let a = o.alarm { return "alarm \(a)" }
        if let c = o.check { return "check \(c)" }
        if let q = o.commonQuestion { return "common question \(q)" }
        if o.askedAgain { return "asked again" }
        return o.recorded.map(\.literal) ?? "skipped"
    }

    static func matches(_ expect: String, _ o: UnderstandingProbe.Outcome, slot: String, groups: [String: String]) -> Bool {
        guard let value = o.recorded else { return false }
        if expect.hasPrefix("=") {
            guard case .text(let got) = value else { return false }
            let wanted = clean(String(expect.dropFirst()))
            // A person's name read out of the answer (`<slot>.name`, what the letters greet) is what was
            // recorded for them: "Dr Patel at the cardiology clinic" keeps the clinic for the letter's
            // address and records "Dr Patel" as the name.
            if case .text(let name)? = o.slots[slot + ".name"], clean(name) == wanted { return true }
            return clean(got) == wanted
        }
        switch value {
        case .bool(let b): return expect == (b ? "yes" : "no")
        case .number(let n): return Double(expect).map { abs($0 - n) < 0.01 } ?? false
        case .choice(let c):
            if slot == "country" {
                if case .text(let code)? = o.slots["country.code"] { return code == expect }
                return groups[expect].map { $0 == c } ?? (c == "other")
            }
            return c == expect
        case .set(let values):
            // "none": the person said that none of the options apply (an empty set, not a skip).
            if expect == "none" { return values.isEmpty }
            return Set(values) == Set(expect.split(separator: "+").map(String.init))
        case .text(let t): return clean(t) == clean(expect)
        }
    }

    /// Lowercased, without surrounding punctuation and quotes.
    /// A free-text value as compared: case, surrounding punctuation, apostrophes ("crohns" is the
    /// "crohn's" typed) and a leading article ("a rash on my arms") aside.
    static func clean(_ s: String) -> String {
        func isWordScalar(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c.properties.numericType != nil }
        var scalars = Array(s.lowercased().unicodeScalars).filter { $0 != "'" && $0 != "\u{2019}" }
        while let first = scalars.first, !isWordScalar(first) { scalars.removeFirst() }
        while let last = scalars.last, !isWordScalar(last) { scalars.removeLast() }
        let text = String(String.UnicodeScalarView(scalars))
        for article in ["a ", "an ", "the "] where text.hasPrefix(article) && text.count > article.count {
            return String(text.dropFirst(article.count))
        }
        return text
    }

    static func containsNumber(_ text: String, _ number: String) -> Bool {
        let t = Array(text.utf8)
        let n = Array(number.utf8)
        guard !n.isEmpty, t.count >= n.count else { return false }
        func isDigitOrDash(_ i: Int) -> Bool { i >= 0 && i < t.count && ((t[i] >= 0x30 && t[i] <= 0x39) || t[i] == UInt8(ascii: "-")) }
        for start in 0...(t.count - n.count) where t[start..<(start + n.count)].elementsEqual(n) {
            if !isDigitOrDash(start - 1) && !isDigitOrDash(start + n.count) { return true }
        }
        return false
    }

    /// The tab-separated rows of a corpus file: (line number, fields), comments and blank lines skipped.
    static func rows(_ text: String, columns: Int) -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: columns - 1, omittingEmptySubsequences: false).map(String.init)
            if fields.count == columns { out.append((i + 1, fields)) }
        }
        return out
    }

    /// The figures, as printed by `understand --eval`.
    package var report: String {
        func pct(_ a: Int, _ b: Int) -> String {
            guard b > 0 else { return "-" }
            let tenths = (2000 * a / b + 1) / 2
            return "\(tenths / 10).\(tenths % 10)%"
        }
        var lines: [String] = []
        if emergencies + nearMisses + checkCases > 0 {
            lines.append("red flags: \(noticed)/\(emergencies) emergencies noticed (\(pct(noticed, emergencies))), \(wrongCategory) under another category")
            for (category, (a, b)) in noticedByCategory.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(category): \(a)/\(b) (\(pct(a, b)))")
            }
            lines.append("false alarms: \(falseAlarms)/\(nearMisses) near misses (\(pct(falseAlarms, nearMisses))); asked 'is it now?' for \(checksOnNearMisses)")
            for (context, (a, b)) in falseAlarmsByContext.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(context): \(a)/\(b) (\(pct(a, b)))")
            }
            lines.append(
                "unclear timing: \(checksAsked)/\(checkCases) asked first (\(pct(checksAsked, checkCases))), \(alarmsForChecks) alarmed, \(missedChecks) missed")
            lines.append("numbers: \(wrongNumbers) wrong of \(numbersChecked) alarms checked")
        }
        if answers > 0 {
            lines.append(
                "answers: \(correct)/\(answers) correct (\(pct(correct, answers))), \(recordedWrongly) recorded wrongly (\(pct(recordedWrongly, answers))), \(askedAgain) asked again (\(pct(askedAgain, answers))), \(guessed) guessed on \(ambiguous) ambiguous (\(pct(guessed, answers)))")
            for (kind, k) in answersByKind.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(kind): \(k.correct)/\(k.total) correct, \(k.wrong) recorded wrongly, \(k.asked) asked again")
            }
        }
        return lines.joined(separator: "\n")
    }
}
