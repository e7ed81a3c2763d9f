/// The digest page's charts, as inline SVG: bars drawn from the day's counts, no script.
///
/// Each bar carries a `<title>` ("07:00–08:00: 12 articles"), which browsers show on hover and
/// screen readers read; the figure's caption says what the chart counts.
enum DigestCharts {
    /// Articles by hour of the day: 24 columns, the busiest hour full height.
    static func hours(_ counts: [Int]) -> String {
        let width = 480
        let height = 120
        let axis = 16  // room for the hour labels under the bars
        let slot = Double(width) / Double(max(counts.count, 1))
        let peak = max(counts.max() ?? 0, 1)
        var svg =
            "<figure id=\"chart-hours\"><svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "aria-label=\"Articles by hour\">"
        for (hour, count) in counts.enumerated() {
            let barHeight = Double(height - axis) * Double(count) / Double(peak)
            let x = Double(hour) * slot + 1
            let y = Double(height - axis) - barHeight
            let label = "\(twoDigits(hour)):00–\(twoDigits((hour + 1) % 24)):00: \(articles(count))"
            svg +=
                "<rect class=\"bar\" x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(slot - 2))\" "
                + "height=\"\(format(barHeight))\" data-count=\"\(count)\"><title>\(HTMLPage.escaped(label))</title></rect>"
            if hour % 6 == 0 {
                svg += "<text x=\"\(format(x))\" y=\"\(height - 2)\" font-size=\"14\">\(twoDigits(hour)):00</text>"
            }
        }
        svg += "</svg><figcaption>Articles by hour of arrival</figcaption></figure>\n"
        return svg
    }

    /// Articles by topic: one horizontal bar per topic, biggest first.
    static func topics(_ counts: [String: Int]) -> String {
        let ordered = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let rowHeight = 20
        let width = 320
        let labelWidth = 110
        let height = rowHeight * ordered.count
        let peak = max(ordered.first?.value ?? 0, 1)
        var svg =
            "<figure id=\"chart-topics\"><svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "aria-label=\"Articles by topic\">"
        for (row, (topic, count)) in ordered.enumerated() {
            let y = row * rowHeight
            let barWidth = Double(width - labelWidth - 30) * Double(count) / Double(peak)
            svg +=
                "<text x=\"0\" y=\"\(y + 14)\">\(HTMLPage.escaped(topic))</text>"
                + "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(format(barWidth))\" "
                + "height=\"\(rowHeight - 6)\" data-count=\"\(count)\"><title>"
                + HTMLPage.escaped("\(topic): \(articles(count))") + "</title></rect>"
                + "<text x=\"\(format(Double(labelWidth) + barWidth + 4))\" y=\"\(y + 14)\">\(count)</text>"
        }
        svg += "</svg><figcaption>Articles by topic</figcaption></figure>\n"
        return svg
    }

    private static func articles(_ count: Int) -> String {
        count == 1 ? "1 article" : "\(count) articles"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// A coordinate with at most one decimal, the way SVG reads it.
    private static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))" : "\(tenths / 10)"
    }
}
