import Core
import PostgresNIO

/// The ranking rows (`postings`) a write transaction has still to insert, by document: written
/// in one statement at its end, in the order of the table's index (term, then document), so that
/// the server adds each term's entries side by side rather than one document's terms across the
/// whole index. A document rewritten or removed in the same transaction drops its pending rows.
final class PendingPostings {
    private var documents: [Int64: (postings: TermPostings, length: Int)] = [:]

    /// `postings` to write for the document `id` of `length` tokens, in place of any pending.
    func add(_ postings: TermPostings, document id: Int64, length: Int) {
        documents[id] = (postings, length)
    }

    /// Deletes the rows of the document `id`: its pending ones, and the stored ones found by the
    /// terms its stored `tsvector` holds (sent before that row changes), so that the table needs
    /// no index by document, which every commit would write to for a rare rewrite or removal.
    func forget(document id: Int64, session: PostgresSession) {
        documents[id] = nil
        session.send(
            """
            DELETE FROM postings
            WHERE lexeme = ANY(tsvector_to_array((SELECT terms FROM documents WHERE id = \(id)))) AND doc_id = \(id)
            """)
    }

    /// Sends the pending rows, in one statement.
    func flush(session: PostgresSession) {
        var lexemes: [String] = []
        var ids: [Int64] = []
        var frequencies: [Float] = []
        var lengths: [Int32] = []
        var places: [String] = []
        for (id, document) in documents {
            let postings = document.postings
            lexemes += postings.lexemes
            frequencies += postings.frequencies
            places += postings.places
            ids += repeatElement(id, count: postings.lexemes.count)
            lengths += repeatElement(Int32(document.length), count: postings.lexemes.count)
        }
        documents = [:]
        guard !lexemes.isEmpty else { return }
        session.send(
            """
            INSERT INTO postings (lexeme, doc_id, frequency, length, places)
            SELECT t.lexeme, t.doc_id, t.frequency, t.length, string_to_array(t.places, ',')::integer[]
            FROM unnest(\(lexemes)::text[], \(ids)::bigint[], \(frequencies)::real[], \(lengths)::integer[], \(places)::text[])
                AS t(lexeme, doc_id, frequency, length, places)
            ORDER BY t.lexeme COLLATE "C", t.doc_id
            """)
    }
}
