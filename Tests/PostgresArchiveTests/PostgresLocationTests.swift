import PostgresArchive
import Testing

/// The `database` URL: what it names, and the clear error of each wrong one.
struct PostgresLocationTests {
    @Test(arguments: [
        (
            "postgresql://newsdrop@db.example.org/news",
            PostgresLocation(user: "newsdrop", host: "db.example.org", database: "news")
        ),
        (
            "postgres://ingest@10.0.0.7:6432/archive",
            PostgresLocation(user: "ingest", host: "10.0.0.7", port: 6432, database: "archive")
        ),
        (
            "postgresql://newsdrop@/news?host=/run/postgresql",
            PostgresLocation(user: "newsdrop", host: "/run/postgresql", database: "news")
        ),
        (
            "postgresql://newsdrop@/news?host=/tmp/pg&port=5433",
            PostgresLocation(user: "newsdrop", host: "/tmp/pg", port: 5433, database: "news")
        ),
    ])
    func aURLNamesItsServerRoleAndDatabase(url: String, expected: PostgresLocation) throws {
        let location = try PostgresLocation(parsing: url)
        #expect(location == expected)
        // What the journal shows parses back to the same place.
        #expect(try PostgresLocation(parsing: location.description) == location)
    }

    @Test func aSocketFolderNamesTheSocketFile() throws {
        let location = try PostgresLocation(parsing: "postgresql://newsdrop@/news?host=/run/postgresql&port=5433")
        #expect(location.isSocket)
        #expect(location.socketPath == "/run/postgresql/.s.PGSQL.5433")
        #expect(try !PostgresLocation(parsing: "postgresql://newsdrop@localhost/news").isSocket)
    }

    @Test(arguments: [
        ("postgresql://newsdrop:secret@db/news", PostgresLocationError.passwordInURL),
        ("mysql://newsdrop@db/news", .notPostgresURL("mysql://newsdrop@db/news")),
        ("/var/lib/newsdrop", .notPostgresURL("/var/lib/newsdrop")),
        ("postgresql://db/news", .missing("a user", "postgresql://db/news")),
        ("postgresql://newsdrop@db", .missing("a database", "postgresql://newsdrop@db")),
        ("postgresql://newsdrop@/news", .missing("a host", "postgresql://newsdrop@/news")),
        ("postgresql://newsdrop@db/news?sslmode=disable", .unknownOption("sslmode")),
        (
            "postgresql://newsdrop@/news?host=/tmp&port=http",
            .badPort("postgresql://newsdrop@/news?host=/tmp&port=http")
        ),
    ])
    func aWrongURLIsRefusedWithWhatIsWrong(url: String, error: PostgresLocationError) {
        #expect(throws: error) { try PostgresLocation(parsing: url) }
    }

    @Test func theErrorForAPasswordNeverRepeatsIt() {
        #expect(throws: PostgresLocationError.passwordInURL) {
            try PostgresLocation(parsing: "postgresql://newsdrop:hunter2@db/news")
        }
        #expect(!PostgresLocationError.passwordInURL.description.contains("hunter2"))
        #expect(PostgresLocationError.passwordInURL.description.contains("database_password_file"))
    }
}
