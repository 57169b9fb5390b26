import DialogCore
import DialogLoading
import DialogTools
import Foundation
import Testing

/// Replays every input saved under `Fixtures/fuzz-regressions/<target>/` through the fuzz target's own
/// code (`FuzzChecks`), and checks the fuzz properties hold on the shipped files the fuzzers start from.
@Suite struct FuzzRegressionTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/DialogEngineTests/Fixtures/fuzz-regressions").path
    static let checks = FuzzChecks(dialogsFolder: Fixtures.dialogs)

    /// Every saved input, as `target/file`.
    static let inputs: [String] = Fixtures.folders(in: folder).flatMap { target in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted().map { target + "/" + $0 }
    }

    @Test func regressionFoldersNameTargets() {
        #expect(!Self.inputs.isEmpty)
        for target in Fixtures.folders(in: Self.folder) {
            #expect(FuzzChecks.Target(rawValue: target) != nil, "no fuzz target '\(target)'")
        }
    }

    @Test(arguments: inputs)
    func savedInputKeepsEveryProperty(_ input: String) throws {
        let checks = try #require(Self.checks)
        let target = try #require(FuzzChecks.Target(rawValue: String(input.prefix { $0 != "/" })))
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + input))
        #expect(checks.run(target, [UInt8](data)) == [])
    }

    @Test func compiledSeedsKeepEveryPropertyAndDamageNeverTraps() throws {
        let checks = try #require(Self.checks)
        for seed in checks.compiledSeeds {
            #expect(checks.run(.compiled, seed) == [])
            // A few damaged copies, as the fuzzer would start from: cut short, one byte changed.
            #expect(checks.run(.compiled, Array(seed.prefix(seed.count / 2))) == [])
            var changed = seed
            changed[changed.count / 3] ^= 0xFF
            #expect(checks.run(.compiled, changed) == [])
        }
    }

    @Test func sessionSeedsKeepEveryPropertyAndDamageNeverTraps() throws {
        let checks = try #require(Self.checks)
        #expect(!checks.sessionSeeds.isEmpty)
        for seed in checks.sessionSeeds {
            #expect(checks.run(.session, seed) == [])
            #expect(checks.run(.session, Array(seed.prefix(seed.count / 2))) == [])
            let text = String(decoding: seed, as: UTF8.self)
            // A position that names no node, and a text answer full of escapes.
            let moved = text.replacingOccurrences(of: "\"position\":\"", with: "\"position\":\"nowhere.")
            #expect(checks.run(.session, Array(moved.utf8)) == [])
        }
    }

    @Test func continueRepliesKeepEveryProperty() throws {
        let checks = try #require(Self.checks)
        for reply in ["Yes!", "yes please", "yep", "yes\u{200B}", "1", "", "\u{1B}[31myes\u{1B}[0m", "no, yes", "nope"] {
            #expect(checks.run(.continue, Array(reply.utf8)) == [], "\(reply.debugDescription)")
        }
    }

    @Test func shippedDialogsKeepEveryProperty() throws {
        let checks = try #require(Self.checks)
        for source in checks.shipped {
            #expect(checks.run(.dialogs, source.bytes) == [], "\(source.name)")
            #expect(checks.run(.dialogSet, source.bytes) == [], "\(source.name)")
        }
    }

    @Test func shippedTranscriptsKeepEveryProperty() throws {
        let checks = try #require(Self.checks)
        for path in Fixtures.files(in: Fixtures.transcripts, ending: ".transcript") {
            let data = try #require(FileManager.default.contents(atPath: path))
            #expect(checks.run(.transcript, [UInt8](data)) == [], "\(path)")
            // The first turns alone are short enough to be replayed twice.
            let text = String(decoding: data, as: UTF8.self)
            var kept: [Substring] = []
            var answers = 0
            for line in text.split(separator: "\n") where !line.hasPrefix("bot:") {
                if line.hasPrefix("you:") { answers += 1 }
                if answers > 8 { break }
                kept.append(line)
            }
            #expect(checks.run(.transcript, Array(kept.joined(separator: "\n").utf8)) == [], "\(path) (first turns)")
        }
    }

    /// Found while fuzzing: "\r\n" is one Character, so splitting on "\n" kept a CRLF file as one line.
    @Test func crlfTranscriptParsesLikeLF() throws {
        let lf = "# seed: 2\nbot: Hello.\nyou: yes\n@ at main.ask_who\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try Transcript.parse(lf).get()
        let b = try Transcript.parse(crlf).get()
        #expect(a == b)
        #expect(b.inputs == ["yes"])
        #expect(b.seed == 2)
    }

    /// Found while fuzzing (fixed in Replayer.swift): `replay --update` moved a comment written after the
    /// first `bot:` lines above them, where `# seed: 3` read as a header and changed the seed, so the
    /// updated transcript no longer replayed.
    @Test func updateKeepsACommentAfterTheFirstBotLinesAComment() throws {
        let checks = try #require(Self.checks)
        let engine = Engine(graph: checks.graph)
        let written = try Transcript.parse("bot: Welcome.\n# seed: 3\nyou: yes\n").get()
        #expect(written.seed == 1)
        let updated = try Transcript.parse(Replayer.replay(written, engine: engine, file: "t").actual.render()).get()
        #expect(updated.seed == 1)
        #expect(Replayer.replay(updated, engine: engine, file: "t").diff.isEmpty)
    }

    /// Found while fuzzing: numbers written back with an exponent (`1e+100`) did not re-parse.
    @Test(arguments: ["age < 100000000000000000000", "age > 0.00001", "age == -1234567890123456789.5"])
    func bigAndTinyNumbersRoundTrip(_ source: String) throws {
        let condition = try ConditionParser.parse(source).get()
        #expect(!condition.description.contains("e+") && !condition.description.contains("e-"))
        #expect(try ConditionParser.parse(condition.description).get() == condition)
    }

    @Test func infiniteNumberIsRefused() {
        guard case .failure(let error) = ConditionParser.parse("age < 1" + String(repeating: "0", count: 400)) else {
            Issue.record("a number too big for a Double parsed")
            return
        }
        #expect(error.message.contains("too large"))
        #expect(error.offset == 6)
    }

    /// Found while fuzzing: `{{a|b} }}` wrote back as `{{a|b}}}`, which reads as a different template.
    @Test func fallbackEndingInBraceIsRefused() throws {
        guard case .failure(let error) = Template.parse("Hello {{name|friend} }}") else {
            Issue.record("a fallback ending in '}' parsed")
            return
        }
        #expect(error.message == "a fallback cannot end with '}'")
        #expect(try Template.parse("{{name|friend}}}").get().description == "{{name|friend}}}")
    }
}
