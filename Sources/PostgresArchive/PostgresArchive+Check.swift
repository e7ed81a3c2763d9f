import Core
import PostgresNIO

extension PostgresArchive {
    /// What is wrong with what the archive derives from its documents, in sentences, at most
    /// `limit`: its document count and total length (`archive_state`), its ranking rows
    /// (`postings`, compared with those its documents' `tsvector`s give), its title lengths, and
    /// documents placed in a story that is missing. Empty when nothing is. A host of an older newsdrop, writing without
    /// them, leaves such problems; ``rebuildRanking()`` mends them.
    ///
    /// Reads every document's search terms: minutes for 100,000 articles (an hour at most per
    /// statement), beside running daemons.
    public func integrityProblems(limit: Int = 20) throws -> [String] {
        try reader.withSession(timeout: 3600) { session in
            var problems: [String] = []
            let kept = try session.query("SELECT documents, tokens FROM archive_state").first?.decode(
                (Int64, Int64).self)
            let counted = try session.query("SELECT count(*), coalesce(sum(length), 0)::bigint FROM documents")
                .first?.decode((Int64, Int64).self)
            if let kept, let counted, kept != counted {
                problems.append(
                    "The archive's totals say \(kept.0) documents of \(kept.1) terms, but it holds \(counted.0) "
                        + "of \(counted.1): rankings are off ('newsdrop reindex --database' mends them)")
            }
            let differing =
                try session.value(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT count(*) FROM (
                                (SELECT * FROM postings EXCEPT ALL \(PostgresSchema.postingsOfTerms))
                                UNION ALL (\(PostgresSchema.postingsOfTerms) EXCEPT ALL SELECT * FROM postings)) x
                            """), as: Int64.self) ?? 0
            if differing > 0 {
                problems.append(
                    "\(differing) ranking rows (postings) differ from the documents' search terms: searches miss or "
                        + "misrank documents ('newsdrop reindex --database' mends them)")
            }
            let titles =
                try session.value(
                    PostgresQuery(
                        unsafeSQL: "SELECT count(*) FROM documents WHERE title_length <> \(Self.titleLengthOfTerms)"),
                    as: Int64.self) ?? 0
            if titles > 0 {
                problems.append(
                    "\(titles) documents' title lengths differ from their search terms: their snippets are off "
                        + "('newsdrop reindex --database' mends them)")
            }
            let unplaced =
                try session.value(
                    """
                    SELECT count(*) FROM documents d
                    WHERE d.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = d.story_id)
                    """, as: Int64.self) ?? 0
            if unplaced > 0 {
                problems.append("\(unplaced) documents belong to a story the archive does not hold")
            }
            return Array(problems.prefix(limit))
        }
    }

    /// A document's title length as its `tsvector` gives it: its positions weighted as the title's.
    static let titleLengthOfTerms = "(SELECT count(*) FROM unnest(terms) t, unnest(t.weights) w WHERE w = 'A')"

    /// Makes the ranking rows, title lengths and totals again from the documents, in one transaction that holds
    /// the commit lock (the hosts' commits wait for it); returns how many documents and rows.
    public func rebuildRanking() throws -> (documents: Int64, postings: Int64) {
        try writer.transaction(timeout: 3600) { session in
            try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.commitLock))")
            try session.execute("DELETE FROM postings")
            try session.execute(
                PostgresQuery(
                    unsafeSQL: "INSERT INTO postings (lexeme, doc_id, frequency, length, places) "
                        + PostgresSchema.postingsOfTerms))
            try session.execute(
                PostgresQuery(
                    unsafeSQL: "UPDATE documents SET title_length = \(Self.titleLengthOfTerms) "
                        + "WHERE title_length <> \(Self.titleLengthOfTerms)"))
            try session.execute(
                """
                UPDATE archive_state SET version = version + 1, documents = (SELECT count(*) FROM documents),
                    tokens = (SELECT coalesce(sum(length), 0) FROM documents)
                """)
            let documents = try session.value("SELECT documents FROM archive_state", as: Int64.self) ?? 0
            let postings = try session.value("SELECT count(*) FROM postings", as: Int64.self) ?? 0
            return (documents, postings)
        }
    }
}
