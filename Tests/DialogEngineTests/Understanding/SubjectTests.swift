import DialogCore
import DialogLoading
import DialogTools
import Foundation
import Testing
import Understanding

/// Who a red flag is about, with the shipped language data: the person typing, another adult, a child,
/// or someone whose age the line does not say (`Subject`, from `language/en/subjects.json`).
@Suite struct SubjectTests {
    static let language = DialogLoader.load(paths: [Fixtures.dialogs]).graph?.language?.language

    @Test(arguments: [
        ("my face is drooping", "stroke", Subject.speaker),
        ("I can't breathe", "breathing", .speaker),
        ("i can't lift my arm", "stroke", .speaker),
        ("my husband says i'm slurring my words", "stroke", .speaker),
        ("my husband found me collapsed on the floor and I can't get up", "unresponsive", .speaker),
        ("please tell my daughter i love her and that none of this was her fault", "suicide", .speaker),
        ("my kids would be better off without me", "suicide", .speaker),
        ("it feels like someone is sitting on my chest", "heart", .speaker),
        ("I want to kill myself", "suicide", .speaker),
        ("my wife can't lift her arm", "stroke", .adult),
        ("my dad, he can't breathe", "breathing", .adult),
        ("I found my husband on the floor, he collapsed and won't wake up", "unresponsive", .adult),
        ("my husband is having a seizure", "seizure", .adult),
        ("a man collapsed in the street and won't wake up", "unresponsive", .adult),
        ("my toddler is limp and I can't wake him", "child", .child),
        ("my toddler got into my tablets and chewed some", "overdose", .child),
        ("my son won't wake up", "child", .someone),
        ("my daughter said she wants to kill herself", "suicide", .someone),
        ("Mia. shes 3 and i cant rouse her from her nap, shes breathing but wont wake", "unresponsive", .child),
        ("my 2 year old has a rash that doesn't fade when i press a glass on it and she's got a fever", "child", .child),
        ("she told me last night she'd rather go to sleep and not wake up than go through the op", "suicide", .someone),
        ("sorry i am scared, he still not waking up and his lips look little bit blue", "breathing", .someone),
    ])
    func theFindingIsAboutWhoTheLineNames(_ line: String, _ category: String, _ subject: Subject) throws {
        let language = try #require(Self.language)
        let reading = language.read(line)
        #expect(reading.subject(of: category) == subject, "\(line): \(reading.findings.map { "\($0.category) \($0.subject)" })")
    }

    /// The tune corpus labels each emergency as the person's own (`present`) or someone else's with them
    /// (`other_present`): the subject agrees with the label for nearly every line. (Most of the rest are
    /// labels the line does not bear out: "my throat is swelling shut" is labelled `other_present`, "I
    /// think my husband is having a heart attack" `present`.) Reading someone else's emergency as the
    /// typist's keeps the question "are you safe?"; the other way round is the worse mistake, so
    /// `present` must agree more often.
    @Test func theCorpusLabelsAgree() throws {
        let language = try #require(Self.language)
        let text = try String(contentsOfFile: Fixtures.root.appendingPathComponent("Tests/Understanding/redflags/tune.tsv").path, encoding: .utf8)
        var counts: [String: (agree: Int, all: Int)] = [:]
        var misses: [String] = []
        for row in text.split(separator: "\n") where !row.hasPrefix("#") {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, fields[1] == "present" || fields[1] == "other_present", !fields[0].hasPrefix("check:"), fields[0] != "none"
            else { continue }
            let reading = language.read(fields[4])
            guard let category = reading.alarms.first, let subject = reading.subject(of: category) else { continue }
            let agrees = (subject == .speaker) == (fields[1] == "present")
            counts[fields[1], default: (0, 0)].all += 1
            if agrees { counts[fields[1], default: (0, 0)].agree += 1 } else { misses.append("\(fields[1]) \(subject): \(fields[4])") }
        }
        for (context, count) in counts.sorted(by: { $0.key < $1.key }) {
            let share = Double(count.agree) / Double(max(count.all, 1))
            let missed = misses.filter { $0.hasPrefix(context + " ") }.prefix(40).joined(separator: "\n")
            #expect(share >= (context == "present" ? 0.98 : 0.95), "\(context): \(count.agree)/\(count.all)\n\(missed)")
            print("subject \(context): \(count.agree)/\(count.all)")
        }
    }
}
