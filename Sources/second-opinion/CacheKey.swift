/// The secret that seals the compiled dialogs: 32 random bytes in `cache.key` in the state folder, 0600.
/// `forget` deletes it (every form then fails to verify and is written again).
enum CacheKey {
    static let byteCount = 32

    /// `cache.key` in the state folder (nil when there is no home).
    static func standardPath() -> String? {
        PrivateFiles.stateDirectoryPath().map { FilePaths.join($0, "cache.key") }
    }

    /// The key at `path`; nil when it is missing, or not a regular file of the user's own readable by no
    /// one else, or not 32 bytes.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), info.st_mode & 0o077 == 0,
            info.st_size == byteCount
        else { return nil }
        var key = [UInt8](repeating: 0, count: byteCount)
        let count = key.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, byteCount) }
        return count == byteCount ? key : nil
    }

    /// The key at `path`, made (random, 0600, in a 0700 folder) when there is none. A key another chat
    /// made meanwhile is kept, never replaced.
    static func readOrCreate(_ path: String) -> [UInt8]? {
        if let key = read(path) { return key }
        guard (try? PrivateFiles.makePrivateDirectory(FilePaths.parent(of: path))) != nil else { return nil }
        // The system's generator is cryptographically secure (getrandom on Linux).
        var generator = SystemRandomNumberGenerator()
        let key = (0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) }
        do {
            try NamedFile.write(key, to: path, replace: false)
        } catch {
            return read(path)  // made by another chat meanwhile, or not at all
        }
        return read(path)
    }
}
