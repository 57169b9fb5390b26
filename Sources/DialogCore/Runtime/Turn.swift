import Understanding
/// The work of one `Engine.step`: a mutable scratch value that lives for one call only.
struct Turn {
    /// Where a named person works, from the words of `kept` after their `name` ("Dr. Okafor, cardiology"
    /// → "cardiology", "Dr. Feldman at Banner urology" → "Banner urology", "DR SMITH ST MARYS HOSPITAL" →
    /// "ST MARYS HOSPITAL"); nil when nothing follows the name, or what follows describes them ("who …").
    static func placeAfter(name: String, in kept: String) -> String? {
        let nameWords = name.split(separator: " ").count
        var rest = Array(kept.split(separator: " ").dropFirst(nameWords))
        let leads: Set<String> = ["at", "from", "in", "of", "with", "@", "-", "–", "—"]
        while let first = rest.first, leads.contains(first.lowercased()) { rest.removeFirst() }
        let describing: Set<String> = [
            "who", "whos", "who's", "is", "was", "she", "he", "they", "she's", "he's", "shes", "hes", "that", "which", "but",
            "and", "said", "says", "told", "thinks", "think", "i", "my", "our", "a", "an",
        ]
        guard let first = rest.first, !describing.contains(first.lowercased().filter { !",.;:".contains($0) }) else { return nil }
        // A role, not a place ("Dr Chen, the geriatrician"); a role and then where ("orthopaedic surgeon at
        // Waikato Hospital") keeps where.
        func isRole(_ word: Substring) -> Bool {
            let w = word.lowercased().filter(\.isLetter)
            return w.hasSuffix("ist") || w.hasSuffix("ists") || w.hasSuffix("ician") || w.hasSuffix("geon") || w.hasSuffix("geons")
                || ["doctor", "gp", "consultant", "registrar", "nurse", "physio", "specialist", "the", "my", "our", "her", "his"].contains(w)
        }
        if let at = rest.firstIndex(where: { ["at", "from", "in"].contains($0.lowercased()) }), at > 0, at + 1 < rest.count,
            isRole(rest[at - 1])
        {
            rest = Array(rest[(at + 1)...])
        } else if rest.allSatisfy(isRole) || (rest.count <= 3 && rest.last.map(isRole) == true) {
            return nil
        }
        var place = rest.joined(separator: " ")
        while let mark = place.first, [",", ";", ":", "(", "-"].contains(mark) || mark == " " { place.removeFirst() }
        while let mark = place.last, [",", ";", ":", ")", ".", "!", "?"].contains(mark) || mark == " " { place.removeLast() }
        return place.contains(where: \.isLetter) ? place : nil
    }

    let program: EngineProgram
    /// `Engine.tracing`.
    let tracing: Bool
    var state: EngineState
    var outputs: [Output] = []
    private var steps = 0
    /// The typed line's words as the understanding layer prepared them (nil without language data).
    private var line: PreparedLine?
    /// What the reading understood of an answer it could not use ("both a yes and a no", "not
    /// surgery"), said before the question is asked again.
    private var heard: String?
    /// A line whose check was answered "not now", to read again as the answer once the walk stops.
    private var answerAgain: String?
    /// An answer was recorded in this step.
    private var answered = false
    /// The line is read as an answer only: its red flags were checked already.
    private var redFlagsRead = false
    /// A `pause` node was passed: the step ends with `.quit`, the conversation kept.
    private var pausing = false

    init(program: EngineProgram, tracing: Bool, state: consuming EngineState) {
        self.program = program
        self.tracing = tracing
        self.state = state
    }

    private var graph: DialogGraph { program.graph }

    // MARK: - Starting

    mutating func begin() {
        let rng = state.rng
        // The trace holds nothing of this step yet (`start` and `restart` come first), only what a
        // replay keeps of earlier steps.
        let trace = state.trace
        state = EngineState(seed: 0)
        state.rng = rng
        state.trace = trace
        run(program.entry >= 0 ? .enter(program.entry) : .missing(graph.entry))
    }

    mutating func repeatQuestion() {
        if let id = state.position { run(reaskMove(id)) }
    }

    /// What is left once the walk has stopped: a line whose check was answered "not now" is read
    /// again as the answer to its question, and a pause ends the step as `quit` does.
    mutating func settle() {
        if let line = answerAgain {
            answerAgain = nil
            readAgain(line)
        }
        if pausing {
            pausing = false
            outputs.append(.quit)
        }
    }

    /// Reads `line` at the open question, its red flags set aside: kept when it is an answer the question
    /// can use (with a note saying so), else the question is asked again as if the line had not been read.
    private mutating func readAgain(_ line: String) {
        guard let id = state.position else { return }
        let before = self
        let mark = outputs.count
        answered = false
        redFlagsRead = true
        handle(line)
        redFlagsRead = false
        if answered {
            outputs.insert(.text(graph.messages[.keptAfterCheck], .info), at: mark)
        } else {
            self = before
            run(reaskMove(id))
        }
    }

    // MARK: - A typed line

