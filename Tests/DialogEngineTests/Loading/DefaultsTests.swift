import DialogCore
import DialogLoading
import Testing

/// `defaults` in a dialog (and in `main`, for the whole folder) fill in `skip` and `attempts`.
@Suite struct DefaultsTests {
    static func load(main defaults: String, other otherDefaults: String = "", ask: String = "") -> DialogLoader.Result {
        let main = """
            { "dialog": "main", "start": "hello", \(defaults)
              "slots": { "ready": { "type": "bool", "label": "Ready" } },
              "nodes": { "hello": { "say": "Ready?", "ask": { "slot": "ready", "reprompt": "Yes or no?" \(ask) }, "call": "other", "next": "bye" },
                         "bye": { "say": "Goodbye.", "end": true } } }
            """
        let other = """
            { "dialog": "other", "start": "ask_age", \(otherDefaults)
              "slots": { "age": { "type": "number", "label": "Age" } },
              "nodes": { "ask_age": { "say": "How old are you?", "ask": { "slot": "age", "reprompt": "A number, please." }, "return": true } } }
            """
        return DialogLoader.load(sources: [.init(name: "main.json", bytes: Array(main.utf8)), .init(name: "other.json", bytes: Array(other.utf8))])
    }

    static func question(_ result: DialogLoader.Result, _ dialog: String, _ node: String) -> Question? {
        result.graph?.nodes[NodeID(dialog: dialog, node: node)]?.question
    }

    @Test func mainsDefaultsApplyInEveryDialog() throws {
        let result = Self.load(main: #""defaults": { "skip": false, "attempts": 2 },"#)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        for (d, n) in [("main", "hello"), ("other", "ask_age")] {
            let q = try #require(Self.question(result, d, n))
            #expect(q.attempts == 2)
            #expect(q.skippable == false)
        }
    }

    @Test func aDialogsOwnDefaultsAndAQuestionsOwnKeysComeFirst() throws {
        let result = Self.load(
            main: #""defaults": { "skip": false, "attempts": 2 },"#, other: #""defaults": { "attempts": 4 },"#,
            ask: #", "attempts": 5, "skip": true"#)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let hello = try #require(Self.question(result, "main", "hello"))
        #expect(hello.attempts == 5 && hello.skippable)
        let age = try #require(Self.question(result, "other", "ask_age"))
        #expect(age.attempts == 4 && !age.skippable)
    }

    @Test func withoutDefaultsAQuestionStillNeedsAttempts() {
        let result = Self.load(main: "")
        #expect(result.diagnostics.map(\.code) == [.unboundedAttempts, .unboundedAttempts])
    }

    @Test func defaultAttemptsOutsideTheRangeAreAnError() {
        let result = Self.load(main: #""defaults": { "attempts": 0 },"#, ask: #", "attempts": 3"#)
        #expect(result.diagnostics.map(\.code).contains(.unboundedAttempts))
        #expect(result.diagnostics.first?.pointer == "/defaults/attempts")
    }

    @Test func anUnknownKeyInDefaultsIsReported() {
        let result = Self.load(main: #""defaults": { "attempts": 3, "skipp": false },"#)
        #expect(result.diagnostics.map(\.code) == [.unknownKey])
        #expect(result.diagnostics.first?.hint == "did you mean 'skip'?")
    }
}
