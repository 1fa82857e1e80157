import Foundation

/// Dates as the ISP's staff read and type them, in the ISP's time zone
/// ("2026-11-25 14:03"; also "25/11/2026" and "25/11/2026 14:03" typed by hand).
public struct LocalTime: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public static let mexicoCity = LocalTime(timeZone: TimeZone(identifier: "America/Mexico_City") ?? .current)

    /// "2026-11-25 14:03"
    public func stamp(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// "2026-11-25"
    public func day(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// "2026-11" for this month; `offset: -1` for the one before.
    public func month(_ date: Date, offset: Int = 0) -> String {
        let shifted = calendar.date(byAdding: .month, value: offset, to: date) ?? date
        let c = calendar.dateComponents([.year, .month], from: shifted)
        return String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
    }

    /// "14:03"
    public func clock(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    public func parse(_ cell: String) -> Date? {
        let numbers = cell.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 3 else { return nil }
        var c = DateComponents()
        if numbers[0] > 31 {  // 2026-11-25
            (c.year, c.month, c.day) = (numbers[0], numbers[1], numbers[2])
        } else {  // 25/11/2026
            (c.day, c.month, c.year) = (numbers[0], numbers[1], numbers[2] < 100 ? 2000 + numbers[2] : numbers[2])
        }
        if numbers.count >= 5 { (c.hour, c.minute) = (numbers[3], numbers[4]) }
        return calendar.date(from: c)
    }

    public func isSameDay(_ a: Date, _ b: Date) -> Bool { calendar.isDate(a, inSameDayAs: b) }
}
