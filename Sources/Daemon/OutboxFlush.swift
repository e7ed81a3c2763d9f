import Core

/// Sends the archive's unsent events to the journal, for one-shot commands (`ingest`, `digest
/// --publish`); without journald they are marked sent, having been printed by the command.
func sendUnsentEvents(of store: Store) {
    let journal = Journal(target: .auto)
    do {
        while case let events = try store.unsentEvents(), !events.isEmpty {
            if journal.isJournald {
                for event in events { journal.send(event.journalFields) }
            }
            try store.markSent(events.map(\.id))
        }
    } catch {
        printError("newsdrop: cannot send the events to the journal: \(error)")
    }
}
