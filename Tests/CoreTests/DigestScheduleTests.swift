import Core
import Foundation
import Testing

/// The digest clock in Europe/Paris: 2026-03-29 has no 02:00–03:00, 2026-10-25 has it twice.
struct DigestScheduleTests {
    static let paris = TimeZone(identifier: "Europe/Paris")!

    /// A Paris wall-clock time as a `Date`.
    static func paris(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = paris
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!  // the tests give valid times
    }

    let seven = DigestSchedule(hour: 7, minute: 0, timeZone: paris)

    @Test func aDigestIsPublishedAtItsTimeOnTheNextDay() {
        #expect(seven.publicationTime(of: "2026-06-10") == Self.paris("2026-06-11 07:00"))
        #expect(seven.dueDays(at: Self.paris("2026-06-11 06:59"), lastPublished: "2026-06-09") == [])
        #expect(seven.dueDays(at: Self.paris("2026-06-11 07:00"), lastPublished: "2026-06-09") == ["2026-06-10"])
        #expect(seven.dueDays(at: Self.paris("2026-06-11 07:00"), lastPublished: "2026-06-10") == [])
    }

    @Test func daysAreCalendarDaysAcrossDaylightSavingChanges() throws {
        let spring = try #require(seven.interval(of: "2026-03-29"))
        #expect(spring.end.timeIntervalSince(spring.start) == 23 * 3600)
        let autumn = try #require(seven.interval(of: "2026-10-25"))
        #expect(autumn.end.timeIntervalSince(autumn.start) == 25 * 3600)
        #expect(seven.day(of: Self.paris("2026-03-29 23:59")) == "2026-03-29")
        #expect(seven.day(of: Self.paris("2026-10-26 00:00")) == "2026-10-26")
    }

    @Test func publicationStaysAtLocalTimeWhenTheClocksChange() {
        // 07:00 local is 05:00 UTC in summer and 06:00 UTC in winter.
        #expect(seven.publicationTime(of: "2026-03-28") == Self.paris("2026-03-29 07:00"))
        #expect(seven.publicationTime(of: "2026-03-29") == Self.paris("2026-03-30 07:00"))
        #expect(seven.publicationTime(of: "2026-10-24") == Self.paris("2026-10-25 07:00"))
        let summer = seven.publicationTime(of: "2026-03-28")!
        let winterEve = seven.publicationTime(of: "2026-03-27")!
        #expect(summer.timeIntervalSince(winterEve) == 23 * 3600)
    }

    @Test func aTimeInTheSpringGapMovesToTheEndOfTheGap() {
        let early = DigestSchedule(hour: 2, minute: 30, timeZone: Self.paris)
        #expect(early.publicationTime(of: "2026-03-28") == Self.paris("2026-03-29 03:00"))
        #expect(early.publicationTime(of: "2026-03-29") == Self.paris("2026-03-30 02:30"))
    }

    @Test func aTimeRepeatedInAutumnIsTheFirstOfTheTwo() throws {
        let early = DigestSchedule(hour: 2, minute: 30, timeZone: Self.paris)
        let time = try #require(early.publicationTime(of: "2026-10-24"))
        // The first 02:30 is still summer time: 00:30 UTC.
        #expect(Int(time.timeIntervalSince1970) % 86400 == 30 * 60)
    }

    @Test func missedDaysAreCaughtUpOldestFirst() {
        let now = Self.paris("2026-06-14 09:00")
        #expect(seven.dueDays(at: now, lastPublished: "2026-06-10") == ["2026-06-11", "2026-06-12", "2026-06-13"])
        #expect(seven.dueDays(at: now, lastPublished: nil) == ["2026-06-13"])
        #expect(seven.dueDays(at: now, lastPublished: "2026-01-01", limit: 2) == ["2026-06-12", "2026-06-13"])
    }

    @Test func theNextPublicationIsTodayOrTomorrow() {
        #expect(seven.nextPublication(after: Self.paris("2026-03-29 06:00")) == Self.paris("2026-03-29 07:00"))
        #expect(seven.nextPublication(after: Self.paris("2026-03-29 07:00")) == Self.paris("2026-03-30 07:00"))
        #expect(seven.nextPublication(after: Self.paris("2026-10-24 23:00")) == Self.paris("2026-10-25 07:00"))
    }

    @Test func aBadDateHasNoInterval() {
        #expect(seven.interval(of: "2026-02-30") == nil)
        #expect(seven.interval(of: "yesterday") == nil)
    }
}
