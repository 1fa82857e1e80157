#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether `other` occurs in the string, byte for byte in UTF-8. The phrases the rules and
    /// slot finders look for are folded text; Foundation's locale-aware search was a third of
    /// the time `classify` took.
    func contains(_ other: String) -> Bool {
        utf8Offset(of: other) != nil
    }

    /// Where `other` first occurs at or after the UTF-8 offset `start`, as a UTF-8 offset:
    /// `contains`'s search, for callers that need the place (folded text, where Foundation's
    /// `range(of:)` costs many times more).
    func utf8Offset(of other: String, from start: Int = 0) -> Int? {
        var haystack = self, needle = other
        return haystack.withUTF8 { whole in
            needle.withUTF8 { n in
                guard start <= whole.count else { return nil }
                let h = UnsafeBufferPointer(rebasing: whole[start...])
                guard !n.isEmpty else { return start }
                guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
                // memchr finds each place the needle's first letter occurs; memcmp checks the whole
                // needle there. The phrases start with a space, and spaces are everywhere in text:
                // searching for one stopped at every word.
                var lead = 0
                while lead < n.count - 1, nb[lead] == 32 { lead += 1 }
                var from = 0
                let last = h.count - n.count
                while from <= last, let found = memchr(hb + from + lead, Int32(nb[lead]), last - from + 1) {
                    let at = hb.distance(to: found.assumingMemoryBound(to: UInt8.self)) - lead
                    if memcmp(hb + at, nb, n.count) == 0 { return start + at }
                    from = at + 1
                }
                return nil
            }
        }
    }
}
