import PostgresArchive
import Testing

/// The schema on a real PostgreSQL 15 server (a throw-away cluster, see ``TestDatabase``).
struct PostgresSchemaTests {
    @Test func migratingTwiceAppliesEachMigrationOnce() async throws {
        let archive = PostgresArchive(
            location: try await TestDatabase.fresh(#function), password: nil, logger: TestDatabase.logger)
        try await archive.withRunningPool { archive in
            let first = try await archive.migrate()
            #expect(first == ["v1-hosts"])
            #expect(try await archive.migrate().isEmpty)
            #expect(try await archive.appliedMigrations() == first)
        }
    }

    /// Daemons started together on a new database: one migrates, the others wait and find the
    /// schema done; none fails on the catalog race of two `CREATE TABLE`s.
    @Test func daemonsStartingTogetherMigrateOnce() async throws {
        let location = try await TestDatabase.fresh(#function)
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let archive = PostgresArchive(location: location, password: nil, logger: TestDatabase.logger)
                    return try await archive.withRunningPool { try await $0.migrate() }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(applied == ["v1-hosts"])
    }

    @Test func eachHostKeepsOneIDWhoeverRegistersIt() async throws {
        let location = try await TestDatabase.fresh(#function)
        let first = PostgresArchive(location: location, password: nil, logger: TestDatabase.logger)
        let second = PostgresArchive(location: location, password: nil, logger: TestDatabase.logger)
        let (a, b, c) = try await first.withRunningPool { first in
            try await first.migrate()
            return try await second.withRunningPool { second in
                (
                    try await first.register(host: "desk-a"), try await second.register(host: "desk-b"),
                    try await second.register(host: "desk-a")
                )
            }
        }
        #expect(a == c)
        #expect(a != b)
    }
}
