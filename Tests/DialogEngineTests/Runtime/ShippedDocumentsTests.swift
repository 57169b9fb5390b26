@testable import DialogCore
@testable import DialogLoading
@testable import DialogTools
import Testing
import Understanding

/// The shipped documents, rendered for kinds of people: the greeting, the country's lines and sources,
/// a carer's third person, a child's age, one signature.
@Suite struct ShippedDocumentsTests {
    static let graph = DialogLoader.load(paths: [Fixtures.dialogs]).graph

    /// The answers of a person in country `code` (with the country's details, as a place answer sets them).
    static func answers(_ code: String, _ more: [String: Value] = [:]) throws -> [String: Value] {
        let graph = try #require(Self.graph)
        let places = try #require(graph.language?.language.places)
        var slots = Engine.placeSlots(code, slot: "country", places: places, graph: graph)
        slots["consent"] = .bool(true)
        slots["who"] = .choice("self")
        for (k, v) in more { slots[k] = v }
        return slots
    }

    static func documents(_ code: String, _ more: [String: Value] = [:]) throws -> String {
        DocumentRenderer.renderAll(graph: try #require(Self.graph), slots: try answers(code, more))
    }

    static func carer(age: Double, name: String = "Sam", _ more: [String: Value] = [:]) -> [String: Value] {
        var slots: [String: Value] = ["who": .choice("carer"), "patient.name": .text(name), "patient.age": .number(age)]
        for (k, v) in more { slots[k] = v }
        return slots
    }

    // MARK: - The greeting

    /// The letters greet the doctor by the name the doctor question read (`person`: `records.doctor.name`);
    /// the "To:" line writes that same name, and where they work on its own line (`records.doctor.place`).
    @Test(arguments: [
        ("my PCP, dr amanda reyes", "Dear Dr Amanda Reyes,", "To: Dr Amanda Reyes\nFrom:"),
        ("mr hughes, colorectal surgeon", "Dear Mr Hughes,", "To: Mr Hughes\nFrom:"),
        ("Dr. Feldman at Banner urology", "Dear Dr. Feldman,", "To: Dr. Feldman\nBanner urology\nFrom:"),
        ("dr. okafor, cardiology", "Dear Dr. Okafor,", "To: Dr. Okafor\nCardiology\nFrom:"),
        ("DR SMITH AT ST MARYS HOSPITAL", "Dear Dr Smith,", "To: Dr Smith\nSt Marys Hospital\nFrom:"),
        ("Dr. med. Hoffmann, Orthopädische Praxis am Isartor", "Dear Dr. med. Hoffmann,", "To: Dr. med. Hoffmann\nOrthopädische Praxis am Isartor\nFrom:"),
        ("Prof. Dr. Weber", "Dear Prof. Dr. Weber,", "To: Prof. Dr. Weber\nFrom:"),
        ("my GP", "Dear Doctor,", "To: [doctor or clinic]\nFrom:"),
        ("amanda reyes", "Dear Amanda Reyes,", "To: Amanda Reyes\nFrom:"),
        ("Sarah O'Neill", "Dear Sarah O'Neill,", "To: Sarah O'Neill\nFrom:"),
        ("Princess Alexandra Hospital", "Dear Doctor,", "To: Princess Alexandra Hospital\nFrom:"),
        ("Banner urology", "Dear Doctor,", "To: Banner urology\nFrom:"),
        ("st vincent's university hospital", "Dear Doctor,", "To: St Vincent's University Hospital\nFrom:"),
        ("dr chen, the geriatrician", "Dear Dr Chen,", "To: Dr Chen\nFrom:"),
        ("Mr Tane Williams, orthopaedic surgeon at Waikato Hospital", "Dear Mr Tane Williams,", "To: Mr Tane Williams\nWaikato Hospital\nFrom:"),
        ("Dr Nguyen at the Royal Melbourne", "Dear Dr Nguyen,", "To: Dr Nguyen\nThe Royal Melbourne\nFrom:"),
        // An answer that names neither a person nor a place is left as a blank to fill in, not printed.
        ("i dont have insurance, i pay cash", "Dear Doctor,", "To: [doctor or clinic]\nFrom:"),
    ])
    func theLetterGreetsTheDoctorByName(typed: String, greeting: String, to: String) throws {
        let outcome = try AnswerReadingTests.run(typed, at: "records.ask_doctor")
        var more: [String: Value] = [:]
        for key in ["records.doctor", "records.doctor.name", "records.doctor.place", "records.doctor_place"] { more[key] = outcome.slots[key] }
        let text = try Self.documents("us", more)
        #expect(text.contains(greeting), "\(typed)")
        #expect(text.contains(to), "\(typed)")
        #expect(!text.contains("Dear My"), "\(typed)")
    }

    @Test func theClinicAnsweredApartIsTheSecondLineOfTheAddress() throws {
        let outcome = try AnswerReadingTests.run("Mr Tane Williams, orthopaedic surgeon", at: "records.ask_doctor")
        var more: [String: Value] = ["records.clinic": .text("Waikato Hospital")]
        for key in ["records.doctor", "records.doctor.name"] { more[key] = outcome.slots[key] }
        let text = try Self.documents("nz", more)
        #expect(text.contains("Dear Mr Tane Williams,"))
        #expect(text.contains("To: Mr Tane Williams\nWaikato Hospital\n"))
    }

    /// A father in Ireland types the GP's name and then the practice, all in lower case: the address
    /// writes both as names, as the greeting does.
    @Test func aNameAndAClinicTypedInLowerCaseAreWrittenAsNames() throws {
        let outcome = try AnswerReadingTests.run("dr mary o'sullivan, our gp in ballincollig", at: "records.ask_doctor")
        var more = Self.carer(age: 4, name: "Cian", ["records.clinic": .text("ballincollig medical centre")])
        for key in ["records.doctor", "records.doctor.name", "records.doctor.place"] { more[key] = outcome.slots[key] }
        let text = try Self.documents("ie", more)
        #expect(text.contains("Dear Dr Mary O'Sullivan,"))
        #expect(text.contains("To: Dr Mary O'Sullivan\nBallincollig Medical Centre\nFrom:"))
    }

    /// A father in Ireland, public care, for his 4-year-old: 112 and 999 both reach an ambulance, the
    /// public system is not called an insurer, and a child's goals are not about work.
    @Test func anIrishChildOnPublicCare() throws {
        let text = try Self.documents("ie", Self.carer(age: 4, name: "Cian", [
            "insurance.eu": .choice("public"), "prepare.goals": .set(["quality", "daily"]),
        ]))
        #expect(text.contains("call 112 (or 999 for an ambulance)"))
        #expect(!text.contains("for an ambulance, 999"))
        #expect(!text.contains("ask the insurer what it pays"))
        #expect(text.contains("Bring the health or insurance card"))
        #expect(text.contains("keeping up school, play and daily life"))
        #expect(!text.contains("work and daily life"))
    }

    /// Names typed in lower case ("walter", "my sister jen") are written as names in the documents.
    @Test func namesTypedInLowerCaseAreWrittenAsNames() throws {
        let text = try Self.documents("us", Self.carer(age: 84, name: "walter", [
            "prepare.companion": .bool(true), "prepare.companion.name": .text("jen"),
        ]))
        #expect(text.contains("Walter"))
        #expect(!text.contains("walter"))
        let own = try Self.documents("us", ["prepare.companion": .bool(true), "prepare.companion.name": .text("jen")])
        #expect(own.contains("Ask Jen to come along"))
    }

    /// "Dr. Rebecca Hollis at Memorial Hermann" names where she works: the clinic question is not asked.
    @Test func aDoctorNamedWithTheirHospitalIsNotAskedForTheClinic() throws {
        let outcome = try AnswerReadingTests.run("dr. rebecca hollis at memorial hermann", at: "records.ask_doctor")
        #expect(outcome.slots["records.doctor.place"] == .text("memorial hermann"))
        #expect(outcome.text.contains("Would you like the records sent straight to the second doctor?"))
        #expect(!outcome.text.contains("And the clinic"))
    }

    /// "not yet" to "Who should get them?" is no name: nothing is sent "straight to not yet".
    @Test(arguments: ["not yet", "no one yet", "dont know yet"])
    func noSecondDoctorYetIsNotPrinted(_ typed: String) throws {
        let outcome = try AnswerReadingTests.run(typed, at: "records.ask_second")
        #expect(outcome.slots["records.second_doctor"] == nil)
        let text = try Self.documents("ca", ["records.transfer": .bool(true), "records.second_doctor": outcome.slots["records.second_doctor"]].compactMapValues { $0 })
        #expect(!text.contains(typed))
    }

    /// Back pain gets its own warning signs in the checklist, with their source; other symptoms don't.
    @Test func backPainGetsItsWarningSigns() throws {
        let outcome = try AnswerReadingTests.run("lower back pain and sciatica", at: "diagnosis.ask_symptoms")
        #expect(outcome.slots["symptoms.area"] == .choice("back"))
        let text = try Self.documents("de", ["symptoms.area": .choice("back")])
        #expect(text.contains("with back pain: new numbness around the bottom or genitals"))
        #expect(text.contains("nhs.uk/conditions/cauda-equina-syndrome"))
        let other = try AnswerReadingTests.run("tiredness and joint pain", at: "diagnosis.ask_symptoms")
        #expect(other.slots["symptoms.area"] == nil)
    }

    // MARK: - The country

    @Test(arguments: ["us", "gb", "de", "pt", "no", "nz", "au", "ca", "in", "jp", "za"])
    func sourcesArePublicAddressesOfThePersonsCountry(code: String) throws {
        let graph = try #require(Self.graph)
        let text = try Self.documents(code, ["diagnosis.kind": .choice("cancer")])
        #expect(!text.contains("countries.json"))
        #expect(!text.contains("<Dialogs/"))
        for line in text.split(separator: "\n") where line.hasPrefix("- ") && line.contains(": <") {
            #expect(line.contains("<https://"), "\(line)")
        }
        let source = try #require(graph.language?.language.places.countries[code]?.emergencySource)
        #expect(text.contains("<" + source + ">"), "\(code)")
    }

    @Test(arguments: ["gb", "pt", "de", "nz"])
    func theUSCancerLineStaysInTheUS(code: String) throws {
        #expect(!(try Self.documents(code, ["diagnosis.kind": .choice("cancer")])).contains("1-800-4-CANCER"))
        #expect(try Self.documents("us", ["diagnosis.kind": .choice("cancer")]).contains("1-800-4-CANCER"))
    }

    @Test(arguments: ["de", "pt", "fr", "no", "is", "ie"])
    func everyEUAndEEACountryGetsTheGDPR(code: String) throws {
        let text = try Self.documents(code)
        #expect(text.contains("Article 15 of the GDPR"), "\(code)")
        #expect(!text.contains("whether I need to pay anything"), "\(code)")
    }

    @Test func countriesWithTheirOwnRecordsLawGetIt() throws {
        #expect(try Self.documents("ca").contains("health privacy law of the province"))
        #expect(try Self.documents("nz").contains("Health Information Privacy Code 2020"))
        #expect(try Self.documents("au").contains("Australian Privacy Principle 12"))
        #expect(try Self.documents("in").contains("Indian Medical Council"))
    }

    @Test func australiaNamesTheGPReferralForAMedicareRebate() throws {
        let text = try Self.documents("au", ["insurance.other": .choice("public")])
        #expect(text.contains("get a referral from the GP"))
        #expect(text.contains("Services Australia"))
        #expect(!(try Self.documents("nz", ["insurance.other": .choice("public")])).contains("Medicare pays no rebate"))
    }

    @Test func germanyNamesItsStatutorySecondOpinionBeforeAnOperation() throws {
        let text = try Self.documents("de", ["insurance.eu": .choice("public"), "situation.kinds": .set(["surgery"])])
        #expect(text.contains("116117.de/zweitmeinung"))
        #expect(!(try Self.documents("de", ["insurance.eu": .choice("private"), "situation.kinds": .set(["surgery"])])).contains("116117"))
    }

    @Test func aMedigapHoldersCostLineDiffers() throws {
        let plain = try Self.documents("us", ["insurance.us": .choice("medicare"), "insurance.supplement": .choice("none")])
        #expect(plain.contains("expect to pay 20%"))
        let medigap = try Self.documents("us", ["insurance.us": .choice("medicare"), "insurance.supplement": .choice("medigap")])
        #expect(!medigap.contains("expect to pay 20%"))
        #expect(medigap.contains("Medigap: the policy helps pay"))
        #expect(medigap.contains("Medicare.gov: What's Medicare Supplement Insurance (Medigap)?"))
    }

    @Test func noCrisisLineIsNamedByItsOwnNumber() throws {
        let places = try #require(Self.graph?.language?.language.places)
        for (code, country) in places.countries {
            guard let number = country.crisis, let name = country.crisisName else { continue }
            let digits = number.filter(\.isNumber)
            #expect(!name.filter(\.isNumber).contains(digits), "\(code): \(name)")
        }
        for (code, country) in places.countries where country.emergency != nil {
            #expect(country.emergencySource?.hasPrefix("https://") == true || country.emergencySource?.hasPrefix("http://") == true, "\(code)")
        }
    }

    // MARK: - Carers

    @Test(arguments: [4.0, 9.0, 15.0, 81.0])
    func aCarersDocumentsNeverSpeakAsThePatient(age: Double) throws {
        let text = try Self.documents(
            "gb",
            Self.carer(age: age, [
                "insurance.uk": .choice("private"), "prepare.goals": .set(["quality"]), "treatment.risks": .set(["low"]),
                "situation.kinds": .set(["risky", "surgery"]), "patient.decides": .bool(false),
            ])
        ).lowercased()
        for phrase in ["your policy", "your health", "people like you", "safe for you", "as parents", "my records", "your goals"] {
            #expect(!text.contains(phrase), "\(age): \(phrase)")
        }
    }

    @Test func theAuthorityTheCarerNamedIsUsedWithoutHedging() throws {
        let lpa = try Self.documents(
            "gb", Self.carer(age: 81, name: "Dennis", ["patient.decides": .bool(false), "patient.authority": .choice("lpa")]))
        #expect(lpa.contains("I hold a lasting power of attorney for health and welfare for Dennis"))
        #expect(!lpa.contains("or a court deputyship"))
        #expect(!lpa.contains("attorney or deputy"))
        let unsaid = try Self.documents("gb", Self.carer(age: 81, name: "Dennis", ["patient.decides": .bool(false)]))
        #expect(unsaid.contains("or a court deputyship"))
    }

    @Test(arguments: [
        (nil, 40.0), ("carer", 4.0), ("carer", 9.0), ("carer", 15.0), ("carer", 81.0),
    ] as [(String?, Double)])
    func everyLetterIsSignedOnce(who: String?, age: Double) throws {
        let more = who == nil ? [:] : Self.carer(age: age, ["patient.decides": .bool(age < 50)])
        let text = try Self.documents("us", more)
        let request = String(text.split(separator: "---")[0])
        #expect(request.components(separatedBy: "Signed:").count == 2, "\(who ?? "self") \(age)")
        #expect(!request.contains("Signed by"))
    }

    // MARK: - A child's age

    @Test func aYoungChildsChecklistIsAboutMilestones() throws {
        let text = try Self.documents("us", Self.carer(age: 4))
        #expect(text.contains("first sat, walked and talked"))
        #expect(text.contains("keep them busy"))
        #expect(text.contains("Nursery or childcare"))
    }

    @Test func aSchoolChildsChecklistIsAboutSchool() throws {
        let text = try Self.documents("us", Self.carer(age: 8))
        #expect(text.contains("School: recent reports"))
        #expect(!text.contains("first sat"))
        #expect(!text.contains("keep them busy"))
    }

    @Test(arguments: ["us", "gb", "nz"])
    func aTeenagersChecklistGivesThemASay(code: String) throws {
        let text = try Self.documents(code, Self.carer(age: 15, name: "Aroha"))
        #expect(text.contains("## For a teenager"))
        #expect(text.contains("Talk the second opinion over with Aroha first"))
        #expect(text.contains("some time with the doctor on their own"))
        for toddler in ["keep them busy", "first sat", "Nursery", "Pregnancy, birth and newborn"] {
            #expect(!text.contains(toddler), "\(code): \(toddler)")
        }
    }
}
