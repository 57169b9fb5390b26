@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools
import Foundation
import Testing

/// The messages file, the starter set, `--start`/`--set` and what `reload` does with answers that no longer fit.
@Suite struct MessagesAndStarterTests {
    static let small = Fixtures.small

    /// The small fixture's sources, plus `extra` files.
    func load(_ extra: [(String, String)]) throws -> DialogLoader.Result {
        var sources = try Fixtures.files(in: Self.small, ending: ".json").map {
            DialogLoader.Source(name: URL(fileURLWithPath: $0).lastPathComponent, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: $0))))
        }
        sources += extra.map { DialogLoader.Source(name: $0.0, bytes: Array($0.1.utf8)) }
        return DialogLoader.load(sources: sources)
    }

    func run(_ graph: DialogGraph, _ inputs: [String]) -> (EngineState, [String]) {
        let engine = Engine(graph: graph)
        var (state, outputs) = engine.step(EngineState(seed: 1), .start)
        var lines = outputs.flatMap { OutputFormatter.lines($0, messages: graph.messages) }
        for input in inputs {
            (state, outputs) = engine.step(state, .line(input))
            lines += outputs.flatMap { OutputFormatter.lines($0, messages: graph.messages) }
        }
        return (state, lines)
    }

    static func messagesFile(_ changes: [String: String]) -> String {
        Messages(texts: changes).fileText(schema: nil)
    }

    @Test func theFolderWordingReplacesTheShippedEnglish() throws {
        let file = Self.messagesFile([
            "question.left_for_now": "Gut, lassen wir das.", "answer.did_you_mean": "Meinten Sie {options}?", "list.or": "oder",
            "goodbye": "Auf Wiedersehen.", "help": "Tippen Sie back, why oder quit.",
        ])
        let result = try load([("messages.json", file)])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let graph = try #require(result.graph)
        let (_, lines) = run(graph, ["purple", "green"])
        #expect(lines.contains("Gut, lassen wir das."))
        #expect(!lines.contains { $0.contains("leave that one") })
        let (_, help) = run(graph, ["help"])
        #expect(help.contains("Tippen Sie back, why oder quit."))
        let (_, quit) = run(graph, ["quit"])
        #expect(quit.last == "Auf Wiedersehen.")
        // Without a messages file, the shipped English.
        let (_, english) = run(try #require(try load([]).graph), ["purple", "green"])
        #expect(english.contains("Let's leave that one for now. You can type back to return to it."))
    }

    @Test func aKeyOrPartTheProgramDoesNotUseIsAnError() throws {
        var texts = Messages.english.texts
        for key in Messages.Key.allCases { texts[key.rawValue] = key.english }
        var file = Messages(texts: texts).fileText(schema: nil)
        file = file.replacingOccurrences(of: #""goodbye":"#, with: #""goodbyee": "Bye.", "goodbye":"#)
        file = file.replacingOccurrences(of: "({range})", with: "({ranges})")
        let result = try load([("messages.json", file)])
        #expect(result.diagnostics.map(\.code) == [.unknownMessage, .unknownMessage, .unknownMessage])
        #expect(result.diagnostics.first?.hint == "did you mean 'goodbye'?")
        #expect(result.diagnostics.contains { $0.message.contains("'{ranges}'") && $0.hint == "it may use {number}, {range}" })
    }

    @Test func keysLeftOutAreOneWarning() throws {
        let file = #"{ "messages": { "goodbye": "Bye." } }"#
        let result = try load([("messages.json", file)])
        #expect(result.diagnostics.map(\.code) == [.missingMessage])
        #expect(result.diagnostics.first?.message.hasPrefix("\(Messages.Key.allCases.count - 1) messages are missing") == true)
        #expect(result.graph?.messages[.goodbye] == "Bye.")
        #expect(result.graph?.messages[.help] == Messages.Key.help.english)
    }

    @Test func theShippedMessagesFileIsCompleteAndIsTheDefault() throws {
        let text = try String(contentsOfFile: Fixtures.dialogs + "/messages.json", encoding: .utf8)
        #expect(text == Messages.english.fileText(schema: "../schema/messages.schema.json"))
        let result = DialogLoader.load(sources: [.init(name: "messages.json", bytes: Array(text.utf8))] + [.init(name: "main.json", bytes: Array(#"{ "dialog": "main", "start": "a", "nodes": { "a": { "say": "Hi.", "end": true } } }"#.utf8))])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func theCompiledFormKeepsTheMessages() throws {
        let result = try load([("messages.json", Self.messagesFile(["goodbye": "Tschüss."]))])
        let graph = try #require(result.graph)
        let source = DialogLoader.Source(name: "x.json", bytes: [1])
        let decoded = try #require(CompiledDialogs.decode(CompiledDialogs.encode(graph, sources: [source], stamp: [2]), sources: [source], stamp: [2]))
        #expect(decoded.messages == graph.messages)
        #expect(decoded.messages[.goodbye] == "Tschüss.")
    }

    @Test func replayComparesTheFoldersGoodbye() throws {
        let graph = try #require(try load([("messages.json", Self.messagesFile(["goodbye": "Bis bald."]))]).graph)
        let (_, lines) = run(graph, ["quit"])
        var text = lines.dropLast().map { "bot: " + $0 }.joined(separator: "\n")
        text += "\nyou: quit\nbot: Bis bald.\n"
        let transcript = try Transcript.parse(text).get()
        let replayed = Replayer.replay(transcript, engine: Engine(graph: graph), file: "t")
        #expect(replayed.passed, "\(replayed.diff)")
    }

    // MARK: - The starter

    @Test func theStarterValidatesReplaysAndExplores() throws {
        let files = Starter.files()
        let sources = files.filter { $0.path.hasSuffix(".json") }.map { DialogLoader.Source(name: $0.path, bytes: Array($0.text.utf8)) }
        let result = DialogLoader.load(sources: sources)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let graph = try #require(result.graph)
        let transcript = try #require(files.first { $0.path.hasSuffix(".transcript") })
        let replayed = Replayer.replay(try Transcript.parse(transcript.text).get(), engine: Engine(graph: graph), file: transcript.path)
        #expect(replayed.passed, "\(replayed.diff) \(replayed.assertionFailures)")
        let report = Explorer(graph: graph).run()
        #expect(report.passed, Comment(rawValue: report.failures.map(\.message).joined(separator: "\n")))
        // A question of each kind, a document and an urgent interrupt.
        let kinds = Set(graph.nodeOrder.compactMap { graph.nodes[$0]?.question.flatMap { graph.slotType($0.slot)?.name } })
        #expect(kinds == ["bool", "choice", "multi", "number", "text"])
        #expect(!graph.documents.isEmpty)
        #expect(graph.interrupts.contains { $0.urgent })
    }

    // MARK: - --start and --set

    @Test func startAtADialogOrNodeWithSlotsSet() throws {
        let graph = try #require(try load([]).graph)
        let started = try graph.starting(at: "main.ask_surgery", setting: ["country=uk", "worries=cost, delay", "weeks=3"])
        #expect(started.entry == NodeID(dialog: "main", node: "ask_surgery"))
        let (state, _) = run(started, [])
        #expect(state.position == NodeID(dialog: "main", node: "ask_surgery"))
        #expect(state.slots["country"] == .choice("uk"))
        #expect(state.slots["worries"] == .set(["cost", "delay"]))
        #expect(state.slots["weeks"] == .number(3))
    }

    @Test(arguments: [
        ("main.ask_surgry", [String](), "--start 'main.ask_surgery' names"),
        (nil, ["contry=uk"], "did you mean 'country'?"),
        (nil, ["country=france"], "choice slot 'country' takes one of: us, uk, other"),
        (nil, ["weeks=3.5"], "takes a whole number from 0 up to 520"),
        (nil, ["surgery"], "needs the form slot=value"),
    ] as [(String?, [String], String)])
    func badStartsAndSetsAreExplained(_ start: String?, _ set: [String], _ expected: String) throws {
        let graph = try #require(try load([]).graph)
        do {
            _ = try graph.starting(at: start, setting: set)
            Issue.record("accepted \(start ?? "-") \(set)")
        } catch {
            #expect(error.description.contains(expected) || (expected.hasPrefix("--start") && error.description.contains("did you mean 'main.ask_surgery'")), "\(error)")
        }
    }

    // MARK: - reload

    @Test func reloadNamesDroppedAnswersAndRewindsToAskThemAgain() throws {
        let before = try #require(try load([]).graph)
        let (state, _) = run(before, ["uk", "skip", "yes", "6"])
        #expect(state.slots["country"] == .choice("uk"))
        // The dialogs change: 'uk' is no longer an option.
        var after = before
        after.slots["country"]?.type = .choice([Option(value: "us", label: "United States"), Option(value: "other", label: "Somewhere else")])
        let engine = Engine(graph: after)
        let dropped = engine.droppedAnswers(state)
        #expect(dropped == ["country"])
        let rewound = try #require(engine.rewindingToDropped(state, dropped: dropped))
        #expect(rewound.position == NodeID(dialog: "main", node: "ask_country"))
        #expect(rewound.slots["country"] == nil)
        #expect(rewound.slots["weeks"] == .number(6))  // answers that still fit are kept
        #expect(rewound.history.isEmpty)
        #expect(engine.rewindingToDropped(state, dropped: []) == nil)
    }
}
