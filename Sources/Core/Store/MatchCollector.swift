import GRDBSQLite

/// The best rows of a ranking query, with their matches in the body for their snippets.
///
/// Handed to ``BM25Ranking``'s function as its last argument, a pointer bound with
/// `sqlite3_bind_pointer` under ``pointerType``: as the function scores each matching row it keeps
/// the `limit` best in `ORDER BY rank, rowid DESC` order (lower rank first, then higher rowid),
/// each with the instances of the query's phrases in the body that FTS5 reports for it. A row
/// enters only when it beats the worst kept, so a query over thousands of matches records a few
/// dozen rows; SQLite then has no sort to do, and the snippets need no second evaluation of the
/// query (see ``MatchSnippet``).
final class MatchCollector {
    /// The type name of the pointer, as `sqlite3_bind_pointer` and `sqlite3_value_pointer` check it
    /// (SQLite keeps the C string for as long as the binding: a static one).
    static let pointerTypeName: StaticString = "newsdrop-match-collector"

    /// ``pointerTypeName`` as a C string.
    static var pointerType: UnsafePointer<CChar> {
        UnsafeRawPointer(pointerTypeName.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// One kept row.
    struct Row {
        var rank: Double
        var rowid: Int64
        var matches: [MatchSnippet.Match]
    }

    /// How many rows to keep.
    let limit: Int
    /// The FTS5 column whose matches are kept.
    let column: Int32
    /// The kept rows, best first.
    private(set) var rows: [Row] = []
    /// The rank and rowid of the worst kept row once `limit` rows are kept, which a row must beat
    /// to enter: checked for every matching row, hence `@exclusivity(unchecked)` (a collector
    /// serves one query on one connection, used by one thread at a time).
    @exclusivity(unchecked) private var bar: (rank: Double, rowid: Int64)?
    /// The number of phrases in the query, once a row was scored.
    private(set) var phraseCount = 0
    /// Whether every row that has the query's phrases is offered: no condition outside the index
    /// drops one (``Store/rankedMatches(of:match:limit:collector:db:)`` sets it). The ranking then
    /// learns how many rows have a one-phrase query's phrase by counting them.
    var seesEveryMatch = false
    /// The rows offered so far.
    @exclusivity(unchecked) private(set) var offered: Int64 = 0
    /// The number of rows in the index when the ranking left the IDF of the query's one phrase
    /// out of the ranks offered, to be applied by ``applyDeferredIDF()``; nil when the ranks are
    /// whole.
    var deferredIDFRowCount: Int64?

    /// A collector of the `limit` best rows' matches in `column`.
    init(limit: Int, column: Int32) {
        self.limit = limit
        self.column = column
    }

    /// The matches kept for `rowid`, nil when it is not among the kept rows.
    func matches(of rowid: Int64) -> [MatchSnippet.Match]? {
        rows.first { $0.rowid == rowid }?.matches
    }

    /// Whether a row of `rank` and `rowid` comes before `row` in the query's order.
    static func precedes(_ rank: Double, _ rowid: Int64, _ row: (rank: Double, rowid: Int64)) -> Bool {
        rank < row.rank || (rank == row.rank && rowid > row.rowid)
    }

    /// Keeps the current row of `fts`, ranked `rank`, if it is among the best so far.
    ///
    /// Wraps FTS5's `xInstCount`, `xInst` and `xPhraseSize`, read only for a row that is kept.
    func offer(rank: Double, rowid: Int64, api: Fts5ExtensionApi, fts: OpaquePointer?) -> Int32 {
        offered += 1
        if let bar, !Self.precedes(rank, rowid, bar) { return SQLITE_OK }
        guard limit > 0 else { return SQLITE_OK }
        phraseCount = Int(api.xPhraseCount!(fts))
        var count: Int32 = 0
        var code = api.xInstCount!(fts, &count)
        var matches: [MatchSnippet.Match] = []
        for index in 0..<count where code == SQLITE_OK {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            code = api.xInst!(fts, index, &phrase, &column, &offset)
            if code == SQLITE_OK, column == self.column {
                matches.append(
                    .init(
                        phrase: Int(phrase), position: Int(offset), length: Int(api.xPhraseSize!(fts, phrase))))
            }
        }
        guard code == SQLITE_OK else { return code }
        let index = rows.firstIndex { Self.precedes(rank, rowid, ($0.rank, $0.rowid)) }
        rows.insert(Row(rank: rank, rowid: rowid, matches: matches), at: index ?? rows.endIndex)
        if rows.count > limit { rows.removeLast() }
        if rows.count == limit, let worst = rows.last { bar = (worst.rank, worst.rowid) }
        return SQLITE_OK
    }

    /// Multiplies the kept ranks by the IDF the ranking left out (see ``deferredIDFRowCount``),
    /// now that the rows offered are every row having the phrase; once.
    ///
    /// Equal to the ranks computed whole: the IDF is a positive factor common to every row of a
    /// one-phrase query, so it changes no order, and a product of doubles is the same in either
    /// order.
    func applyDeferredIDF() {
        guard let rowCount = deferredIDFRowCount else { return }
        deferredIDFRowCount = nil
        let idf = BM25Ranking.idf(rowCount: rowCount, matching: offered)
        for index in rows.indices { rows[index].rank = idf * rows[index].rank }
    }
}
