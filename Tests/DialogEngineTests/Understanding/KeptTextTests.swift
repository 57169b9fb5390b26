@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools
import Testing
import Understanding

/// What a free-text answer keeps: the value is cut from its frame, never from inside. A bracket keeps
/// its closing half, a number keeps its unit, a side of the body stays, a qualifier in brackets stays.
@Suite struct KeptTextTests {
    @Test(arguments: [
        ("spinal stenosis and degeneration of the disc L4/L5 (Spinalkanalstenose)", "diagnosis.ask_words",
         "spinal stenosis and degeneration of the disc L4/L5 (Spinalkanalstenose)"),
        ("low back pain going in the left leg, when I walk more than 200 m", "diagnosis.ask_symptoms",
         "low back pain going in the left leg, when I walk more than 200 m"),
        ("right eye vision problem since today", "prepare.ask_new_what", "right eye vision problem since today"),
        ("left knee pain", "diagnosis.ask_symptoms", "left knee pain"),
        ("multiple sclerosis (relapsing remitting)", "diagnosis.ask_words", "multiple sclerosis (relapsing remitting)"),
        ("pain after walking 500 m", "diagnosis.ask_symptoms", "pain after walking 500 m"),
        ("\"burning\" pain in my feet", "diagnosis.ask_symptoms", "\"burning\" pain in my feet"),
    ])
    func theValueIsKeptWhole(line: String, at node: String, kept: String) throws {
        #expect(try AnswerReadingTests.recorded(line, at: node) == .text(kept), "\(line)")
    }

    @Test(arguments: [
        ("Kenji (my husband)", "main.ask_patient_name", "Kenji"),
        ("Kasia (Katarzyna)", "main.ask_patient_name", "Kasia"),
        ("right so it's Dr Kim", "records.ask_doctor", "Dr Kim"),
    ])
    func commentsAroundTheValueStillGo(line: String, at node: String, kept: String) throws {
        #expect(try AnswerReadingTests.recorded(line, at: node) == .text(kept), "\(line)")
    }

    @Test func edgesAreTrimmedButBracketsThatCloseStay() {
        #expect(Language.trimmedEdges("(Spinalkanalstenose).") == "(Spinalkanalstenose)")
        #expect(Language.trimmedEdges("stenosis (L4.") == "stenosis (L4")
        #expect(Language.trimmedEdges(", Dr. ") == "Dr.")
        #expect(Language.trimmedEdges("...") == nil)
    }
}
