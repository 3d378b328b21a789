import ConversationStore
import Foundation
import GRDB
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("ConversationStore on disk")
struct StoreFileTests {
    @Test("A new database gets a 0700 folder and 0600 files, WAL and shm included")
    func modes() throws {
        let folder = try PTYTemporaryDirectory(prefix: "ssechat-store")
        let path = folder.file("data/ssechat/ssechat.db")
        let store = try ConversationStore.open(at: path)
        try store.start(StoredConversation(title: "t", provider: "openai", url: "u"), with: [])
        #expect(PTYTemporaryDirectory.permissions(of: folder.file("data/ssechat")) == 0o700)
        #expect(PTYTemporaryDirectory.permissions(of: path) == 0o600)
        #expect(PTYTemporaryDirectory.permissions(of: path + "-wal") == 0o600)
        #expect(PTYTemporaryDirectory.permissions(of: path + "-shm") == 0o600)
        let mode = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("A file that is not a database is reported and left byte for byte as it was")
    func garbage() throws {
        let folder = try PTYTemporaryDirectory(prefix: "ssechat-store")
        let path = folder.file("ssechat.db")
        var generator = SeededGenerator(seed: 7)
        let bytes = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: ConversationStoreError.self) { try ConversationStore.open(at: path) }
        do {
            _ = try ConversationStore.open(at: path)
        } catch {
            #expect(error.code == .notADatabase)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("A database migrated by a newer version is refused and not changed")
    func newerVersion() throws {
        let folder = try PTYTemporaryDirectory(prefix: "ssechat-store")
        let path = folder.file("ssechat.db")
        try ConversationStore.open(at: path).start(StoredConversation(title: "t", provider: "p", url: "u"), with: [])
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        _ = try queue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try ConversationStore.open(at: path)
            Issue.record("a newer database must be refused")
        } catch {
            #expect(error.code == .newerVersion)
            #expect(error.description.contains("newer"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("Two stores opened at once on a new file both migrate safely and lose no write")
    func concurrentOpenAndWrites() async throws {
        let folder = try PTYTemporaryDirectory(prefix: "ssechat-store")
        let path = folder.file("ssechat.db")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    let store = try ConversationStore.open(at: path)
                    let record = StoredConversation(title: "w\(worker)", provider: "p", url: "u")
                    try store.start(record, with: [])
                    for index in 0..<25 {
                        try store.append(
                            [StoredMessage(role: "user", text: "w\(worker) m\(index)")],
                            to: record.id,
                            model: nil,
                            system: nil
                        )
                    }
                }
            }
            try await group.waitForAll()
        }
        let counts = try ConversationStore.open(at: path).counts()
        #expect(counts.conversations == 4)
        #expect(counts.messages == 100)
    }

    @Test("Many first opens of the same new file at the same instant all succeed (none is told it is locked)")
    func simultaneousFirstOpens() throws {
        let folder = try PTYTemporaryDirectory(prefix: "ssechat-store")
        for round in 0..<30 {
            let path = folder.file("fresh-\(round).db")
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do {
                    _ = try ConversationStore.open(at: path)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty, "round \(round): \(failures.withLock { $0 })")
        }
    }

    @Test("Credentials are stripped from kept URLs")
    func redaction() {
        #expect(RedactedURL.string("https://user:pw@api.example.com/v1") == "https://api.example.com/v1")
        #expect(
            RedactedURL.string("http://h/chat?q={prompt}&api_key=sk-1&token=t&x-api-key=k&model=m")
                == "http://h/chat?q={prompt}&model=m"
        )
        #expect(RedactedURL.string("http://h:8080/v1?key=abc") == "http://h:8080/v1")
        #expect(RedactedURL.isCredential("subscription-key"))
        #expect(!RedactedURL.isCredential("q"))
    }

    @Test("The path follows XDG_DATA_HOME when absolute, else ~/.local/share")
    func location() {
        #expect(DatabaseLocation.path(environment: ["XDG_DATA_HOME": "/d"], home: "/h") == "/d/ssechat/ssechat.db")
        #expect(
            DatabaseLocation.path(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/u"], home: "/h")
                == "/home/u/.local/share/ssechat/ssechat.db"
        )
        #expect(DatabaseLocation.path(environment: [:], home: "/h") == "/h/.local/share/ssechat/ssechat.db")
    }
}
