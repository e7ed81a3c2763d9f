import Foundation
import GRDB

/// Each indexed document's length in tokens, packed for ranking: the table `document_lengths`.
///
/// BM25 needs the length of every document it scores. FTS5's own `bm25()` reads it from the
/// `documents_fts_docsize` table with one b-tree seek per matching row, which was most of the
/// time of a search for a common word. Here the lengths of 1,024 consecutive document ids share a
/// row (`chunk` = id >> 10), a blob of little-endian `UInt16`s at offset `2 × (id & 1023)`, so
/// that ``BM25Ranking`` reads a few rows per query instead of one per match.
///
/// A length is the document's tokens over all its columns (title, body and tags), as FTS5 counts
/// them for `bm25()`. 0 means unknown: a document not (or no longer) indexed, one past the end of
/// its chunk's blob, or one longer than 65,535 tokens; ``BM25Ranking`` then asks FTS5. The writer
/// keeps the table in step in the transaction that changes the index (``PendingIndexRows``,
/// `Store.unindex`), and the migration that adds it fills it from the docsize table.
enum DocumentLengths {
    /// A chunk holds the lengths of 2^10 consecutive document ids.
    static let chunkShift = 10

    /// The statement that creates the table.
    static let creation = "CREATE TABLE document_lengths (chunk INTEGER PRIMARY KEY, sizes BLOB NOT NULL)"

    /// Records the lengths FTS5 stored for the documents `ids`, just inserted into `documents_fts`.
    static func record(_ ids: [Int64], db: Database) throws {
        var lengths: [Int64: UInt16] = [:]
        for id in ids {
            let sizes = try db.cachedData(sql: "SELECT sz FROM documents_fts_docsize WHERE id = ?", arguments: [id])
            lengths[id] = sizes.map(length(ofDocsize:)) ?? 0
        }
        try write(lengths, db: db)
    }

    /// Forgets the length of the document `id`, removed from `documents_fts`.
    static func forget(_ id: Int64, db: Database) throws {
        try write([id: 0], db: db)
    }

    /// Fills the table anew from `documents_fts_docsize` (the migration that adds it).
    static func rebuild(db: Database) throws {
        try db.execute(sql: "DELETE FROM document_lengths")
        var lengths: [Int64: UInt16] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, sz FROM documents_fts_docsize")
        while let row = try rows.next() {
            lengths[row[0]] = (row[1] as Data?).map(length(ofDocsize:)) ?? 0
        }
        try write(lengths, db: db)
    }

    /// The total of a docsize record (one SQLite varint per column), or 0 past 65,535.
    static func length(ofDocsize record: Data) -> UInt16 {
        var total = 0
        var value = 0
        for byte in record {
            value = value << 7 | Int(byte & 0x7f)
            // The high bit continues the varint; token counts never reach its ninth byte.
            if byte & 0x80 == 0 {
                total += value
                value = 0
            }
        }
        return total <= Int(UInt16.max) ? UInt16(total) : 0
    }

    /// Sets `lengths` in their chunks, one read and one write per chunk.
    ///
    /// A plain `UPDATE`, else `INSERT`, rather than an upsert: a statement that may have to be
    /// undone half-way opens a savepoint, at which FTS5 writes its pending terms out as a segment
    /// of their own (see ``PendingIndexRows``).
    private static func write(_ lengths: [Int64: UInt16], db: Database) throws {
        let mask = Int64(1 << chunkShift - 1)
        for (chunk, ids) in Dictionary(grouping: lengths.keys, by: { $0 >> chunkShift }) {
            let stored = try db.cachedData(
                sql: "SELECT sizes FROM document_lengths WHERE chunk = ?", arguments: [chunk])
            var sizes = stored.map { [UInt8]($0) } ?? []
            for id in ids {
                let offset = Int(id & mask) * 2
                if sizes.count < offset + 2 { sizes += repeatElement(0, count: offset + 2 - sizes.count) }
                let length = lengths[id] ?? 0
                sizes[offset] = UInt8(length & 0xff)
                sizes[offset + 1] = UInt8(length >> 8)
            }
            let arguments: StatementArguments = [Data(sizes), chunk]
            if stored != nil {
                try db.executeCached(sql: "UPDATE document_lengths SET sizes = ? WHERE chunk = ?", arguments: arguments)
            } else {
                try db.executeCached(
                    sql: "INSERT INTO document_lengths (sizes, chunk) VALUES (?, ?)", arguments: arguments)
            }
        }
    }
}
