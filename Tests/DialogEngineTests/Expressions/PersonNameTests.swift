import Testing

@testable import DialogEngine

/// The `name` and `addressee` filters: a letter greets the doctor by name, whatever else was typed.
@Suite struct PersonNameTests {
    @Test(arguments: [
        ("my PCP, dr amanda reyes", "Dr Amanda Reyes", nil),
        ("mr hughes, colorectal surgeon", "Mr Hughes", "Colorectal surgeon"),
        ("Dr. Feldman at Banner urology", "Dr. Feldman", "Banner urology"),
        ("Dr Sarah O'Brien, gastroenterologist", "Dr Sarah O'Brien", "Gastroenterologist"),
        (
            "Mr Tane Williams, orthopaedic surgeon at Waikato Hospital", "Mr Tane Williams",
            "Orthopaedic surgeon, Waikato Hospital"
        ),
        ("dr. Nguyen, the pediatrician at sickkids clinic", "Dr. Nguyen", "Pediatrician, sickkids clinic"),
        ("Dr Okafor, consultant neurologist", "Dr Okafor", "Consultant neurologist"),
        ("DR JONES", "Dr Jones", nil),
        ("dr o'brien", "Dr O'Brien", nil),
        ("Prof. van der Berg", "Prof. van der Berg", nil),
        ("Dr McKenzie", "Dr McKenzie", nil),
        ("Dr Amanda Reyes MD", "Dr Amanda Reyes MD", nil),
        ("amanda reyes", "Amanda Reyes", nil),
        ("colorectal surgeon Mr Hughes", "Mr Hughes", "Colorectal surgeon"),
        ("my GP", nil, nil),
        ("the doctor", nil, "Doctor"),
        ("Northside Cardiology", nil, "Northside Cardiology"),
        ("my GP at Riverside Practice", nil, "Riverside Practice"),
        ("Dr Patel (cardiologist)", "Dr Patel", "Cardiologist"),
        ("Dr. med. Hoffmann, Orthopädische Praxis am Isartor", "Dr. med. Hoffmann", "Orthopädische Praxis am Isartor"),
        ("Prof. Dr. Weber", "Prof. Dr. Weber", nil),
    ] as [(String, String?, String?)])
    func readsThePersonAndTheRest(typed: String, name: String?, rest: String?) {
        let person = PersonName(reading: typed)
        #expect(person.name == name)
        #expect(person.rest == rest)
    }

    @Test func greetingUsesTheNameOrTheFallback() throws {
        let t = try Template.parse("Dear {{doctor:name|Doctor}},").get()
        var missing: [String] = []
        func greet(_ typed: String) -> String {
            t.render({ $0 == "doctor" ? .text(typed) : nil }, slotType: { _ in nil }, missing: &missing)
        }
        #expect(greet("my PCP, dr amanda reyes") == "Dear Dr Amanda Reyes,")
        #expect(greet("Dr. Feldman at Banner urology") == "Dear Dr. Feldman,")
        // Nothing in the answer is a name: the fallback, never "Dear My GP,".
        #expect(greet("my GP") == "Dear Doctor,")
        #expect(t.render({ _ in nil }, slotType: { _ in nil }, missing: &missing) == "Dear Doctor,")
        #expect(missing.isEmpty)
        #expect(t.description == "Dear {{doctor:name|Doctor}},")
    }

    @Test func addresseePutsTheRestOnItsOwnLine() throws {
        let t = try Template.parse("To: {{doctor:addressee|[doctor]}}").get()
        var missing: [String] = []
        func to(_ typed: String) -> String {
            t.render({ $0 == "doctor" ? .text(typed) : nil }, slotType: { _ in nil }, missing: &missing)
        }
        #expect(to("mr hughes, colorectal surgeon") == "To: Mr Hughes\nColorectal surgeon")
        #expect(to("Dr Patel") == "To: Dr Patel")
        #expect(to("my GP") == "To: [doctor]")
    }

    @Test(arguments: [
        ("and i feel rushed", "and I feel rushed"),
        ("i'm worried, i've been waiting", "I'm worried, I've been waiting"),
        ("when i walk more than 200 m", "when I walk more than 200 m"),
        ("vitamin d, i.e. sunshine", "vitamin d, i.e. sunshine"),
        ("type-i error", "type-i error"),
        ("iron and fish", "iron and fish"),
        ("it hurts when i", "it hurts when I"),
    ] as [(String, String)])
    func calmWritesThePronounI(typed: String, written: String) {
        #expect(Template.display(.text(typed), type: nil, format: .init(filters: [.calm])) == written)
    }

    @Test func lowerKeepsThePronounI() {
        #expect(Template.lowercasedKeepingI("Quality of Life and I Feel Rushed") == "quality of life and I feel rushed")
        #expect(Template.display(.text("I'M READY"), type: nil, format: .init(filters: [.lower])) == "I'm ready")
    }
}
