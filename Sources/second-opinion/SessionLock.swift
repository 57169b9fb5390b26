/// An advisory lock (`flock`) on `session.lock` beside the session, held for the whole chat: two chats
/// with the same home never share one saved conversation. The system releases it when the process ends,
/// however it ends (kill -9 too), so a lock is never left stale.
final class SessionLock {
    private var descriptor: Int32

    /// What trying to take the lock gave.
    enum Outcome {
        case locked(SessionLock)
        /// Another chat holds it.
        case held
        /// It could not be tried (no folder can be made, a read-only disk): the reason.
        case unavailable(String)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Lets the lock go (the end of the process does the same).
    func release() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Takes the lock beside `sessionPath` without waiting.
    static func acquire(beside sessionPath: String) -> Outcome {
        let folder = FilePaths.parent(of: sessionPath)
        do {
            try PrivateFiles.makePrivateDirectory(folder)
        } catch {
            return .unavailable("\(error)")
        }
        let path = FilePaths.join(folder, "session.lock")
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return .unavailable("\(path): \(String(cString: strerror(errno)))") }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(descriptor)
            return code == EWOULDBLOCK ? .held : .unavailable("\(path): \(String(cString: strerror(code)))")
        }
        return .locked(SessionLock(descriptor: descriptor))
    }
}