    mutating func handle(_ raw: String) {
        // Characters never outnumber bytes, so most lines skip counting Characters. Bytes are checked
        // first: one character can hold a million scalars, and counting those is slow.
        if raw.utf8.count > Engine.maxInputCharacters,
            raw.utf8.count > Engine.maxInputBytes || raw.count > Engine.maxInputCharacters
        {
            let count = raw.utf8.count > Engine.maxInputBytes ? "" : " (\(raw.count) characters)"
            say(graph.messages.text(.tooLong, ["count": count, "limit": "\(Engine.maxInputCharacters)"]), .alert)
            return
        }
        let text = InputCleaner.clean(raw)
        if let command = program.commands.read(text) {
            perform(command)
            return
        }
        // Red flags first, on every line at every prompt, with their context: a line that raises one is
        // never read as an answer.
        let language = text.isEmpty ? nil : graph.language?.language
        // The line's words, worked out once for every reading below.
        let prepared = language?.prepare(text)
        line = prepared
        if !redFlagsRead, let language, let prepared, redFlag(language.read(prepared), text: text) { return }
        guard !state.ended, let id = state.position, let at = program.position(of: id),
            let question = program.step(at).node.question
        else {
            say(graph.messages[.conversationEnded], .info)
            return
        }
        // The step holds the slot type (`graph.slotType(question.slot)`), looked up when it was made.
        let step = program.step(at)
        if text.isEmpty {
            say(graph.messages[.answerEmpty], .reprompt)
            reprompt(question, at: step)
            return
        }
        let tokens = TextNormalizer.tokens(text)
        if interrupt(tokens, at: id, urgent: true) { return }
        if question.place, let places = graph.language?.language.places, !Self.looksLikeQuestion(text, tokens) {
            // A correction's place wins: "Ireland - well, Northern Ireland actually, Belfast".
            let corrected = graph.language?.language.afterCorrection(text).map { places.find(in: $0) }
            let found: Places.Found
            if let corrected, case .country = corrected { found = corrected } else { found = places.find(in: text) }
            switch found {
            case .country(let code):
                acceptPlace(code, places: places, tokens: tokens, at: step, question)
                return
            case .ambiguous(let codes):
                let names = codes.map { places.countries[$0]?.name ?? $0.uppercased() }
                say(graph.messages.text(.placeAmbiguous, ["countries": ListFormatter.join(names, conjunction: graph.messages[.listOr])]), .reprompt)
                unusable(question, at: step)
                return
            case .none:
                break
            }
        }
        // Options by meaning and by name, with negation and the strength of each hint (`OptionReading`).
        var read: MatchOutcome?
        var guessed = false
        var hinted = false
        // The reading named an option, or said yes or no, by meaning.
        var byMeaning = false
        if let language, let prepared {
            switch step.slotType {
            case .choice(let options)?:
                if !Self.looksLikeQuestion(text, tokens),
                    let n = language.ordinal(in: text, count: options.count)
                        ?? (question.place ? nil : language.optionPositions(prepared, count: options.count).flatMap({ $0.count == 1 ? $0[0] : nil }))
                {
                    if tracing { understood("option \(n) by its place in the list (ordinals, option_list_* in answers.json)") }
                    accept(.choice(options[n - 1].value), tokens: tokens, at: step, question)
                    return
                }
                // An option's number, or its label or a synonym as the whole answer ("2", "private"): no more to read.
                if let index = question.matcher.optionIndex, index.isWholeAnswer(tokens) { break }
                let reading = OptionReading(options: options, matcher: question.matcher, language: language, line: prepared)
                if tracing { understood(describe(reading, language)) }
                read = Self.choiceOutcome(reading)
                if case .chosen = reading.choice { byMeaning = true }
                hinted = !reading.hits.isEmpty
                if read == nil { heard = heardNot(reading) }
                if case .guess = reading.choice { guessed = true }
            case .multi(let options)?:
                let listed = Self.looksLikeQuestion(text, tokens) ? nil : language.optionList(prepared, count: options.count)
                if listed == nil, !Self.looksLikeQuestion(text, tokens), let values = multiByPosition(options, text, prepared, language) {
                    if tracing { understood("options by their place in the list, or all of them (answers.json)") }
                    accept(.set(values), tokens: tokens, at: step, question)
                    return
                }
                let reading = OptionReading(options: options, matcher: question.matcher, language: language, line: prepared)
                if tracing { understood(describe(reading, language)) }
                // Numbers and places typed first are kept; words after them add options ("2 and 3 i
                // suppose. surgeon wants to operate").
                if let listed {
                    let words = reading.hits.filter { $0.counts && $0.strong && !$0.words.overlaps(listed.words) }.map(\.option)
                    let named = Set(listed.positions.map { $0 - 1 }).union(words)
                    if tracing {
                        understood("options \(listed.positions.map(String.init).joined(separator: ", ")) by their place in the list (option_list_* in answers.json), and the options the words name")
                    }
                    accept(.set(options.indices.filter(named.contains).map { options[$0].value }), tokens: tokens, at: step, question)
                    return
                }
                let (outcome, partly) = Self.multiOutcome(reading, text: text)
                // None of them, said in a sentence ("nothing on that list fits", "none of those, my GP just
                // sent me"): an empty set, when no option is named.
                if outcome == nil, !reading.hits.contains(where: { $0.counts && $0.strong }), !Self.looksLikeQuestion(text, tokens),
                    !language.concepts(["option_none"], in: prepared).isEmpty
                {
                    if tracing { understood("none of the options (option_none in answers.json)") }
                    accept(.set([]), tokens: tokens, at: step, question)
                    return
                }
                if case .ambiguous? = outcome { guessed = true }
                if case .matched? = outcome { byMeaning = true }
                hinted = !reading.hits.isEmpty
                if outcome == nil { heard = heardNot(reading) }
                if let outcome, case .matched(.set(let values)) = outcome, partly, !Self.looksLikeQuestion(text, tokens) {
                    let labels = options.filter { values.contains($0.value) }.map { Template.lowercasedKeepingI($0.label) }
                    say(graph.messages.text(.noted, ["options": ListFormatter.join(labels, conjunction: graph.messages[.listAnd])]), .info)
                }
                read = outcome
            default: break
            }
            // Not knowing wins over a guess: "no idea what plan it is" is a skip, whatever "plan" hints at.
            if guessed, case .skipped = question.matcher.match(text, tokens: tokens) { read = .skipped }
        }
        var outcome = read ?? question.matcher.match(text, tokens: tokens)
        // Options the reading set aside (negated, or inside a longer phrase) are not read again word by word.
        if read == nil, hinted, case .matched = outcome { outcome = .noMatch }
        if case .number? = step.slotType, let def = graph.slots[question.slot], !def.units.isEmpty,
            let language = graph.language?.language
        {
            // Durations in words: "three and a half years", "a couple of years", "2 years 4 months".
            let duration = language.readDuration(text)
            if tracing, duration != .none { understood("a quantity: \(duration) (quantities in answers.json)") }
            switch duration {
            case .amount(let amount):
                if let perUnit = Self.amountPerUnit(def.units, language.spec.quantities.units) {
                    let value = (amount / perUnit * 100).rounded() / 100
                    if case .number(let min, let max, let integer) = def.type {
                        let v = integer ? value.rounded() : value
                        outcome = (min.map { v < $0 } ?? false) || (max.map { v > $0 } ?? false) ? .outOfRange(v) : .matched(.number(v))
                        if case .matched = outcome {
                            accept(.number(v), tokens: tokens, at: step, question)
                            return
                        }
                    }
                }
            case .bare(let value):
                if case .number(let min, let max, _) = def.type, !(min.map { value < $0 } ?? false), !(max.map { value > $0 } ?? false) {
                    accept(.number(value), tokens: tokens, at: step, question)
                    return
                }
            case .age(let age):
                // An age is the answer where the slot counts years ("she's 52" to "How old is she?").
                if def.units["year"] == 1, case .number(let min, let max, _) = def.type, !(min.map { age < $0 } ?? false),
                    !(max.map { age > $0 } ?? false)
                {
                    accept(.number(age), tokens: tokens, at: step, question)
                    return
                }
                outcome = .noMatch
                heard = graph.messages[.heardOtherUnit]
            case .other:
                outcome = .noMatch
                // A slot that counts years asks an age (as `.age` above): "20kg" there is no age.
                heard = graph.messages[def.units["year"] == 1 ? .heardNotAnAge : .heardOtherUnit]
            case .none:
                // A number given after not knowing ("I don't remember exactly, maybe 7") is the answer.
                if case .skipped = outcome, case .number(let min, let max, let integer) = def.type,
                    let n = AnswerMatcher.numberAfterSkip(text, tokens: tokens, min: min, max: max, integer: integer)
                {
                    outcome = n
                }
            }
        }
        if case .bool? = step.slotType, let language, let prepared {
            // Yes and no from meaning, clause by clause; the plain matcher when this reads nothing.
            let meaning = language.readYesNo(prepared, yes: question.yes, no: question.no)
            if tracing {
                let phrases = (question.yes + question.no).map { "@" + $0 }
                let by = phrases.isEmpty ? "the concepts answer_yes, answer_no, answer_unsure" : "the question's own phrases (\(phrases.joined(separator: ", "))) and answer_yes, answer_no"
                understood("yes/no by meaning: \(meaning) (by \(by) in answers.json, read clause by clause)")
            }
            if meaning == .yes || meaning == .no { byMeaning = true }
            switch meaning {
            case .yes: outcome = .matched(.bool(true))
            case .no: outcome = .matched(.bool(false))
            case .unsure: outcome = .skipped
            case .conflicting:
                outcome = .noMatch
                heard = graph.messages[.heardBoth]
            case .unclear: if case .skipped = outcome {} else { outcome = .noMatch }
            case .tentative: outcome = .noMatch
            case .none:
                // The plain yes/no words only when they open the answer ("nope, PPO"), not from a stray
                // word further on ("maybe, maybe not").
                if case .matched = outcome, !AnswerMatcher.opensWithYesOrNo(tokens) { outcome = .noMatch }
            }
        }
        // Not knowing, in words the plain skip phrases do not hold ("haven't decided yet"): a skip.
        if case .noMatch = outcome, read == nil, let language, let prepared, language.saysNotKnowing(prepared) {
            switch step.slotType {
            case .choice?, .multi?: outcome = .skipped
            default: break
            }
        }
        // "What do you mean?", "not sure what you mean": the question was not understood; ask it again.
        // A question about a word ("what do you mean by general information?") is a question, not confusion.
        let confused = language.map { language in
            prepared.map { language.saysConfused($0) } ?? false
        } ?? false
        if confused { outcome = .noMatch }
        let usable: Bool
        switch outcome {
        case .matched, .skipped: usable = !Self.looksLikeQuestion(text, tokens)
        default: usable = false
        }
        // A question typed instead of an answer ("do i need a referral from my GP for this?"): a common
        // question answers it, by its keywords or else the one for every question; it is never stored.
        // Without a question mark, a question that names an option or says yes or no by meaning is the
        // answer put as a question ("what if it doesn't even work", "are there any alternatives").
        var asks = false
        if !confused, tokens.count >= Language.minimumQuestionWords {
            if Self.endsWithQuestionMark(text) {
                asks = Self.isQuestion(text, tokens) || readsAsQuestion(text)
            } else {
                asks = !byMeaning && readsAsQuestion(text)
            }
        }
        if !usable || asks, interrupt(tokens, at: id, urgent: false) { return }
        // Not in the flows red flags lead to ("what's the point" at "Are you safe?" is no question to answer).
        if asks, !graph.interrupts.contains(where: { $0.urgent && $0.target.dialog == id.dialog }),
            let index = graph.interrupts.firstIndex(where: \.questions)
        {
            if tracing { understood("a question, not an answer (answer_question in answers.json): the common question for every question") }
            fire(index, checking: false)
            return
        }
        // A question asked back ("will the NHS pay for it?") that no common question answers is not an answer.
        if Self.isQuestion(text, tokens) { outcome = .noMatch }
        switch outcome {
        case .matched(.number(let n)):
            switch convertUnits(n, tokens: tokens, slot: question.slot) {
            case .success(let converted): accept(.number(converted), tokens: tokens, at: step, question)
            case .failure(let out):
                say(graph.messages.text(.outOfRange, ["number": Value.format(out.value), "range": NumberRange.describe(graph.slotType(question.slot))]), .reprompt)
                unusable(question, at: step)
            }
        case .matched(.text(let typed)):
            // The value out of the sentence ("she's called Beatrice" → Beatrice), or a skip inside one; a
            // plain no where the question says what "none" sounds like ("i said no. nothing new").
            var text = graph.language?.language.readText(typed) ?? .value(typed)
            if !question.no.isEmpty, let language, let prepared, language.saysNone(prepared, no: question.no) {
                if tracing { understood("none, by the question's own no phrases and answer_no (answers.json)") }
                text = .skip
            }
            if tracing { understood("free text: \(text) (text_lead_in, text_tail, text_aside, text_skip, text_generic in answers.json)") }
            switch text {
            case .value(let value):
                // A person's title and name, for a letter's greeting ("Dear Dr. Feldman,").
                // The person from their title on, without a role after the name ("Mr hughes, colorectal
                // surgeon" → "Mr hughes"; "My PCP, dr amanda reyes" → "dr amanda reyes").
                if question.person, let language = graph.language?.language {
                    let kept = language.personAnswer(in: value) ?? value
                    // No titled person and no untitled name ("my GP", "Banner urology"): no name, so a greeting shows its fallback.
                    let name = language.personName(in: value)
                    if tracing { understood("a person: \(kept), named \(name ?? "no one") (text_title, text_name_end, text_role in answers.json)") }
                    var also: [String: Value] = [:]
                    if let name, graph.slots[question.slot + ".name"] != nil { also[question.slot + ".name"] = .text(name) }
                    // Where they work, when the answer names it after the name ("Dr. Okafor, cardiology" →
                    // "cardiology"): the letter's address puts it on its own line.
                    if let name, graph.slots[question.slot + ".place"] != nil, let place = Self.placeAfter(name: name, in: kept) {
                        also[question.slot + ".place"] = .text(place)
                    }
                    accept(.text(kept), tokens: tokens, at: step, question, also: also)
                    return
                }
                accept(.text(value), tokens: tokens, at: step, question)
            case .skip where question.skippable:
                say(graph.messages[.questionLeft], .info)
                accept(nil, tokens: tokens, at: step, question)
            case .skip, .empty:
                if !usable, interrupt(tokens, at: id, urgent: false) { return }
                unusable(question, at: step)
            }
        case .matched(let value) where question.place && state.attempts == 0 && graph.language != nil:
            // A group ("3", "somewhere else", "Europe") names no country: ask once for its name, so the
            // numbers and rights can be the right ones; a second answer like it is taken as it is.
            _ = value
            say(graph.messages[.placeWhichCountry], .reprompt)
            unusable(question, at: step)
        case .matched(.bool(true)) where question.person && graph.slots[question.slot + ".name"] != nil:
            // A yes that names who ("my sister Luciana, because Jorge is recovering"): the name is kept too.
            if let name = graph.language?.language.nameIn(text) {
                if tracing { understood("the person a yes names: \(name) (free text, answers.json)") }
                accept(.bool(true), tokens: tokens, at: step, question, also: [question.slot + ".name": .text(name)])
            } else {
                accept(.bool(true), tokens: tokens, at: step, question)
            }
        case .matched(let value):
            accept(value, tokens: tokens, at: step, question)
        case .skipped where question.skippable:
            say(graph.messages[.questionLeft], .info)
            accept(nil, tokens: tokens, at: step, question)
        case .skipped:
            say(graph.messages[.answerNeeded], .reprompt)
            reprompt(question, at: step)
        case .ambiguous(let options):
            // On the last attempt of a question that is then left, "Please type the one you meant" would
            // ask for an answer that is not waited for: the question is left without it.
            if question.skippable && state.attempts + 1 >= question.attempts {
                unusable(question, at: step)
                return
            }
            let labels = options.map { "\"\($0.label)\"" }
            say(graph.messages.text(.didYouMean, ["options": ListFormatter.join(labels, conjunction: graph.messages[.listOr])]), .reprompt)
            // "Did you mean …? Please type the one you meant." asks again itself: the options follow, not a
            // second re-prompt.
            unusable(question, at: step, askedAgain: true)
        case .outOfRange(let n):
            say(graph.messages.text(.outOfRange, ["number": Value.format(n), "range": NumberRange.describe(graph.slotType(question.slot))]), .reprompt)
            unusable(question, at: step)
        case .noMatch:
            unusable(question, at: step)
        }
    }

