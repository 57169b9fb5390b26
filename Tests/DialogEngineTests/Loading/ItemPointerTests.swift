import Testing

@testable import DialogCore
@testable import DialogLoading

/// List items (options, edges, keyword rules) build their pointers only for diagnostics: they must
/// still name the item exactly.
@Suite("Item pointers")
struct ItemPointerTests {
    private func diagnostics(_ text: String) -> [Diagnostic] {
        DialogLoader.load(sources: [DialogLoader.Source(name: "d/x.json", bytes: Array(text.utf8))]).diagnostics
    }

    @Test func wrongItemsAreNamedByTheirPointers() {
        let text = """
            {
              "dialog": "x",
              "start": "a",
              "slots": {
                "s.k": { "type": "choice", "label": "Kind", "options": [ { "value": "p", "label": "P" }, 3 ] },
                "t": { "type": "text", "label": "T" }
              },
              "nodes": {
                "a": {
                  "ask": { "slot": "t", "reprompt": "Say it", "attempts": 2,
                    "map": { "slot": "s.k", "rules": [ "no", { "value": "p", "keywords": ["pea"], "odd": 1 } ] } },
                  "next": [ 7, { "goto": "b", "x": 1 } ]
                },
                "b": { "say": "Bye", "end": true }
              }
            }
            """
        let found = diagnostics(text).map { "\($0.location.line):\($0.location.column) \($0.pointer) \($0.message)" }
        #expect(found.contains("5:94 /slots/s.k/options/1 an option must be an object, not a number (3)"))
        #expect(found.contains("11:44 /nodes/a/ask/map/rules/0 a keyword rule must be an object, not a string ('no')"))
        #expect(found.contains("11:87 /nodes/a/ask/map/rules/1/odd unknown key 'odd' in a keyword rule"))
        #expect(found.contains("12:17 /nodes/a/next/0 an edge must be an object, not a number (7)"))
        #expect(found.contains("12:35 /nodes/a/next/1/x unknown key 'x' in an edge"))
    }

    @Test func wrongNextIsNamed() {
        let text = #"{ "dialog": "x", "start": "a", "nodes": { "a": { "say": "Hi", "next": 4 } } }"#
        let found = diagnostics(text).map { "\($0.pointer) \($0.code)" }
        #expect(found.contains { $0.hasPrefix("/nodes/a/next ") })
    }
}
