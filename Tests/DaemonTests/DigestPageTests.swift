import Foundation
import Testing

/// The published digest page, rendered the way a reader sees it: Debian's Chromium, headless, at
/// the size of a phone (390 × 844 CSS pixels).
struct DigestPageTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs headless Chromium on `url` with `arguments`; its profile lives in `profile`.
    static func chromium(_ arguments: [String], url: String, profile: String) throws -> CommandResult {
        let program = try #require(chromium, "Debian's chromium is needed: `make test` installs it")
        return try runToCompletion(
            program,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=390,844",
            ] + arguments + [url])
    }

    @Test func thePublishedPageRendersOnAPhoneWithItsChartsAndStories() throws {
        // Given the seeds ingested and the day's digest published
        let (root, _, state) = try makeWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "time_zone = \"UTC\"\n".write(toFile: root + "/newsdrop.toml", atomically: true, encoding: .utf8)
        #expect(try newsdrop(["ingest", "--state-dir", state] + NewsdropBinary.seeds.map(\.path)).status == 0)
        let published = try newsdrop([
            "digest", "--state-dir", state, "--config", root + "/newsdrop.toml", "--format", "json", "--publish",
        ])
        #expect(published.status == 0, "\(published.error)")
        let digest = try #require(try JSONSerialization.jsonObject(with: Data(published.output.utf8)) as? [String: Any])
        let date = try #require(digest["date"] as? String)
        let page = state + "/digests/\(date).html"
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("src="), "the page as published runs and fetches nothing")

        // When Chromium lays it out at phone size: in a frame 390 pixels wide (headless windows are
        // 500 at least), from a probe page that reports the width the page takes
        let probe = root + "/probe.html"
        try """
        <!DOCTYPE html><html><body style="margin:0">
        <iframe id="page" src="file://\(page)" width="390" height="844" style="border:0"></iframe>
        <script>
        document.getElementById("page").onload = function () {
          document.body.dataset.width = this.contentDocument.documentElement.scrollWidth;
        };
        </script></body></html>
        """.write(toFile: probe, atomically: true, encoding: .utf8)
        let probed = try Self.chromium(
            ["--allow-file-access-from-files", "--dump-dom"], url: "file://" + probe, profile: root + "/profile")
        #expect(probed.status == 0, "\(probed.error)")
        let parsed = try Self.chromium(["--dump-dom"], url: "file://" + page, profile: root + "/profile")
        #expect(parsed.status == 0, "\(parsed.error)")
        let dom = parsed.output

        // Then nothing is wider than the phone
        let width = probed.output.components(separatedBy: "data-width=\"").dropFirst().first?.prefix { $0 != "\"" }
        let laidOut = try #require(width.flatMap { Int($0) }, "the probe reported no width")
        #expect(laidOut <= 390)
        // and the page holds the hour chart (24 bars), the topic chart and every story's headline
        let hours = dom.components(separatedBy: "id=\"chart-hours\"").dropFirst().first ?? ""
        #expect(hours.components(separatedBy: "</figure>")[0].components(separatedBy: "<rect").count - 1 == 24)
        #expect(dom.contains("id=\"chart-topics\""))
        let stories = try #require(digest["stories"] as? [[String: Any]])
        #expect(!stories.isEmpty)
        for story in stories {
            let headline = try #require(story["headline"] as? String)
            let escaped = headline.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;"
            ).replacingOccurrences(of: ">", with: "&gt;")
            #expect(dom.contains("<h3>\(escaped)</h3>"), "\(headline)")
        }

        // And the screenshot is a phone-sized picture with more in it than an empty page
        let shot = root + "/page.png"
        let blank = root + "/blank.png"
        try "<!DOCTYPE html><html><body></body></html>".write(
            toFile: root + "/blank.html", atomically: true, encoding: .utf8)
        #expect(
            try Self.chromium(["--screenshot=" + shot], url: "file://" + page, profile: root + "/profile").status == 0)
        #expect(
            try Self.chromium(
                ["--screenshot=" + blank], url: "file://" + root + "/blank.html", profile: root + "/profile"
            )
            .status == 0)
        let picture = try Data(contentsOf: URL(fileURLWithPath: shot))
        let empty = try Data(contentsOf: URL(fileURLWithPath: blank))
        #expect(Self.pngSize(picture)?.width == 390)
        #expect(Self.pngSize(picture)?.height == 844)
        #expect(picture.count > 4 * empty.count, "\(picture.count) bytes against \(empty.count) for an empty page")
    }

    /// Width and height from a PNG's header chunk; nil when the data is no PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        func number(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