    /// Fires the first matching interrupt of the given kind; true when one fired.
    private mutating func interrupt(_ tokens: [String], at id: NodeID, urgent: Bool) -> Bool {
        if let index = program.interrupts.index.firstMatch(tokens, urgent: urgent) {
            fire(index, checking: false)
            return true
        }
        return false
    }

    /// Fires the red-flag interrupt of the highest priority for the reading's alarms, or else for its
    /// checks (at the interrupt's `check` node); true when one fired. One line raises one alarm. A red
    /// flag whose check was answered "not now" asks no more, unless the line says it is new or worse.
    private mutating func redFlag(_ reading: Reading, text: String) -> Bool {
        guard !reading.alarms.isEmpty || !reading.checks.isEmpty else { return false }
        let interrupts = graph.interrupts
        if let index = interrupts.indices.first(where: { interrupts[$0].redFlag.map(reading.alarms.contains) == true }) {
            if tracing { understood(Self.describe(reading, decision: .alarm)) }
            fire(index, checking: false, about: interrupts[index].redFlag.flatMap(reading.subject(of:)))
            return true
        }
        var checks = reading.checks
        if !state.notNow.isEmpty, let line, graph.language?.language.mentions("check_again", in: line) != true {
            let asked = checks.filter(state.notNow.contains)
            checks.removeAll(where: state.notNow.contains)
            if tracing, !asked.isEmpty {
                understood("not asked again whether \(asked.joined(separator: ", ")) is happening now: answered 'not now' before (check_again in the language data would ask)")
            }
        }
        if let index = interrupts.indices.first(where: { interrupts[$0].redFlag.map(checks.contains) == true }) {
            if tracing { understood(Self.describe(reading, decision: .check)) }
            fire(index, checking: true, about: interrupts[index].redFlag.flatMap(reading.subject(of:)), line: (text, checks))
            return true
        }
        return false
    }

