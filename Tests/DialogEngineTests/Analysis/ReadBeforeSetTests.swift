import DialogLoading
import Testing

/// Read-before-set across files and calls, for conditions and every template (W064, E066).
@Suite struct ReadBeforeSetTests {
    /// A `main` dialog with these nodes (starting at `hello`), a `more` dialog that asks `worry` and
    /// returns, and the documents given.
    static func load(_ nodes: String, documents: String = "{}") -> DialogLoader.Result {
        let main = """
            { "dialog": "main", "start": "hello",
              "slots": { "ready": { "type": "bool", "label": "Ready" } },
              "nodes": \(nodes), "documents": \(documents) }
            """
        let more = """
            { "dialog": "more", "start": "ask_worry",
              "slots": { "worry": { "type": "text", "label": "Worry" } },
              "nodes": { "ask_worry": { "say": "What worries you?",
                "ask": { "slot": "worry", "reprompt": "A few words, please.", "attempts": 2 }, "return": true } } }
            """
        return DialogLoader.load(sources: [
            .init(name: "main.json", bytes: Array(main.utf8)), .init(name: "more.json", bytes: Array(more.utf8)),
        ])
    }

    static let ask = #""ask": { "slot": "ready", "reprompt": "Yes or no?", "attempts": 2 }"#

    @Test func aTemplateReadingASlotAnotherFileAsksOnSomePathIsAWarningWithThePath() {
        let result = Self.load("""
            { "hello": { "say": "Ready?", \(Self.ask), "next": [{ "if": "ready", "goto": "run" }, { "goto": "sum" }] },
              "run": { "call": "more", "next": "sum" },
              "sum": { "say": "You worry about {{worry}}.", "end": true } }
            """)
        #expect(result.diagnostics.map(\.code) == [.readBeforeSet])
        #expect(result.diagnostics.first?.message.hasSuffix(": main.hello → main.sum") == true)
    }

    @Test func aReadAfterTheCallThatAsksIsFine() {
        let result = Self.load("""
            { "hello": { "call": "more", "next": "sum" },
              "sum": { "say": "You worry about {{worry}}.", "end": true } }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func aTemplateReadingASlotAskedOnlyLaterIsAnError() {
        let result = Self.load("""
            { "hello": { "say": "You worry about {{worry}}.", "next": "run" },
              "run": { "call": "more", "next": "bye" },
              "bye": { "say": "Goodbye.", "end": true } }
            """)
        #expect(result.diagnostics.map(\.code) == [.readNeverSet])
        #expect(result.graph == nil)
    }

    @Test func theConditionsOfACallNodeAreReadAfterTheCallReturns() {
        let result = Self.load("""
            { "hello": { "call": "more", "next": [{ "if": "answered(worry) and ready", "goto": "bye" }, { "goto": "bye" }] },
              "bye": { "say": "Goodbye.", "end": true } }
            """)
        // 'ready' is never asked anywhere: always unanswered; 'worry' is asked by the call.
        #expect(result.diagnostics.map(\.code) == [.readNeverSet])
        #expect(result.diagnostics.first?.message.hasPrefix("slot 'ready'") == true)
    }

    @Test func aConditionOnASlotSomePathsLeaveUnansweredIsFineWhenNothingAsksItLater() {
        let result = Self.load("""
            { "hello": { "say": "Ready?", \(Self.ask), "next": [{ "if": "ready", "goto": "run" }, { "goto": "check" }] },
              "run": { "call": "more", "next": "check" },
              "check": { "say": "Thanks.", "next": [{ "if": "answered(worry)", "goto": "bye" }, { "if": "ready", "goto": "bye" }, { "goto": "bye" }] },
              "bye": { "say": "Goodbye.", "end": true } }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func documentTextsAreReadWhereTheDocumentIsShownUnlessTheirWhenTestsTheSlot() {
        let result = Self.load(
            """
            { "hello": { "say": "Ready?", \(Self.ask), "next": [{ "if": "ready", "goto": "run" }, { "goto": "show" }] },
              "run": { "call": "more", "next": "show" },
              "show": { "say": "Here it is.", "documents": ["notes"], "end": true } }
            """,
            documents: """
                { "notes": { "title": "Notes", "items": [
                  { "text": "You worry about {{worry}}." },
                  { "when": "worry != ''", "text": "Ask about {{worry}}." } ] } }
                """)
        #expect(result.diagnostics.map(\.code) == [.readBeforeSet])
        #expect(result.diagnostics.first?.pointer == "/documents/notes/items/0/text")
    }

    @Test func theShippedDialogsReadNothingBeforeItIsAsked() {
        let result = DialogLoader.load(paths: [Fixtures.dialogs])
        #expect(result.diagnostics.filter { [.readBeforeSet, .readNeverSet].contains($0.code) }.isEmpty)
    }
}
