import DialogLoading
import DialogTools
import Testing

/// Path properties declared in JSON are checked by `explore` on every path.
@Suite struct PropertyCheckTests {
    @Test func eachKindOfViolatedPropertyIsCaughtWithACounterexample() throws {
        let graph = try ExploreFixtures.graph("property")
        let report = Explorer(graph: graph).run()
        let before = try #require(report.failures(of: .property("tip_for_everyone")).first)
        #expect(before.message.contains("'main.done' was reached before 'main.heart_tip'"))
        #expect(before.inputs == ["My knee"])
        let never = try #require(report.failures(of: .property("no_tip_for_hearts")).first)
        #expect(never.inputs == ["My heart"])
        let always = try #require(report.failures(of: .property("tip_is_reached")).first)
        #expect(always.message.contains("without passing 'main.heart_tip'"))
        for failure in [before, never, always] {
            #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
        }
    }

    @Test func alwaysReachesOnlyCountsPathsWhereTheConditionHolds() throws {
        let report = Explorer(graph: try ExploreFixtures.graph("property")).run()
        // Skipping the topic leaves `answered(topic)` false at the end: not a violation on that path.
        let always = report.failures(of: .property("tip_is_reached"))
        #expect(always.count == 1)
        #expect(always.first?.inputs != ["skip"])
    }

    @Test func propertiesOfACorrectSetHold() throws {
        let graph = try ExploreFixtures.graph("good")
        #expect(graph.properties.count == 3)
        let report = Explorer(graph: graph).run()
        for p in graph.properties { #expect(report.failures(of: .property(p.id)).isEmpty) }
    }
}

/// `never_writes`: no shown or saved document has an item whose words contain a phrase.
@Suite struct NeverWritesTests {
    @Test func anItemWithThePhraseOnAPathWhereTheConditionHoldsIsCaught() throws {
        let graph = try ExploreFixtures.graph("writes")
        let report = Explorer(graph: graph).run()
        let failures = report.failures(of: .property("carer_in_third_person"))
        let failure = try #require(failures.first)
        // Only the carer who asks about a heart gets the first-person heart question; the guarded
        // "my main problem" never reaches a carer.
        #expect(failure.inputs == ["Someone I care for", "A heart"])
        #expect(failure.message.contains("writes 'my heart'"))
        #expect(!failures.contains { $0.message.contains("my main problem") })
        #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
    }

    @Test func aPhraseNoItemHasHolds() throws {
        let report = Explorer(graph: try ExploreFixtures.graph("writes")).run()
        #expect(report.failures(of: .property("nobody_is_asked_about_knees")).isEmpty)
    }

    @Test func aPropertyWithoutPhrasesIsRefused() throws {
        let json = """
            { "dialog": "main", "start": "a", "nodes": { "a": { "say": "Hi.", "end": true } },
              "properties": [ { "id": "p", "kind": "never_writes" } ] }
            """
        let result = DialogLoader.load(sources: [DialogLoader.Source(name: "main.json", bytes: Array(json.utf8))])
        #expect(result.diagnostics.contains { $0.code == .invalidProperty && $0.message.contains("needs 'phrases'") })
    }
}

/// `always_writes`: every shown or saved document includes an item with the words (a placeholder read
/// as `{{slot|fallback}}`); `never_answers`: no answer a document shows holds a phrase.
@Suite struct AlwaysWritesAndNeverAnswersTests {
    @Test func aDocumentWithoutTheNumberOnSomePathIsCaught() throws {
        let graph = try ExploreFixtures.graph("musts")
        let report = Explorer(graph: graph).run()
        let failure = try #require(report.failures(of: .property("every_document_has_the_number")).first)
        // For a carer, the letter's emergency line is left out; the checklist still has its own.
        #expect(failure.inputs.first == "Someone I care for")
        #expect(failure.message.contains("document 'letter' writes none of '{{number|'"))
        #expect(!failure.message.contains("'list'"))
        #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
    }

    @Test func wordsEveryDocumentHasWhereTheConditionHoldsHold() throws {
        let report = Explorer(graph: try ExploreFixtures.graph("musts")).run()
        #expect(report.failures(of: .property("the_checklist_words_hold")).isEmpty)
    }

    @Test func aNonAnswerKeptWhereADocumentShowsItIsCaughtButNotElsewhere() throws {
        // "ask the receptionist" is no skip word, so it is kept as typed: the doctor's name in the letter.
        let graph = try ExploreFixtures.graph("musts")
        let report = Explorer(graph: graph).run()
        let failures = report.failures(of: .property("no_ask_them_in_documents"))
        let failure = try #require(failures.first)
        #expect(failure.inputs.last == "ask the receptionist")
        #expect(failure.message.contains("slot 'doctor' holds 'ask the receptionist'"))
        // "note" is shown by no document: what it holds is nobody's business.
        #expect(!failures.contains { $0.message.contains("'note'") })
        #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
        // Typed at the same questions, "not sure" and "skip" leave the question unanswered: nothing kept.
        #expect(report.failures(of: .property("skip_words_are_never_kept")).isEmpty)
    }

    @Test func theNewKindsNeedPhrases() throws {
        for kind in ["always_writes", "never_answers"] {
            let json = """
                { "dialog": "main", "start": "a", "nodes": { "a": { "say": "Hi.", "end": true } },
                  "properties": [ { "id": "p", "kind": "\(kind)" } ] }
                """
            let result = DialogLoader.load(sources: [DialogLoader.Source(name: "main.json", bytes: Array(json.utf8))])
            #expect(result.diagnostics.contains { $0.code == .invalidProperty && $0.message.contains("needs 'phrases'") })
        }
    }
}

/// `never_says`: no text said at a node (the `say` branch that holds, the re-prompt) has a phrase.
@Suite struct NeverSaysTests {
    @Test func aTextWithThePhraseOnAPathWhereTheConditionHoldsIsCaught() throws {
        let graph = try ExploreFixtures.graph("says")
        let report = Explorer(graph: graph).run()
        let failures = report.failures(of: .property("carer_is_not_the_patient"))
        let failure = try #require(failures.first)
        // The carer who asks about a heart hears "your health"; the knee note's carer branch is theirs.
        #expect(failure.inputs == ["Someone I care for", "A heart"])
        #expect(failure.message.contains("'main.heart_note' says 'your health'"))
        #expect(!failures.contains { $0.message.contains("safe for you") })
        #expect(try ExploreFixtures.replays(failure.transcript, on: graph))
    }

    @Test func aPhraseNothingSaysHolds() throws {
        let report = Explorer(graph: try ExploreFixtures.graph("says")).run()
        #expect(report.failures(of: .property("nobody_hears_about_lungs")).isEmpty)
    }

    @Test func aPropertyWithoutPhrasesIsRefused() throws {
        let json = """
            { "dialog": "main", "start": "a", "nodes": { "a": { "say": "Hi.", "end": true } },
              "properties": [ { "id": "p", "kind": "never_says" } ] }
            """
        let result = DialogLoader.load(sources: [DialogLoader.Source(name: "main.json", bytes: Array(json.utf8))])
        #expect(result.diagnostics.contains { $0.code == .invalidProperty && $0.message.contains("needs 'phrases'") })
    }
}