    /// The findings of a reading that led to `decision`, with the rules that found them.
    static func describe(_ reading: Reading, decision: Reading.Decision) -> String {
        let findings = reading.findings.filter { $0.decision == decision }
        let what = decision == .alarm ? "red flag" : "ask whether it is happening now:"
        return findings.map { f in
            let words = reading.words[f.words].map(\.typed).joined(separator: " ")
            let context = f.context.map { " [\($0.kind.rawValue) '\($0.pattern)' (\($0.origin))]" }.joined()
            return "\(what) '\(f.category)' in \"\(words)\" by '\(f.pattern)' (\(f.origin))" + context
        }.joined(separator: "; ")
    }

    /// What an option reading found: each option named, by which concept (and where it is defined) or
    /// label words, and what was set aside by negation or a longer phrase.
    private func describe(_ reading: OptionReading, _ language: Language) -> String {
        guard !reading.hits.isEmpty else { return "no option named by meaning or by name" }
        var seen = Set<String>()
        return "options: " + reading.hits.compactMap { hit -> String? in
            let label = hit.option < reading.options.count ? reading.options[hit.option].value : "?"
            let by: String
            switch hit.source {
            case .concept(let name): by = "@\(name)" + (language.conceptOrigin(name).map { " (\($0))" } ?? "")
            case .plain(let strength, let text): by = "\(strength) label words '\(text)'"
            case .prefix(let text): by = "the start of a label word '\(text)'"
            }
            var note = "\(label) by \(by)"
            if let negation = hit.negatedBy { note += ", set aside by '\(negation)'" }
            if hit.nested { note += ", set aside inside a longer phrase" }
            return seen.insert(note).inserted ? note : nil
        }.joined(separator: "; ")
    }

