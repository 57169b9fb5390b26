import DialogCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// No HOME (issue 15, item 9).
@Suite("No home folder")
struct NoHomeTests {
    @Test("Without HOME the password database's home is used")
    func fallsBackToPasswordDatabase() throws {
        let entry = try #require(getpwuid(geteuid()))
        let expected = String(cString: try #require(entry.pointee.pw_dir))
        #expect(PrivateFiles.homeDirectory(environment: nil) == expected)
        #expect(PrivateFiles.homeDirectory(environment: "/elsewhere") == "/elsewhere")
    }

    @Test("With no home at all the chat says plainly that nothing will be saved, and --resume says why")
    func saysNothingIsSaved() throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let run = try ChatRun()
        defer { run.cleanUp() }
        #expect(chmod(run.home, 0o777) == 0)
        // A user with no entry in the password database, and no HOME.
        let command = [
            "--reuid=54321", "--regid=54321", "--clear-groups", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "NO_COLOR=1",
            ChatRun.binary, "chat", "--dialogs", ChatRun.dialogs,
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = command
        process.currentDirectoryURL = URL(fileURLWithPath: run.home)
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("yes\nquit\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("Nothing will be saved: no home folder is known"))

        let resume = Process()
        resume.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        resume.arguments = command + ["--resume"]
        resume.currentDirectoryURL = URL(fileURLWithPath: run.home)
        let resumeInput = Pipe()
        let resumeOutput = Pipe()
        resume.standardInput = resumeInput
        resume.standardOutput = resumeOutput
        try resume.run()
        try resumeInput.fileHandleForWriting.close()
        let resumed = String(decoding: resumeOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        resume.waitUntilExit()
        #expect(!resumed.contains("--private"))
        #expect(!resumed.contains("other chat"))
        #expect(resumed.contains("no home folder is known"))
    }
}
