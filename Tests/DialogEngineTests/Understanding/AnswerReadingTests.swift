@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools
import Testing
import Understanding

/// Answers as people give them, read with the shipped data: negation, strong and weak option evidence,
/// yes and no in sentences, free text out of sentences, durations and places.
@Suite struct AnswerReadingTests {
    static let graph = DialogLoader.load(paths: [Fixtures.dialogs]).graph
    static var language: Language? { graph?.language?.language }

    static func run(_ line: String, at node: String) throws -> UnderstandingProbe.Outcome {
        let probe = UnderstandingProbe(graph: try #require(graph))
        return probe.run(line, at: try #require(NodeID(qualified: node)), country: node == "main.ask_country" ? nil : "us")
    }

    static func recorded(_ line: String, at node: String) throws -> Value? {
        let outcome = try run(line, at: node)
        return outcome.moved ? outcome.recorded : nil
    }

    @Test(arguments: [
        ("not for my husband, for me", "main.ask_who", "self"),
        ("not online, in person", "specialist.ask_format", "inperson"),
        ("in person please, video calls don't work for me", "specialist.ask_format", "inperson"),
        ("no need to travel in person, a video is fine", "specialist.ask_format", "virtual"),
        ("private is too expensive, NHS", "insurance.ask_uk", "nhs"),
        ("I can't afford private so NHS", "insurance.ask_uk", "nhs"),
        ("I haven't decided", "wrapup.ask_feeling", "unsure"),
        ("nobody told us", "treatment.ask_timing", "untold"),
        ("medicare advantage through humana", "insurance.ask_us", "advantage"),
    ])
    func negationAndStrengthChooseTheOptionMeant(line: String, at node: String, value: String) throws {
        #expect(try Self.recorded(line, at: node) == .choice(value), "\(line)")
    }

    @Test(arguments: [
        ("I would prefer something else", "specialist.ask_format"),
        ("better", "diagnosis.ask_course"),
        ("I don't want video, I'd rather go on holiday", "specialist.ask_format"),
    ])
    func aStrayWordIsNotAnAnswer(line: String, at node: String) throws {
        #expect(try Self.run(line, at: node).askedAgain, "\(line)")
    }

    @Test func aGuessNamesTheOptionAndASkipWinsOverIt() throws {
        let guess = try Self.run("I would prefer something else", at: "specialist.ask_format")
        #expect(guess.text.contains("Did you mean \"Either is fine\"?"), "\(guess.text)")
        #expect(try Self.run("no idea what plan it is", at: "insurance.ask_us").moved)
        #expect(try Self.recorded("no idea what plan it is", at: "insurance.ask_us") == nil)
    }

    @Test(arguments: [
        ("the drug they suggested has a lot of risks", "situation.ask_kinds", ["risky"]),
        ("it is not a rare thing, just my symptoms won't go away", "situation.ask_kinds", ["persistent"]),
        ("no risks mentioned, they just want to operate", "situation.ask_kinds", ["surgery"]),
        ("chronic illness", "situation.ask_kinds", ["serious"]),
        ("dont want needless surgery, and peace of mind", "situation.ask_reasons", ["avoid", "peace"]),
        ("see what another specialist would do", "situation.ask_reasons", ["compare"]),
    ])
    func severalChoicesTakeWhatIsMeant(line: String, at node: String, values: [String]) throws {
        #expect(try Self.recorded(line, at: node) == .set(values), "\(line)")
    }

    @Test func allButAnExceptionIsNotAll() throws {
        let outcome = try Self.run("all of them except the cost", at: "prepare.ask_goals")
        if case .set(let values)? = outcome.recorded { #expect(values.count < 7) }
    }

    @Test(arguments: [
        ("yes please, I don't want to carry them around", "records.ask_transfer", true),
        ("I don't think so", "insurance.ask_referral", false),
        ("no, nothing new since then", "prepare.ask_new", false),
    ])
    func yesAndNoInSentences(line: String, at node: String, yes: Bool) throws {
        #expect(try Self.recorded(line, at: node) == .bool(yes), "\(line)")
    }

    @Test(arguments: [("maybe, maybe not", "safety.ask_safe_crisis"), ("I'm not sure what you mean", "prepare.ask_companion")])
    func aStrayNoIsNotAnAnswer(line: String, at node: String) throws {
        let outcome = try Self.run(line, at: node)
        #expect(outcome.recorded == nil, "\(line)")
    }

    @Test(arguments: [
        ("they think it might be a stomach ulcer", "stomach ulcer"),
        ("I was diagnosed with MS last year", "MS"),
        ("bladder cancer. It's early", "bladder cancer"),
        ("they don't know what it is", "they don't know what it is"),
        ("they're not sure yet", "they're not sure yet"),
        ("diverticulitis or something like that", "diverticulitis"),
    ])
    func freeTextOutOfSentences(line: String, value: String) throws {
        #expect(try Self.recorded(line, at: "diagnosis.ask_words") == .text(value), "\(line)")
    }

    @Test(arguments: [
        ("Mabel will do", "main.ask_patient_name", "Mabel"),
        ("Cath is what we call her", "main.ask_patient_name", "Cath"),
        ("Joan, 84", "main.ask_patient_name", "Joan"),
        ("Elif - my mother", "main.ask_patient_name", "Elif"),
        ("Dr Hale who is a cardiologist", "records.ask_doctor", "Dr Hale"),
        ("Dr. Sato. She works at the university hospital", "records.ask_doctor", "Dr. Sato"),
        ("her consultant is Dr Bello", "records.ask_doctor", "Dr Bello"),
        ("the rare disease centre at the university hospital", "records.ask_second", "the rare disease centre at the university hospital"),
        ("we're going to the Mayo Clinic", "records.ask_second", "the Mayo Clinic"),
        ("ACL recon", "treatment.ask_surgery_name", "ACL recon"),
    ])
    func freeTextKeepsOnlyTheValue(line: String, at node: String, value: String) throws {
        #expect(try Self.recorded(line, at: node) == .text(value), "\(line)")
    }

    @Test(arguments: [
        ("I'd rather leave names out of it", "main.ask_patient_name"),
        ("i honestly can't remember the name", "diagnosis.ask_words"),
        ("still working that out", "records.ask_second"),
    ])
    func skipsInsideSentences(line: String, at node: String) throws {
        let outcome = try Self.run(line, at: node)
        #expect(outcome.moved && outcome.recorded == nil, "\(line)")
    }

    @Test(arguments: [
        ("how long will the records take to get there?", "records.ask_second"),
        ("will the NHS pay for it?", "insurance.ask_uk"),
        ("the person I care for", "main.ask_patient_name"),
        ("the doctor told me", "diagnosis.ask_words"),
    ])
    func questionsAndNonAnswersAreNotStored(line: String, at node: String) throws {
        let outcome = try Self.run(line, at: node)
        #expect(outcome.recorded == nil, "\(line)")
    }

    @Test(arguments: [("4yrs", 48.0), ("year and half", 18.0), ("I don't remember exactly, maybe 7", 7.0)])
    func durations(line: String, months: Double) throws {
        #expect(try Self.recorded(line, at: "diagnosis.ask_months") == .number(months), "\(line)")
    }

    @Test func aWeightIsNotADuration() throws {
        #expect(try Self.run("weight 80kg", at: "diagnosis.ask_months").askedAgain)
    }

    @Test(arguments: [("we're in Georgia, the state, Atlanta area", "us"), ("the care is in Ireland but I live in the UK", "ie")])
    func placesSettledByTheRestOfTheLine(line: String, code: String) throws {
        let outcome = try Self.run(line, at: "main.ask_country")
        #expect(outcome.slots["country.code"] == .text(code), "\(line)")
    }

    @Test func negationScopeEndsAtPunctuationAndAtAWordThatEndsIt() throws {
        let language = try #require(Self.language)
        let scope = language.answerScope(language.prepare("not online, in person"))
        #expect(scope.governs(1..<2))
        #expect(!scope.governs(2..<4))
        let just = language.answerScope(language.prepare("it is not a rare thing just my symptoms"))
        #expect(just.governs(4..<5))
        #expect(!just.governs(7..<8))
        // A phrase that says its own negation is not turned round.
        let own = language.answerScope(language.prepare("we have no insurance"))
        #expect(!own.governs(2..<4))
    }

    @Test func understandExplainsTheOptions() throws {
        let probe = UnderstandingProbe(graph: try #require(Self.graph))
        let text = probe.explain("not online, in person", at: try #require(NodeID(qualified: "specialist.ask_format")))
        #expect(text.contains("answer: option virtual: \"online\" by 'online' → negated by \"not\""), "\(text)")
        #expect(text.contains("records specialist.format = 'inperson'"), "\(text)")
    }
}