    /// Records how the line typed at the open question was read (only when tracing).
    private mutating func understood(_ text: String) {
        guard tracing else { return }
        let at = state.position ?? NodeID(dialog: "", node: "")
        trace(.understood(at, text))
    }

    /// Leaves the open question for interrupt `index`'s flow (its check node when `checking` and it has
    /// one); the flow's `return` asks the question again when the interrupt resumes. A red flag sets its
    /// `about` slot to who it is `about`, and a check keeps the `line` and the red flags it asks about.
    private mutating func fire(_ index: Int, checking: Bool, about subject: Subject? = nil, line: (String, [String])? = nil) {
        let interrupt = graph.interrupts[index]
        trace(.interrupt(interrupt.id))
        // A common question takes no undo snapshot: it changes no answer, and asked a thousand times it
        // must not grow the `back` history. A red flag keeps one (`back` leaves its questions).
        if interrupt.urgent { state.history.append(state.snapshot) }
        let resumes = interrupt.resume && !state.ended
        if resumes, let id = state.position { state.stack.append(.resume(question: id)) }
        if interrupt.urgent {
            state.checking = nil
            if checking, interrupt.check != nil, resumes, let id = state.position, let (text, flags) = line {
                state.checking = EngineState.CheckedLine(line: text, question: id, flags: flags, alarm: interrupt.target)
            }
        }
        if let slot = interrupt.about { state.slots[slot] = .choice((subject ?? .speaker).rawValue) }
        state.ended = false
        state.position = nil
        state.attempts = 0
        if checking, let check = interrupt.check {
            run(program.position(of: check).map { .enter($0) } ?? .missing(check))
            return
        }
        let target = program.interruptTargets[index]
        run(target >= 0 ? .enter(target) : .missing(interrupt.target))
    }

    struct OutOfRange: Error { var value: Double }

    /// How much of the language's common unit one of the slot's own units is, from a unit word both
    /// know ("year": 12 on a slot counted in months, 12 in the language's months: 1).
    static func amountPerUnit(_ slotUnits: [String: Double], _ languageUnits: [String: Double]) -> Double? {
        for (word, factor) in slotUnits.sorted(by: { $0.key < $1.key }) where factor > 0 {
            if let amount = languageUnits[word] { return amount / factor }
        }
        return nil
    }

    /// "3 years" on a slot counted in months: the first unit word in the answer converts the number.
    private func convertUnits(_ n: Double, tokens: [String], slot: String) -> Result<Double, OutOfRange> {
        guard let def = graph.slots[slot], !def.units.isEmpty,
            let factor = Self.unitAfterFirstNumber(tokens, units: def.units), factor != 1
        else { return .success(n) }
        var value = n * factor
        if case .number(let min, let max, let integer) = def.type {
            if integer { value = value.rounded() }
            if let min, value < min { return .failure(OutOfRange(value: value)) }
            if let max, value > max { return .failure(OutOfRange(value: value)) }
        }
        return .success(value)
    }

    /// The unit right after the first number ("2 years", "three and a half years"); nil when the word
    /// after the number is not a declared unit ("36 months, so three years" stays 36).
    static func unitAfterFirstNumber(_ tokens: [String], units: [String: Double]) -> Double? {
        func isNumber(_ t: String) -> Bool {
            Double(t) != nil || AnswerMatcher.NumberReader.units[t] != nil || AnswerMatcher.NumberReader.tens[t] != nil
                || AnswerMatcher.NumberReader.scales[t] != nil
        }
        guard var i = tokens.firstIndex(where: isNumber) else { return nil }
        while i < tokens.count, isNumber(tokens[i]) || ["and", "a", "half", "point"].contains(tokens[i]) { i += 1 }
        return i < tokens.count ? units[tokens[i]] : nil
    }

    /// Words that open a question.
    static let questionWords = WordTable(words: [
        "is", "are", "will", "would", "can", "could", "should", "do", "does", "did", "what", "how", "when", "why",
        "who", "where", "which", "am", "may", "might", "shall",
        // "what's medigap?": a contraction is typed as one word.
        "whats", "hows", "whos", "wheres", "whens", "whys", "isnt", "arent", "doesnt", "dont", "wont", "cant", "shouldnt",
    ])

    /// "will the NHS pay for it?", "how long will it take?": a question word first and a question mark
    /// last. Such a line is never recorded as an answer; a common question may answer it.
    static func isQuestion(_ text: String, _ tokens: [String]) -> Bool {
        endsWithQuestionMark(text) && tokens.first.map { questionWords.contains($0) } == true
    }

