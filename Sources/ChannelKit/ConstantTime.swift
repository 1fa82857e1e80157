/// Comparison of secrets that takes the same time wherever the first difference is, so a
/// caller cannot find a webhook secret byte by byte from response times.
public enum ConstantTime {
    public static func equals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        // Compare against the expected length every time, so a wrong length costs the same.
        var left = a.makeIterator(), right = b.makeIterator()
        for _ in 0..<max(a.count, b.count) {
            difference |= (left.next() ?? 0) ^ (right.next() ?? 0)
        }
        return difference == 0 && a.count == b.count
    }

    public static func equals(_ a: String, _ b: String) -> Bool {
        equals(Array(a.utf8), Array(b.utf8))
    }
}
