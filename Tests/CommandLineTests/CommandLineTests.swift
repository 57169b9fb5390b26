import DialogCore
import DialogLoading
import DialogTools
import Testing

@testable import second_opinion

@Suite("Command line")
struct CommandLineTests {
    @Test("A bare start uses exactly the settings ArgumentParser gives an empty command line")
    func bareStartMatchesParsedDefaults() throws {
        #expect(try ChatCommand.parse([]).settings == ChatSettings())
    }

    @Test("Options reach the chat settings")
    func optionsReachSettings() throws {
        let parsed = try ChatCommand.parse([
            "--dialogs", "d", "--seed", "7", "--no-history", "--no-color", "--record", "r.transcript", "--out", "o.md",
            "--resume", "--force",
        ])
        #expect(
            parsed.settings
                == ChatSettings(
                    dialogs: "d", seed: 7, noHistory: true, noColor: true, record: "r.transcript", out: "o.md", resume: true,
                    privateMode: false, force: true))
        #expect(try ChatCommand.parse(["--private"]).settings.privateMode)
    }

    @Test("printf formatting matches C, including long results")
    func formatting() {
        #expect(CFormat.string("%5.1f%%", 99.85) == " 99.8%")  // 99.85 is 99.8499… in binary, as printf sees it
        #expect(CFormat.string("%.1f%%", 100.0) == "100.0%")
        #expect(CFormat.string("%02d-", 3) == "03-")
        #expect(CFormat.string("%.0f", 7_372_507_250.0) == "7372507250")
        #expect(CFormat.string("%.3g", 1.5e20) == "1.5e+20")
        #expect(CFormat.string("%300d", 5) == String(repeating: " ", count: 299) + "5")  // longer than the first buffer
        #expect(CFormat.padded("abc", to: 5) == "abc  ")
        #expect(CFormat.padded("abcdef", to: 3) == "abc")
    }

    @Test("Trimming removes spaces, tabs and other space separators only")
    func trimming() {
        #expect("  \tyes \u{00A0}".trimmingBlanks() == "yes")
        #expect("\nyes\n".trimmingBlanks() == "\nyes\n")
        #expect("   ".trimmingBlanks() == "")
        #expect("a b".trimmingBlanks() == "a b")
    }

    @Test("File kinds and reading errors come from the system")
    func files() {
        #expect(FileBytes.isDirectory("/") == true)
        #expect(FileBytes.isDirectory("/definitely/not/here") == nil)
        #expect(FileBytes.isDirectory(#filePath) == false)
        guard case .unreadable(let error) = FileBytes.read("/definitely/not/here") else {
            Issue.record("reading a missing file succeeded")
            return
        }
        #expect(error == "No such file or directory")
        guard case .bytes(let bytes) = FileBytes.read(#filePath) else {
            Issue.record("reading this file failed")
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("File kinds and reading errors"))
    }
}