    /// "will insurance pay?", "can I do this online" — a question, not an answer: common-question
    /// interrupts get the first go at it even when some option's word appears in it.
    static func looksLikeQuestion(_ text: String, _ tokens: [String]) -> Bool {
        endsWithQuestionMark(text) || tokens.first.map { questionWords.contains($0) } == true
    }

    /// Whether the language data reads the line as a question (`Language.readsAsQuestion`).
    private func readsAsQuestion(_ text: String) -> Bool {
        guard let line, let language = graph.language?.language else { return false }
        return language.readsAsQuestion(line, questionMark: Self.endsWithQuestionMark(text))
    }

    /// `text.hasSuffix("?")`: a last byte "?" after an ASCII byte (or alone) is a last Character "?"
    /// (nothing joins an ASCII character to the one after it); a line not ending in the byte "?"
    /// cannot end in the Character. Anything else is left to `hasSuffix`.
    static func endsWithQuestionMark(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let last = utf8.last else { return false }
        if last != UInt8(ascii: "?") { return false }
        if utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80 { return true }
        return text.hasSuffix("?")
    }

    private mutating func unusable(_ question: Question, at step: EngineProgram.Step, askedAgain: Bool = false) {
        state.attempts += 1
        if tracing {
            understood("nothing usable for \(question.slot): asked again")
            trace(.reprompt(step.node.id))
        }
        if let heard {
            // What was understood comes first; then the question's own re-prompt, not "I still didn't catch that".
            say(heard, .reprompt)
            self.heard = nil
            if state.attempts < question.attempts {
                reprompt(question, at: step, heardSomething: true)
                return
            }
        } else if state.attempts < question.attempts {
            if askedAgain {
                if let labels = step.optionLabels { outputs.append(.options(labels)) }
            } else {
                reprompt(question, at: step)
            }
            return
        }
        if question.skippable {
            // Inside an interrupt's flow `back` leaves the flow, so there is no coming back to this
            // question: it is left without the hint.
            say(graph.messages[state.inInterruptFlow ? .questionLeft : .questionLeftForNow], .info)
            accept(nil, tokens: [], at: step, question)
        } else {
            state.attempts = 0
            say(graph.messages[.questionOnceMore], .info)
            reprompt(question, at: step)
        }
    }

    private mutating func reprompt(_ question: Question, at step: EngineProgram.Step, heardSomething: Bool = false) {
        // A second miss in a row is not met with the same words: say so, and what the question takes.
        if state.attempts >= 2 && !heardSomething {
            say(graph.messages[.questionAgain] + " " + describeAccepted(question), .reprompt)
            if let labels = step.optionLabels { outputs.append(.options(labels)) }
            return
        }
        let text = render(question.reprompt)
        if !text.isEmpty { say(text, .reprompt) }
        if let labels = step.optionLabels { outputs.append(.options(labels)) }
    }

    /// "I understood what it isn't ("Surgery was suggested"), …": the options an answer named only to set them aside, when it
    /// named nothing else; nil otherwise.
    private func heardNot(_ reading: OptionReading) -> String? {
        guard !reading.hits.contains(where: \.counts) else { return nil }
        let negated = reading.options.indices.filter { o in reading.hits.contains { $0.option == o && $0.negatedBy != nil && $0.strong } }
        guard !negated.isEmpty else { return nil }
        let labels = negated.map { "\"\(reading.options[$0].label)\"" }
        return graph.messages.text(.heardNot, ["options": ListFormatter.join(labels, conjunction: graph.messages[.listOr])])
    }

    /// A choice answer as `OptionReading` reads it; nil when it names no option (the plain matcher then
    /// reads skips and option numbers).
    static func choiceOutcome(_ reading: OptionReading) -> MatchOutcome? {
        switch reading.choice {
        case .chosen(let o): return .matched(.choice(reading.options[o].value))
        case .ambiguous(let os), .guess(let os): return .ambiguous(os.map { reading.options[$0] })
        case .nothing: return nil
        }
    }

    /// A several-choice answer as `OptionReading` reads it, with option numbers ("1, 3", "2 and 4") from
    /// the plain matcher's list parts, and whether some part named nothing; nil when it names no option.
    static func multiOutcome(_ reading: OptionReading, text: String) -> (MatchOutcome?, partly: Bool) {
        let (chosen, complete, unsure) = reading.several
        var all = chosen
        var numbered = false
        if let index = reading.index {
            for part in AnswerMatcher.OptionIndex.parts(of: text) {
                if let numbers = index.numberList(part) {
                    all.formUnion(numbers)
                    numbered = true
                }
            }
        }
        if !all.isEmpty {
            let values = reading.options.indices.filter(all.contains).map { reading.options[$0].value }
            return (.matched(.set(values)), !complete && !numbered)
        }
        if !unsure.isEmpty { return (.ambiguous(unsure.map { reading.options[$0] }), false) }
        return (nil, false)
    }

    /// Options a several-choice answer names by their place: "all of them" (in a short answer without
    /// an exception: "all but the cost" is read word by word), "the second one".
    private func multiByPosition(_ options: [Option], _ text: String, _ line: PreparedLine, _ language: Language) -> [String]? {
        let exception = line.tokens.firstIndex { AnswerMatcher.Vocabulary.exceptionLeads.contains($0.text) }
        if line.tokens.count <= 5, exception == nil, !language.concepts(["option_all"], in: line).isEmpty {
            return options.map(\.value)
        }
        // "all but the last one", "all except the 2nd": every option but the one named by its place.
        let whole = ["all", "everything", "every"]
        if let e = line.tokens.firstIndex(where: { $0.text == "but" || AnswerMatcher.Vocabulary.exceptionLeads.contains($0.text) }),
            e > 0, line.tokens.count <= 7, whole.contains(line.tokens[0].text) || !language.concepts(["option_all"], in: line).isEmpty,
            let n = language.ordinal(in: line.tokens[(e + 1)...].map(\.text).joined(separator: " "), count: options.count)
        {
            return options.indices.filter { $0 != n - 1 }.map { options[$0].value }
        }
        if let n = language.ordinal(in: text, count: options.count) { return [options[n - 1].value] }
        return nil
    }

