@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools
import Testing
import Understanding

/// A `map` keeps what else an answer says: on a yes/no question, on a choice question, and, with
/// `"in": "answer"`, only from the answer a text question keeps.
@Suite struct MapReadingTests {
    static func slots(_ line: String, at node: String) throws -> [String: Value] {
        let probe = UnderstandingProbe(graph: try #require(AnswerReadingTests.graph))
        return probe.run(line, at: try #require(NodeID(qualified: node)), country: "gb").slots
    }

    @Test func aNoThatNamesALastingPowerOfAttorneyKeepsIt() throws {
        let slots = try Self.slots(
            "not really no, his memory is shot. i have lasting power of attorney for health and welfare", at: "main.ask_decides")
        #expect(slots["patient.decides"] == .bool(false))
        #expect(slots["patient.authority"] == .choice("lpa"))
        #expect(try Self.slots("no, I'm his health care proxy", at: "main.ask_decides")["patient.authority"] == .choice("proxy"))
        #expect(try Self.slots("no", at: "main.ask_decides")["patient.authority"] == nil)
    }

    @Test func originalMedicareWithAMedigapPlanKeepsTheMedigap() throws {
        let slots = try Self.slots("original medicare with a medigap plan G", at: "insurance.ask_us")
        #expect(slots["insurance.us"] == .choice("medicare"))
        #expect(slots["insurance.supplement"] == .choice("medigap"))
        #expect(try Self.slots("original medicare", at: "insurance.ask_us")["insurance.supplement"] == nil)
    }

    @Test(arguments: [
        ("Dr. Feldman at Banner urology", true),
        ("Dr. Evans at Camden Medical Practice", true),
        ("County Health Clinic", true),
        ("Dr Patel", false),
        // The reading keeps "dr. Nguyen": the clinic in the comment is asked for, not lost.
        ("dr. Nguyen, the pediatrician at sickkids clinic", false),
    ])
    func aClinicNamedWithTheDoctorIsNotAskedAgain(line: String, named: Bool) throws {
        #expect((try Self.slots(line, at: "records.ask_doctor")["records.doctor_place"] != nil) == named, "\(line)")
    }

    @Test func whereAMapReadsIsLineOrAnswer() {
        let json = """
            { "dialog": "main", "start": "a",
              "slots": { "doctor": { "type": "text", "label": "Doctor" },
                         "place": { "type": "choice", "label": "Place", "options": [ { "value": "named", "label": "Named" } ] } },
              "nodes": { "a": { "say": "Who?", "ask": { "slot": "doctor", "reprompt": "Type a name.", "attempts": 2,
                "map": { "slot": "place", "in": "lines", "rules": [ { "value": "named", "keywords": ["clinic"] } ] } }, "next": "b" },
                "b": { "say": "Bye.", "end": true } } }
            """
        let result = DialogLoader.load(sources: [DialogLoader.Source(name: "main.json", bytes: Array(json.utf8))])
        #expect(result.diagnostics.contains { $0.code == .invalidMap && $0.message.contains("'lines' is not where a map can read") && $0.hint == "did you mean 'line'?" })
    }
}
