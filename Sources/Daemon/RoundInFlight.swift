/// A round whose commit runs while the ingest loop reads and analyses the next one.
///
/// Rounds commit in order, one at a time: the loop waits for this one (``IngestService``'s
/// `settle`) before it starts the next commit, before it removes files from the archive and
/// before it compares the drop folder with the archive.
struct RoundInFlight {
    /// The commit, running on the archive's writer.
    let commit: Task<BatchIngester.Result, any Error>
    /// The settled files the round read: queued again when its commit fails.
    let paths: [String]
    /// The files in progress before the round took its parts of them: what the loop goes on from
    /// when its commit fails, so no part is lost.
    var backlogBefore: [FileInProgress]
}
