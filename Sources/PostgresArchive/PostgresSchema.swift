/// The schema of a PostgreSQL archive, as migrations applied in order and never changed once
/// released (a change is a new migration), as `Store`'s migrator does for SQLite.
enum PostgresSchema {
    /// One step of the schema.
    struct Migration {
        /// Its name, recorded in `newsdrop_migrations` once applied.
        let name: String
        /// Its statements, run in one transaction.
        let statements: [String]
    }

    /// The key of the advisory lock that serialises migrations: "newsdrop" in ASCII, so that it does
    /// not collide with another application's lock on a shared server by chance.
    static let migrationLock: Int64 = 0x6E65_7773_6472_6F70

    static let migrations: [Migration] = [
        Migration(
            name: "v1-hosts",
            statements: [
                """
                CREATE TABLE hosts (
                    id serial PRIMARY KEY,
                    name text UNIQUE NOT NULL,
                    first_seen timestamptz NOT NULL,
                    last_seen timestamptz NOT NULL
                )
                """
            ])
    ]
}
