import Foundation

/// When daily digests are due: each day's digest is published at `digest_time` of the next day,
/// in the configured time zone.
///
/// Pure: the caller gives the time, so tests can walk a clock across daylight-saving changes. A
/// day is a calendar day of the time zone (23 or 25 hours long when the clocks change), and a
/// publication time that does not exist on a spring-forward day (02:30 in Paris) moves to the
/// first time after the gap; one that exists twice on a fall-back day is the first of the two.
public struct DigestSchedule: Sendable, Equatable {
    /// The hour and minute of publication, local.
    public var hour: Int
    public var minute: Int
    /// The time zone days are counted in.
    public var timeZone: TimeZone

    /// Creates a schedule; `hour` 0...23 and `minute` 0...59.
    public init(hour: Int, minute: Int, timeZone: TimeZone) {
        self.hour = hour
        self.minute = minute
        self.timeZone = timeZone
    }

    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The day `date` falls on, as `YYYY-MM-DD`.
    public func day(of date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The start (inclusive) and end (exclusive) of `day` (`YYYY-MM-DD`), or nil for a bad date.
    public func interval(of day: String) -> (start: Date, end: Date)? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3,
            let noon = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)),
            self.day(of: noon) == day
        else { return nil }
        let start = calendar.startOfDay(for: noon)
        guard let next = calendar.date(byAdding: .day, value: 1, to: noon) else { return nil }
        return (start, calendar.startOfDay(for: next))
    }

    /// When the digest of `day` is published: `hour:minute` on the following day.
    public func publicationTime(of day: String) -> Date? {
        guard let (_, end) = interval(of: day) else { return nil }
        return publicationTime(onDayStarting: end)
    }

    /// The first `hour:minute` at or after `start`, on that calendar day.
    func publicationTime(onDayStarting start: Date) -> Date? {
        let target = DateComponents(hour: hour, minute: minute)
        // Not `date(bySettingHour:)`: on Linux it can skip a day when the time falls in a DST gap.
        let before = start.addingTimeInterval(-1)
        return calendar.nextDate(
            after: before, matching: target, matchingPolicy: .nextTime, repeatedTimePolicy: .first,
            direction: .forward)
    }

    /// The days whose digests are due at `now` and not yet published, oldest first.
    ///
    /// `lastPublished` is the newest day already published; nil means none ever was, and then only
    /// yesterday's is due (a new archive does not publish empty digests for the past). At most
    /// `limit` days are returned: a service down for months catches up the most recent ones.
    public func dueDays(at now: Date, lastPublished: String?, limit: Int = 31) -> [String] {
        // The newest day whose publication time has passed.
        let today = day(of: now)
        guard let todayStart = interval(of: today)?.start,
            let yesterday = calendar.date(byAdding: .day, value: -1, to: todayStart.addingTimeInterval(12 * 3600))
        else { return [] }
        var newest = day(of: yesterday)
        if let time = publicationTime(of: newest), time > now {
            guard let before = calendar.date(byAdding: .day, value: -1, to: yesterday) else { return [] }
            newest = day(of: before)
        }
        var days: [String] = []
        var cursor = newest
        while days.count < limit && cursor > (lastPublished ?? "") {
            days.append(cursor)
            if lastPublished == nil { break }
            guard let start = interval(of: cursor)?.start,
                let previous = calendar.date(byAdding: .hour, value: -12, to: start)
            else { break }
            cursor = day(of: previous)
        }
        return days.reversed()
    }

    /// The next time a digest is due after `now`.
    public func nextPublication(after now: Date) -> Date? {
        guard let start = interval(of: day(of: now))?.start,
            let today = publicationTime(onDayStarting: start)
        else { return nil }
        if today > now { return today }
        guard let tomorrow = interval(of: day(of: start.addingTimeInterval(36 * 3600)))?.start else { return nil }
        return publicationTime(onDayStarting: tomorrow)
    }
}
