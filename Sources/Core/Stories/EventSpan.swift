import Foundation

/// A stretch of time in seconds since 1970: when an article's event happened, as precisely as its
/// date says, or the dates a story's articles cover.
///
/// An article dated `2021-12-17` happened somewhere in that day (UTC), one dated `2021-12`
/// somewhere in that month, one with a time at that instant. A story's span starts as its first
/// dated article's and grows only as far as a later one forces it (``including(_:)``), so an
/// imprecise date never stretches a story. An article without a date has no span: its arrival
/// says when it was received, not when it happened.
public struct EventSpan: Sendable, Equatable, Codable {
    /// The earliest time, seconds since 1970.
    public var start: Double
    /// The latest time, seconds since 1970; never before ``start``.
    public var end: Double

    /// The span from `start` to `end` (swapped if given the other way round).
    public init(start: Double, end: Double) {
        self.start = min(start, end)
        self.end = max(start, end)
    }

    /// The instant `time`.
    public init(at time: Double) {
        self.init(start: time, end: time)
    }

    /// The span an ISO 8601 date covers: a month, a day, or an instant when a time is written;
    /// nil when it does not read as one.
    public init?(isoDate: String) {
        let parts = isoDate.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]) else {
            return nil
        }
        guard parts.count == 3 else {
            let nextMonth = month == 12 ? (year + 1, 1) : (year, month + 1)
            guard let first = CalendarDay(year: year, month: month, day: 1),
                let next = CalendarDay(year: nextMonth.0, month: nextMonth.1, day: 1)
            else { return nil }
            self.init(start: first.seconds, end: next.seconds)
            return
        }
        guard let dayOfMonth = Int(parts[2]), let day = CalendarDay(year: year, month: month, day: dayOfMonth) else {
            return nil
        }
        // `2021-12-17T10:00:00Z`, as `DateFinder.normalize` writes a date with a time, in UTC.
        let time = isoDate.dropFirst(10)
        if time.count == 10, time.hasPrefix("T"), time.hasSuffix("Z") {
            let fields = time.dropFirst().dropLast().split(separator: ":").compactMap { Int($0) }
            if fields.count == 3 {
                self.init(at: day.seconds + Double(fields[0] * 3600 + fields[1] * 60 + fields[2]))
                return
            }
        }
        self.init(start: day.seconds, end: day.seconds + 86_400)
    }

    /// How long the span lasts, in seconds.
    public var length: Double { end - start }

    /// How far apart two spans are, in seconds: 0 when they overlap or touch.
    public func gap(to other: EventSpan) -> Double {
        max(0, other.start - end, start - other.end)
    }

    /// The span grown just enough to reach `other`: unchanged when they overlap, else stretched to
    /// the nearest end of `other` (a month-long date inside a story's days leaves it as it is).
    public func including(_ other: EventSpan) -> EventSpan {
        if other.end < start { return EventSpan(start: other.end, end: end) }
        if other.start > end { return EventSpan(start: start, end: other.start) }
        return self
    }
}

extension CalendarDay {
    /// Midnight UTC at the start of the day, in seconds since 1970.
    fileprivate var seconds: Double { Double(daysSinceEpoch) * 86_400 }
}
