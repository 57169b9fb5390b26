import Foundation
import Testing

@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools

// Option indexes, phrase words, the engine's steps and id table, and the interrupt and keyword indexes are
// built on first use; building them at any time, on any thread, must give the answers an eagerly built
// table gives.

/// A count many threads add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }
}

private final class Made: Sendable {}

@Test func lazyReferenceKeepsOneObjectForEveryCaller() {
    let lazy = LazyReferenceHolder()
    let made = Counter()
    let seen = Identities()
    DispatchQueue.concurrentPerform(iterations: 64) { _ in
        seen.add(
            ObjectIdentifier(
                lazy.reference.value {
                    made.increment()
                    return Made()
                }))
    }
    #expect(seen.all.count == 64 && Set(seen.all).count == 1)
    #expect(made.count >= 1)
    // Once stored, nothing more is made.
    let again = lazy.reference.value {
        made.increment()
        return Made()
    }
    #expect(ObjectIdentifier(again) == seen.all.first)
}

private final class Identities: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [ObjectIdentifier] = []

    func add(_ id: ObjectIdentifier) {
        lock.lock()
        ids.append(id)
        lock.unlock()
    }

    var all: [ObjectIdentifier] {
        lock.lock()
        defer { lock.unlock() }
        return ids
    }
}

private final class LazyReferenceHolder: Sendable {
    let reference = LazyReference<Made>()
}

/// Every transcript input, with a typo and a prefix variant.
private func shippedInputs() throws -> [String] {
    var lines: [String] = []
    for file in Fixtures.files(in: Fixtures.transcripts, ending: ".transcript") {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        for input in try Transcript.parse(text).get().inputs {
            lines.append(input)
            lines.append(String(input.dropLast()))
            lines.append(input.count > 4 ? String(input.prefix(input.count - 2)) + "x" : input)
        }
    }
    return lines
}

@Test func matchersBuiltOnManyThreadsAnswerAsOneBuiltAhead() throws {
    let inputs = try shippedInputs()
    let eager = try #require(DialogLoader.load(paths: [Fixtures.dialogs]).graph)
    let lazy = try #require(DialogLoader.load(paths: [Fixtures.dialogs]).graph)
    let questions = eager.nodeOrder.compactMap { eager.nodes[$0]?.question }
    let lazyQuestions = lazy.nodeOrder.compactMap { lazy.nodes[$0]?.question }
    #expect(questions.count == lazyQuestions.count && !questions.isEmpty)
    // Sequentially: each matcher's tables are built by its first match.
    let expected = questions.map { q in inputs.map { q.matcher.match($0) } }
    // The other graph's matchers, first used by many threads at once.
    let results = Results(count: lazyQuestions.count)
    DispatchQueue.concurrentPerform(iterations: lazyQuestions.count * 4) { i in
        let q = lazyQuestions[i % lazyQuestions.count]
        let outcomes = inputs.map { q.matcher.match($0) }
        if i < lazyQuestions.count { results.set(i, outcomes) } else { results.check(i % lazyQuestions.count, outcomes) }
    }
    for (i, outcomes) in results.all.enumerated() {
        #expect(outcomes == expected[i], "question \(lazyQuestions[i].slot)")
    }
    #expect(results.mismatches == 0)
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[MatchOutcome]?]
    private var pending: [(Int, [MatchOutcome])] = []
    private(set) var mismatches = 0

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ outcomes: [MatchOutcome]) {
        lock.lock()
        stored[i] = outcomes
        lock.unlock()
    }

    func check(_ i: Int, _ outcomes: [MatchOutcome]) {
        lock.lock()
        pending.append((i, outcomes))
        lock.unlock()
    }

    var all: [[MatchOutcome]] {
        lock.lock()
        defer { lock.unlock() }
        for (i, outcomes) in pending where stored[i] != outcomes { mismatches += 1 }
        return stored.map { $0 ?? [] }
    }
}

/// Every step's outputs for one conversation (seed 1).
func play(_ engine: Engine, _ lines: [String]) -> [[Output]] {
    var (state, out) = engine.step(EngineState(seed: 1), .start)
    var all = [out]
    for line in lines {
        (state, out) = engine.step(state, .line(line))
        all.append(out)
    }
    return all
}

@Test func enginesSteppedOnManyThreadsReplayLikeOne() throws {
    let inputs = try Fixtures.files(in: Fixtures.transcripts, ending: ".transcript").map { file in
        try Transcript.parse(String(contentsOfFile: file, encoding: .utf8)).get().inputs
    }
    let graph = try #require(DialogLoader.load(paths: [Fixtures.dialogs]).graph)
    let reference = Engine(graph: graph)
    let expected = inputs.map { play(reference, $0) }
    // A fresh engine on a fresh graph: its steps, id table, interrupt and keyword indexes are first built
    // by these threads.
    let fresh = Engine(graph: try #require(DialogLoader.load(paths: [Fixtures.dialogs]).graph))
    let mismatches = Counter()
    DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
        if play(fresh, inputs[i]) != expected[i] { mismatches.increment() }
    }
    #expect(mismatches.count == 0)
}

@Test(arguments: [
    ("", false), ("{", false), ("{{", true), ("a{", false), ("a{{", true), ("{{b", true), ("{a{b{", false),
    ("}} {{", true), ("{ {", false), ("text without braces at all", false), ("é{{x}}", true), ("{é{", false),
])
func doubleBracesAreFound(_ source: String, _ found: Bool) {
    #expect(Template.hasDoubleBrace(source) == found)
    // A substring's copy is found the same way.
    let padded = "  " + source + "  "
    #expect(Template.hasDoubleBrace(String(padded.dropFirst(2).dropLast(2))) == found)
}

@Test func doubleBracesAreFoundAcrossEightByteWords() {
    // Every position of a pair (and of lone braces) in texts longer than one word of the scan.
    var random = SplitMix64(seed: 8)
    let pieces = ["{", "a", "}", "\u{E9}", " ", "{", "x"]
    for _ in 0..<5_000 {
        let source = (0..<random.pick(40)).map { _ in pieces[random.pick(pieces.count)] }.joined()
        #expect(Template.hasDoubleBrace(source) == source.contains("{{"), "\(source)")
    }
}

@Test func templatesWithBracesAtTheEdgesParseAsBefore() throws {
    #expect(try Template.parse("{{a}}").get().segments == [.slot("a", fallback: nil)])
    #expect(try Template.parse("x {").get().segments == [.text("x {")])
    #expect(try Template.parse("{ x").get().segments == [.text("{ x")])
    #expect(try Template.parse("").get().segments == [])
    #expect(try Template.parse("a {{b|c}}{").get().segments == [.text("a "), .slot("b", fallback: "c"), .text("{")])
}
