import PostgresArchive
import Testing

/// The schema on a real PostgreSQL 15 server (a throw-away cluster, see ``TestDatabase``).
struct PostgresSchemaTests {
    @Test func migratingTwiceAppliesEachMigrationOnce() throws {
        let archive = PostgresArchive(
            location: try TestDatabase.fresh(#function), password: nil, logger: TestDatabase.logger)
        defer { archive.close() }
        let first = try archive.migrate()
        #expect(first == ["v1-hosts", "v2-archive", "v3-totals", "v4-postings"])
        #expect(try archive.migrate().isEmpty)
        #expect(try archive.appliedMigrations() == first)
    }

    /// Daemons started together on a new database: one migrates, the others wait and find the
    /// schema done; none fails on the catalog race of two `CREATE TABLE`s.
    @Test func daemonsStartingTogetherMigrateOnce() async throws {
        let location = try TestDatabase.fresh(#function)
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let archive = PostgresArchive(location: location, password: nil, logger: TestDatabase.logger)
                    defer { archive.close() }
                    return try archive.migrate()
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(applied.sorted() == ["v1-hosts", "v2-archive", "v3-totals", "v4-postings"])
    }

    @Test func eachHostKeepsOneIDWhoeverRegistersIt() throws {
        let location = try TestDatabase.fresh(#function)
        let first = PostgresArchive(location: location, password: nil, logger: TestDatabase.logger)
        let second = PostgresArchive(location: location, password: nil, logger: TestDatabase.logger)
        defer {
            first.close()
            second.close()
        }
        try first.migrate()
        let (a, b, c) = (
            try first.register(host: "desk-a"), try second.register(host: "desk-b"), try second.register(host: "desk-a")
        )
        #expect(a == c)
        #expect(a != b)
    }
}
