import Foundation
import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `newsdrop_bm25(documents_fts, weights…)`: FTS5's `bm25()` with each
/// document's length read from ``DocumentLengths`` instead of FTS5's docsize table.
///
/// Same formula and constants as SQLite's `fts5Bm25Function` (k1 1.2, b 0.75, the IDF
/// `log((N − n + 0.5) / (n + 0.5))` floored at 1e-6, phrase frequencies weighted per column, the
/// length over all columns, lower is better), computed in the same order, so its ranks equal
/// `bm25()`'s. Only for `documents_fts`, whose rowids ``DocumentLengths`` describes. A phrase's IDF
/// is computed when a row first has the phrase in a weighted column, not for every phrase up front:
/// a phrase no row has there adds exactly 0 to every score, so its IDF is not needed.
///
/// After the weights, a query may pass a ``MatchCollector`` (bound with `sqlite3_bind_pointer`):
/// the function then also keeps the best rows' matches, for their snippets.
///
/// Chunks of lengths are read when a query first needs them. On a read-only connection (the
/// pool's readers, where searches run) they are kept for the next queries as long as SQLite's data
/// version of the file is unchanged, so a search in a long-lived process reads none; on the
/// writer they last one query, as its own uncommitted writes can change them.
package enum BM25Ranking {
    /// The SQL name of the function.
    static let name = "newsdrop_bm25"

    /// Registers the function on the connection `db` (call from `prepareDatabase`).
    ///
    /// Wraps `fts5_api.xCreateFunction`; FTS5 releases the connection's cache of lengths when the
    /// connection closes.
    static func register(on db: Database) throws {
        let api = FTS5.api(db)
        let cache = Unmanaged.passRetained(LengthCache()).toOpaque()
        let code = api.pointee.xCreateFunction(
            UnsafeMutablePointer(mutating: api), name, cache, rank,
            { cache in cache.map { Unmanaged<LengthCache>.fromOpaque($0).release() } })
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)")
        }
    }

    // The properties read or written for every matching row are `@exclusivity(unchecked)`: the
    // runtime's check of each access was a fifth of the function's time, and a connection (with its
    // cache and queries) is only ever used by one thread at a time.

    /// The lengths of the chunks read so far, as of one data version of the file.
    final class LengthCache {
        /// `SQLITE_FCNTL_DATA_VERSION` when the chunks were read.
        var version: UInt32 = 0
        /// Chunks by number; nil for one not read yet, an empty array for one the table lacks.
        @exclusivity(unchecked) var chunks: [[UInt16]?] = []
    }

    /// What a query computes once: the IDF of each phrase (NaN until a row needs it), the average
    /// length, the weights, and the statement that reads chunks. FTS5 keeps it with the query
    /// (`xSetAuxdata`).
    final class QueryState {
        @exclusivity(unchecked) var idf: [Double] = []
        @exclusivity(unchecked) var averageLength = 0.0
        @exclusivity(unchecked) var weights: [Double] = []
        @exclusivity(unchecked) var frequencies: [Double] = []
        @exclusivity(unchecked) var cache = LengthCache()
        /// The number of rows in the index.
        var rowCount: Int64 = 0
        /// Where to keep the best rows' matches, when the query asks for them.
        @exclusivity(unchecked) var collector: MatchCollector?
        let connection: OpaquePointer?
        var chunkStatement: OpaquePointer?

        init(connection: OpaquePointer?) { self.connection = connection }

        deinit { sqlite3_finalize(chunkStatement) }

        /// Sets the IDF of `phrase` as `fts5Bm25GetData` computes it, from the number of rows that
        /// have the phrase; returns FTS5's error, if any.
        ///
        /// Wraps FTS5's `xQueryPhrase`, which walks every row having the phrase.
        func computeIDF(of phrase: Int, api: Fts5ExtensionApi, fts: OpaquePointer?) -> Int32 {
            var hits: Int64 = 0
            let code = api.xQueryPhrase!(fts, Int32(phrase), &hits) { _, _, hits in
                hits?.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            }
            idf[phrase] = BM25Ranking.idf(rowCount: rowCount, matching: hits)
            return code
        }

        /// The length of the document `rowid`, or 0 when the table does not know it.
        func length(of rowid: Int64) -> UInt16 {
            guard rowid >= 0 else { return 0 }
            let chunk = Int(rowid >> DocumentLengths.chunkShift)
            if chunk >= cache.chunks.count { cache.chunks += repeatElement(nil, count: chunk + 1 - cache.chunks.count) }
            if cache.chunks[chunk] == nil { cache.chunks[chunk] = readChunk(chunk) }
            let offset = Int(rowid & Int64(1 << DocumentLengths.chunkShift - 1))
            guard let sizes = cache.chunks[chunk], offset < sizes.count else { return 0 }
            return sizes[offset]
        }

        /// Wraps `sqlite3_step` of `SELECT sizes FROM document_lengths WHERE chunk = ?`; empty on any failure
        /// (the lengths then come from FTS5).
        private func readChunk(_ chunk: Int) -> [UInt16] {
            if chunkStatement == nil {
                sqlite3_prepare_v2(
                    connection, "SELECT sizes FROM document_lengths WHERE chunk = ?", -1, &chunkStatement, nil)
            }
            guard let statement = chunkStatement else { return [] }
            defer { sqlite3_reset(statement) }
            sqlite3_bind_int64(statement, 1, Int64(chunk))
            guard sqlite3_step(statement) == SQLITE_ROW, let bytes = sqlite3_column_blob(statement, 0) else {
                return []
            }
            let count = Int(sqlite3_column_bytes(statement, 0)) / 2
            let raw = bytes.assumingMemoryBound(to: UInt8.self)
            return (0..<count).map { UInt16(raw[2 * $0]) | UInt16(raw[2 * $0 + 1]) << 8 }
        }
    }

    /// The IDF of a phrase that `matching` of the index's `rowCount` rows have, as
    /// `fts5Bm25GetData` computes it: `log((N − n + 0.5) / (n + 0.5))`, floored at 1e-6.
    package static func idf(rowCount: Int64, matching: Int64) -> Double {
        let value = log((Double(rowCount) - Double(matching) + 0.5) / (Double(matching) + 0.5))
        return value <= 0 ? 1e-6 : value
    }

    /// What a phrase adds to a row's score (before the sign is turned): `fts5Bm25Function`'s
    /// term, with k1 1.2 and b 0.75, computed in its order so that the result is the same double.
    @inline(__always)
    package static func contribution(idf: Double, frequency: Double, length: Double, averageLength: Double) -> Double {
        let k1 = 1.2
        let b = 0.75
        return idf * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * length / averageLength)))
    }

    /// The function FTS5 calls for each matching row.
    ///
    /// FTS5 fills every member of its extension API (version 3 in SQLite 3.40), hence the `!`s.
    private static let rank: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee else { return }
        let state: QueryState
        if let stored = api.xGetAuxdata!(fts, 0) {
            state = Unmanaged<QueryState>.fromOpaque(stored).takeUnretainedValue()
        } else {
            var code = SQLITE_OK
            state = makeState(api: api, fts: fts, context: context, count: count, values: values, code: &code)
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
            code = api.xSetAuxdata!(
                fts, Unmanaged.passRetained(state).toOpaque(),
                { state in state.map { Unmanaged<QueryState>.fromOpaque($0).release() } })
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        }

        // The frequency of each phrase in this row, its instances weighted by their column. Phrase
        // by phrase (xPhraseFirst) rather than bm25()'s xInst, which first merges the instances of
        // all phrases into one array; each phrase's instances come in the same order, so its sum
        // is the same.
        var code = SQLITE_OK
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0
        var offset: Int32 = 0
        for phrase in state.frequencies.indices {
            var frequency = 0.0
            code = api.xPhraseFirst!(fts, Int32(phrase), &iterator, &column, &offset)
            guard code == SQLITE_OK else { break }
            while column >= 0 {
                frequency += Int(column) < state.weights.count ? state.weights[Int(column)] : 1.0
                api.xPhraseNext!(fts, &iterator, &column, &offset)
            }
            state.frequencies[phrase] = frequency
        }
        var length = Double(state.length(of: api.xRowid!(fts)))
        if length == 0, code == SQLITE_OK {
            var tokens: Int32 = 0
            code = api.xColumnSize!(fts, -1, &tokens)
            length = Double(tokens)
        }
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }

        var score = 0.0
        for index in state.frequencies.indices {
            let frequency = state.frequencies[index]
            // A phrase not in the row's weighted columns adds exactly 0 (0 × IDF), so its IDF, a walk
            // over every row that has it, waits for a row that needs it: a label's (weight 0) or an
            // excluded word's (`-football`) is never computed.
            guard frequency != 0 else { continue }
            if state.idf[index].isNaN {
                code = state.computeIDF(of: index, api: api, fts: fts)
                guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
            }
            score += contribution(
                idf: state.idf[index], frequency: frequency, length: length, averageLength: state.averageLength)
        }
        if let collector = state.collector {
            code = collector.offer(rank: -1.0 * score, rowid: api.xRowid!(fts), api: api, fts: fts)
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        }
        sqlite3_result_double(context, -1.0 * score)
    }

    /// The per-query values, as `fts5Bm25GetData` computes them, and the lengths to use; `code` is
    /// set to FTS5's error, if any.
    private static func makeState(
        api: Fts5ExtensionApi, fts: OpaquePointer?, context: OpaquePointer?, count: Int32,
        values: UnsafeMutablePointer<OpaquePointer?>?, code: inout Int32
    ) -> QueryState {
        let connection = sqlite3_context_db_handle(context)
        let state = QueryState(connection: connection)
        var version: UInt32 = 0
        let isVersioned = sqlite3_file_control(connection, "main", SQLITE_FCNTL_DATA_VERSION, &version) == SQLITE_OK
        // Only a read-only connection sees no change of its own between two queries.
        if isVersioned, sqlite3_db_readonly(connection, "main") == 1, let shared = api.xUserData!(fts) {
            let cache = Unmanaged<LengthCache>.fromOpaque(shared).takeUnretainedValue()
            if cache.version != version {
                cache.version = version
                cache.chunks = []
            }
            state.cache = cache
        }
        // A trailing pointer is a collector of the best rows' matches, not a weight.
        var weights = Int(count)
        if weights > 0, let pointer = sqlite3_value_pointer(values?[weights - 1], MatchCollector.pointerType) {
            state.collector = Unmanaged<MatchCollector>.fromOpaque(pointer).takeUnretainedValue()
            weights -= 1
        }
        state.weights = (0..<weights).map { sqlite3_value_double(values?[$0]) }
        var rows: Int64 = 0
        var tokens: Int64 = 0
        code = api.xRowCount!(fts, &rows)
        if code == SQLITE_OK { code = api.xColumnTotalSize!(fts, -1, &tokens) }
        state.averageLength = Double(tokens) / Double(rows)
        state.rowCount = rows
        let phrases = Int(api.xPhraseCount!(fts))
        state.frequencies = Array(repeating: 0, count: phrases)
        // Not known yet: see computeIDF(of:api:fts:).
        state.idf = Array(repeating: .nan, count: phrases)
        // A query of one phrase whose every row is offered to the collector: the rows offered are
        // the rows having the phrase, so counting them gives its IDF without xQueryPhrase's second
        // walk over them (a fifth of the time of a query for a common word). Its IDF, a factor of
        // every rank, is left out here (1) and applied to the kept rows at the end.
        if phrases == 1, let collector = state.collector, collector.seesEveryMatch {
            state.idf = [1]
            collector.deferredIDFRowCount = rows
        }
        return state
    }
}
