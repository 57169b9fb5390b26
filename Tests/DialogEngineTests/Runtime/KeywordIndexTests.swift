import Foundation
import Testing

@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools
import Understanding

// The engine reads keyword maps and interrupts through `InterruptIndex`; it must find exactly what
// `KeywordMap.value(for:)` and `PhraseMatcher.matches` find, on every line of every shipped
// transcript, and on those lines' words with typos, prefixes and reordering.

private func shippedLines() throws -> (DialogGraph, [[String]]) {
    let graph = try #require(DialogLoader.load(paths: [Fixtures.dialogs]).graph)
    var lines: [[String]] = []
    for file in Fixtures.files(in: Fixtures.transcripts, ending: ".transcript") {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let transcript = try Transcript.parse(text).get()
        for input in transcript.inputs {
            let tokens = TextNormalizer.tokens(input)
            lines.append(tokens)
            lines.append(tokens.reversed())
            // One typo in each longer word, and a prefix of each word.
            lines.append(tokens.map { $0.count >= 5 ? String($0.dropLast()) + "x" : $0 })
            lines.append(tokens.map { String($0.prefix(max(3, $0.count - 2))) })
        }
    }
    // Every keyword and interrupt phrase itself, so each rule matches at least once.
    for node in graph.nodes.values {
        for rule in node.question?.map?.rules ?? [] { for phrase in rule.matcher.phrases { lines.append(phrase.map(\.text)) } }
    }
    for interrupt in graph.interrupts { for phrase in interrupt.matcher.phrases { lines.append(phrase.map(\.text)) } }
    return (graph, lines)
}

@Test func keywordMapsThroughTheIndexMatchValueForTokens() throws {
    let (graph, lines) = try shippedLines()
    var maps = 0
    for node in graph.nodes.values {
        guard let map = node.question?.map else { continue }
        maps += 1
        let index = InterruptIndex(matchers: map.rules.map { ($0.matcher, true) })
        for tokens in lines {
            let indexed = map.value(matching: index.matches(tokens, urgent: true, firstOnly: !map.isMulti))
            #expect(indexed == map.value(for: tokens), "\(node.id): \(tokens)")
        }
    }
    #expect(maps > 0)
}

@Test func interruptIndexFindsWhatPhraseMatchersFind() throws {
    let (graph, lines) = try shippedLines()
    let index = InterruptIndex(graph.interrupts)
    for tokens in lines {
        for urgent in [true, false] {
            let expected = graph.interrupts.indices.first { graph.interrupts[$0].urgent == urgent && graph.interrupts[$0].matcher.matches(tokens) }
            #expect(index.firstMatch(tokens, urgent: urgent) == expected, "\(tokens)")
        }
    }
}

@Test func interruptIndexFindsWhatPhraseMatchersFindOnRandomEdits() throws {
    // Lines of interrupt words with random typos (change, drop, add, swap letters), cut to prefixes and
    // mixed with other words: the lead-word filter must keep every lead a phrase matcher accepts.
    let (graph, lines) = try shippedLines()
    let index = InterruptIndex(graph.interrupts)
    var words = Set(lines.joined())
    for interrupt in graph.interrupts { for phrase in interrupt.matcher.phrases { words.formUnion(phrase.map(\.text)) } }
    let vocabulary = words.sorted()
    let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789é")
    var rng = SplitMix64(seed: 20_261_125)
    func edited(_ word: String) -> String {
        var chars = Array(word)
        for _ in 0..<rng.pick(4) {
            let at = chars.isEmpty ? 0 : rng.pick(chars.count)
            switch rng.pick(5) {
            case 0 where !chars.isEmpty: chars[at] = letters[rng.pick(letters.count)]
            case 1 where chars.count > 1: chars.remove(at: at)
            case 2: chars.insert(letters[rng.pick(letters.count)], at: at)
            case 3 where at + 1 < chars.count: chars.swapAt(at, at + 1)
            default: chars = Array(chars.prefix(max(1, chars.count - rng.pick(4))))
            }
        }
        return String(chars)
    }
    for _ in 0..<20_000 {
        let tokens = (0..<(1 + rng.pick(7))).map { _ in
            let word = vocabulary[rng.pick(vocabulary.count)]
            return rng.pick(3) == 0 ? word : edited(word)
        }
        for urgent in [true, false] {
            let expected = graph.interrupts.indices.first { graph.interrupts[$0].urgent == urgent && graph.interrupts[$0].matcher.matches(tokens) }
            #expect(index.firstMatch(tokens, urgent: urgent) == expected, "\(tokens)")
        }
    }
}

@Test func theIndexFindsWhatPhraseMatchersFindOnLinesOfMoreThan64Words() throws {
    // Past 64 words the lead positions take more than one block of bits: lines of many shipped lines,
    // and each phrase after 70 other words, must read as the phrase matchers read them.
    let (graph, lines) = try shippedLines()
    var long: [[String]] = []
    var line: [String] = []
    for tokens in lines.prefix(4_000) {
        line += tokens
        if line.count > 64 + long.count % 90 {
            long.append(line)
            line = []
        }
    }
    let filler = (0..<70).map { "filler\($0 % 7)" }
    for interrupt in graph.interrupts { for phrase in interrupt.matcher.phrases { long.append(filler + phrase.map(\.text)) } }
    for node in graph.nodes.values {
        for rule in node.question?.map?.rules ?? [] { for phrase in rule.matcher.phrases { long.append(filler + phrase.map(\.text) + ["end"]) } }
    }
    #expect(long.count > 100)
    let index = InterruptIndex(graph.interrupts)
    for tokens in long {
        for urgent in [true, false] {
            let expected = graph.interrupts.indices.filter { graph.interrupts[$0].urgent == urgent && graph.interrupts[$0].matcher.matches(tokens) }
            #expect(index.firstMatch(tokens, urgent: urgent) == expected.first, "\(tokens)")
        }
    }
    for node in graph.nodes.values {
        guard let map = node.question?.map else { continue }
        let index = InterruptIndex(matchers: map.rules.map { ($0.matcher, true) })
        for tokens in long {
            let expected = map.rules.indices.filter { map.rules[$0].matcher.matches(tokens) }
            #expect(index.matches(tokens, urgent: true, firstOnly: false) == expected, "\(node.id): \(tokens)")
        }
    }
}
