import DialogCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif
import Foundation

@testable import second_opinion

/// A chat on a pseudo-terminal (readline), for what only happens at a terminal. Started with
/// `posix_spawn` and a clean signal mask: the test runner's threads block most signals, and a child
/// started by `Process` would inherit that.
final class TerminalChat {
    private(set) var pid: pid_t = 0
    private let master: Int32
    private(set) var screen = ""
    private(set) var status: Int32?

    init(home: String, arguments: [String] = []) throws {
        // The pty functions are not in Swift's view of glibc (they need _XOPEN_SOURCE): found with dlsym.
        typealias Open = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let libc = dlopen(nil, RTLD_NOW)
        guard let openSymbol = dlsym(libc, "posix_openpt"), let grantSymbol = dlsym(libc, "grantpt"),
            let unlockSymbol = dlsym(libc, "unlockpt"), let nameSymbol = dlsym(libc, "ptsname")
        else { throw POSIXError(.ENOSYS) }
        master = unsafeBitCast(openSymbol, to: Open.self)(O_RDWR | O_NOCTTY)
        guard master >= 0, unsafeBitCast(grantSymbol, to: Open.self)(master) == 0,
            unsafeBitCast(unlockSymbol, to: Open.self)(master) == 0, let name = unsafeBitCast(nameSymbol, to: Name.self)(master)
        else {
            throw POSIXError(.ENXIO)
        }
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw POSIXError(.ENXIO) }
        defer { close(slave) }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] { posix_spawn_file_actions_adddup2(&actions, slave, target) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = [ChatRun.binary, "chat", "--dialogs", ChatRun.dialogs, "--no-history"] + arguments
        let environment = ["HOME=" + home, "PATH=/usr/bin:/bin", "NO_COLOR=1", "TERM=xterm"]
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in cArguments + cEnvironment { free(pointer) }
        }
        let result = posix_spawn(&pid, ChatRun.binary, &actions, &attributes, &cArguments, &cEnvironment)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
    }

    deinit {
        if isRunning { kill(pid, SIGKILL) }
        _ = waitForEnd()
        close(master)
    }

    /// Whether the chat has not ended yet (reaps it when it has).
    var isRunning: Bool {
        if status != nil { return false }
        var raw: Int32 = 0
        if waitpid(pid, &raw, WNOHANG) == pid {
            status = raw
            return false
        }
        return true
    }

    /// Waits for the end, at most `seconds` (then the chat is killed); the raw wait status.
    func waitForExit(seconds: Double = 5) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline { _ = wait(for: "\u{0}", seconds: 0.02) }
        if isRunning { kill(pid, SIGKILL) }
        return waitForEnd()
    }

    private func waitForEnd() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        waitpid(pid, &raw, 0)
        status = raw
        return raw
    }

    /// Types `text` (as keys, so "\n" is Enter and "\u{4}" Ctrl-D).
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads what the chat printed until `marker` appears or `seconds` pass; true when it did.
    @discardableResult
    func wait(for marker: String, seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            let n = read(master, &buffer, buffer.count)
            if n > 0 { screen += String(decoding: buffer[0..<n], as: UTF8.self) }
            if screen.contains(marker) { return true }
            if n <= 0 { usleep(2_000) }
        }
        return false
    }
}

/// Ctrl-C while an answer is processed (issue 15, item 13).
@Suite("Interrupt")
struct InterruptTests {
    @Test("Ctrl-C right after Enter never ends the chat; the answers are all kept")
    func interruptWhileProcessing() throws {
        let run = try ChatRun()
        defer { run.cleanUp() }
        let chat = try TerminalChat(home: run.home)
        #expect(chat.wait(for: "Shall we go on?"))
        chat.type("yes\n")
        #expect(chat.wait(for: "Who is the second opinion for?"))
        for round in 0..<30 {
            // Each `help` is answered and saved (an fsync): a Ctrl-C soon after Enter lands while it is.
            chat.type("help\n")
            if round % 3 != 0 { usleep(UInt32((round % 10) * 150)) }
            kill(chat.pid, SIGINT)
            _ = chat.wait(for: "\u{0}", seconds: 0.02)  // keep reading, so the chat never blocks on a full terminal
            #expect(chat.isRunning, "the chat ended on Ctrl-C in round \(round)")
            if !chat.isRunning { return }
        }
        usleep(50_000)
        chat.type("me\n")
        #expect(chat.wait(for: "Which country is the medical care in?"), "\(chat.screen.suffix(600))")
        // Ctrl-D at the next prompt (typed before readline has the terminal again, it can be lost).
        for _ in 0..<5 where chat.isRunning {
            usleep(100_000)
            chat.type("\u{4}")
            _ = chat.wait(for: "Goodbye.", seconds: 1)
        }
        #expect(chat.waitForExit() == 0)  // exited with 0, not ended by a signal
    }
}