    /// The keyword rules of a map that an answer names. Keywords a negation governs do not count ("they
    /// ruled out a tumour" is not cancer), except in rules whose own phrases say the negation ("not
    /// diagnosed", "they don't know"), which are read on the whole line.
    private func mapMatches(_ map: KeywordMap, _ index: InterruptIndex, _ tokens: [String], answer: Value? = nil) -> [Int] {
        // `"in": "answer"`: only the words the question keeps count.
        if map.inAnswer, case .text(let kept)? = answer {
            return index.matches(TextNormalizer.tokens(kept), urgent: true, firstOnly: !map.isMulti)
        }
        guard let line, let language = graph.language?.language else {
            return index.matches(tokens, urgent: true, firstOnly: !map.isMulti)
        }
        let plain = index.matches(language.unnegatedWords(line), urgent: true, firstOnly: false)
        let full = index.matches(tokens, urgent: true, firstOnly: false)
        let kept = full.filter { rule in
            plain.contains(rule) || map.rules[rule].matcher.texts.contains { language.saysNegation($0) }
        }
        return map.isMulti ? kept : Array(kept.prefix(1))
    }

    /// A place answer: the country's group is the choice (`other` when the question has no option for
    /// it), and the country's code, name and numbers go to `<slot>.code`, `.name`, `.emergency`,
    /// `.crisis`, `.crisis_name` and `.poison` where the dialogs declare them.
    private mutating func acceptPlace(_ code: String, places: Places, tokens: [String], at step: EngineProgram.Step, _ question: Question) {
        var slots = Engine.placeSlots(code, slot: question.slot, places: places, graph: graph)
        let choice = slots.removeValue(forKey: question.slot)
        if tracing { understood("the country \(code.uppercased()) by the place names (places.json)") }
        accept(choice, tokens: tokens, at: step, question, also: slots)
    }

    private mutating func accept(
        _ value: Value?, tokens: [String], at step: EngineProgram.Step, _ question: Question, also extra: [String: Value] = [:]
    ) {
        if tracing { understood("recorded \(question.slot) = " + (value.map { $0.literal } ?? "nothing (skipped)")) }
        state.history.append(state.snapshot)
        state.attempts = 0
        answered = true
        if question.place {
            for name in graph.slotOrder where name.hasPrefix(question.slot + ".") { state.slots[name] = nil }
        }
        if question.person {
            state.slots[question.slot + ".name"] = nil
            state.slots[question.slot + ".place"] = nil
        }
        for (name, v) in extra { state.slots[name] = v }
        if let value {
            state.slots[question.slot] = value
            if let map = question.map, let keywords = step.keywords,
                let derived = map.value(matching: mapMatches(map, keywords.index, tokens, answer: value))
            {
                state.slots[map.slot] = derived
            }
        } else {
            state.slots[question.slot] = nil
            if let map = question.map { state.slots[map.slot] = nil }
        }
        state.position = nil
        run(.leave(step.position))
    }

    // MARK: - Commands

    private mutating func perform(_ command: Command) {
        switch command.name {
        case .help:
            say((currentQuestion.map { describeAccepted($0) + "\n" } ?? "") + graph.messages[.help], .info)
            reshowQuestion()
        case .why:
            guard let id = state.position, let node = graph.nodes[id] else {
                say(graph.messages[.whyNoQuestion], .info)
                return
            }
            say(node.why ?? graph.messages[.whyNoReason], .info)
            reshowQuestion()
        case .summary:
            say(summary(), .info)
            reshowQuestion()
        case .back:
            guard let snapshot = state.history.popLast() else {
                say(graph.messages[.backNothing], .info)
                return
            }
            state.restore(snapshot)
            say(graph.messages[.backDone], .info)
            if let id = snapshot.position { run(reaskMove(id)) }
        case .restart:
            say(graph.messages[.restartDone], .info)
            begin()
        case .save:
            // `DocumentRenderer.renderAll`, from the documents' plans.
            let markdown = program.savedDocuments.map {
                DocumentRenderer.render($0.template, plan: $0.plan.plan, slots: state.slots, graph: graph).markdown
            }
            outputs.append(.save(path: command.file, markdown: markdown.joined(separator: "\n---\n\n")))
            reshowQuestion()
        case .quit:
            outputs.append(.quit)
        case .reload, .saveTranscript:
            // A front end's own: the engine's reader never gives them (`CommandName.engine`).
            break
        }
    }

    /// The open question's text and options again after a command answered in between (`why`, `help`,
    /// `summary`, `save`), so the person sees what to answer. Nothing changes: no attempt is counted, and
    /// a question with several wordings shows its first (the random generator is not drawn, so the rest
    /// of the conversation is as it would have been).
    private mutating func reshowQuestion() {
        guard !state.ended, let id = state.position, let at = program.position(of: id) else { return }
        let step = program.step(at)
        guard step.node.question != nil else { return }
        if let first = step.say.first {
            let text = first.render(state.slots)
            if !text.isEmpty { say(text, .say) }
        }
        if let labels = step.optionLabels { outputs.append(.options(labels)) }
    }

    private var currentQuestion: Question? {
        state.position.flatMap { graph.nodes[$0]?.question }
    }

    private func describeAccepted(_ q: Question) -> String {
        switch graph.slotType(q.slot) {
        case .bool?: return graph.messages[.acceptsBool]
        case .choice?: return graph.messages[.acceptsChoice]
        case .multi?: return graph.messages[.acceptsMulti]
        case .number?: return graph.messages.text(.acceptsNumber, ["range": NumberRange.describe(graph.slotType(q.slot))])
        default: return graph.messages[.acceptsText]
        }
    }

    /// Answers in the order they were given (from the `back` history), then any set by the dialogs.
    private func summary() -> String {
        // Names in `slotOrder` (each once), in the order of the first snapshot that has them.
        let names = program.uniqueSlotOrder
        var seen = [Bool](repeating: false, count: names.count)
        var order: [String] = []
        func visit(_ slots: [String: Value]) {
            for i in names.indices where !seen[i] && slots[names[i]] != nil {
                seen[i] = true
                order.append(names[i])
            }
        }
        for snapshot in state.history { visit(snapshot.slots) }
        visit(state.slots)
        let lines = order.compactMap { name -> String? in
            guard let value = state.slots[name], let def = graph.slots[name], def.inSummary else { return nil }
            return "- \(def.label): \(Template.display(value, type: def.type))"
        }
        if lines.isEmpty { return graph.messages[.summaryEmpty] }
        return graph.messages[.summaryHeading] + "\n" + lines.joined(separator: "\n")
    }

    // MARK: - Walking the graph

    /// One move of the walk, by node position (`EngineProgram.step(_:)`).
    enum Move {
        case enter(Int32)
        case leave(Int32)
        case reask(Int32)
        /// A target that names no node.
        case missing(NodeID)
    }

    private func reaskMove(_ id: NodeID) -> Move {
        program.position(of: id).map { .reask($0) } ?? .missing(id)
    }

    private mutating func run(_ first: Move) {
        var move: Move? = first
        while let current = move {
            steps += 1
            if steps > Engine.maxStepsPerTurn {
                say(graph.messages.text(.faultLoop, ["steps": "\(Engine.maxStepsPerTurn)"]), .alert)
                state.ended = true
                state.position = nil
                return
            }
            switch current {
            case .enter(let at): move = enter(program.step(at))
            case .leave(let at): move = leave(program.step(at))
            case .reask(let at): move = reask(program.step(at))
            case .missing(let id): move = missing(id)
            }
        }
    }

    private mutating func enter(_ step: EngineProgram.Step) -> Move? {
        if tracing { trace(.enter(step.node.id)) }
        // The check's alarm: the answer was "yes, now", so the line is not read again.
        if let checked = state.checking, checked.alarm == step.node.id { state.checking = nil }
        for a in step.node.assignments { state.slots[a.slot] = a.value }
        speak(step)
        for (doc, template, plan) in step.documents {
            let rendered = DocumentRenderer.render(template, plan: plan.plan, slots: state.slots, graph: graph)
            if tracing {
                for i in rendered.itemsIncluded { trace(.documentItem(doc, i)) }
            }
            outputs.append(.document(id: doc, title: rendered.title, markdown: rendered.markdown))
            if !state.shown.contains(doc) { state.shown.append(doc) }
        }
        if step.asks {
            ask(step)
            return nil
        }
        return .leave(step.position)
    }

    private mutating func speak(_ step: EngineProgram.Step) {
        let count = step.node.say.count
        guard count > 0 else { return }
        let variant = count > 1 ? state.rng.pick(count) : 0
        if count > 1, tracing { trace(.variant(step.node.id, variant)) }
        say(step.say[variant].render(state.slots), .say)
    }

    private mutating func ask(_ step: EngineProgram.Step) {
        state.position = step.node.id
        state.attempts = 0
        if let labels = step.optionLabels { outputs.append(.options(labels)) }
    }

    private mutating func reask(_ step: EngineProgram.Step) -> Move? {
        speak(step)
        ask(step)
        return nil
    }

    private mutating func leave(_ step: EngineProgram.Step) -> Move? {
        switch step.node.exit {
        case .next:
            return route(step)
        case .call(let callee, _):
            state.stack.append(.call(caller: step.node.id))
            return step.callee >= 0 ? .enter(step.callee) : .missing(callee)
        case .returns:
            if step.node.pauses { pausing = true }
            switch state.stack.popLast() {
            case .call(let caller)?:
                guard let at = program.position(of: caller) else { return missing(caller) }
                return route(program.step(at))
            case .resume(let question)?:
                if let checked = state.checking {
                    // Back at the question without the alarm: the check was answered "not now".
                    state.checking = nil
                    if checked.question == question {
                        for flag in checked.flags where !state.notNow.contains(flag) { state.notNow.append(flag) }
                        if !pausing, program.position(of: question) != nil {
                            state.position = question
                            state.attempts = 0
                            answerAgain = checked.line
                            return nil
                        }
                    }
                }
                if pausing {
                    // The question waits, unasked, for the person to come back.
                    guard program.position(of: question) != nil else { return missing(question) }
                    state.position = question
                    state.attempts = 0
                    return nil
                }
                return reaskMove(question)
            case nil:
                return finish()
            }
        case .end:
            return finish()
        }
    }

    /// Takes the first edge of `node.edges` whose condition holds.
    private mutating func route(_ step: EngineProgram.Step) -> Move? {
        let edges = step.node.edges
        let conditions = step.conditions
        for i in edges.indices {
            if let condition = conditions[i] {
                let holds = condition.evaluate(state.slots)
                if tracing { trace(.condition(step.node.id, i, holds)) }
                if !holds { continue }
            }
            if tracing { trace(.edge(step.node.id, i)) }
            let target = step.targets[i]
            return target >= 0 ? .enter(target) : .missing(edges[i].target)
        }
        say(graph.messages.text(.faultNoWayOn, ["node": "\(step.node.id)"]), .alert)
        return finish()
    }

    private mutating func finish() -> Move? {
        state.ended = true
        state.position = nil
        state.stack.removeAll()
        outputs.append(.end)
        return nil
    }

    private mutating func missing(_ id: NodeID) -> Move? {
        say(graph.messages.text(.faultMissingNode, ["node": "\(id)"]), .alert)
        return finish()
    }

    // MARK: - Helpers

    private mutating func say(_ text: String, _ style: TextStyle) { outputs.append(.text(text, style)) }

    private func render(_ template: Template) -> String {
        var missing: [String] = []
        return template.render({ state.slots[$0] }, slotType: { graph.slotType($0) }, missing: &missing)
    }

    private mutating func trace(_ event: TraceEvent) {
        if tracing { state.trace.append(event) }
    }
}
