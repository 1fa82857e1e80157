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
        var haystack = self, needle = other
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                // memchr finds each place the needle's first letter occurs; memcmp checks the whole
                // needle there. The phrases start with a space, and spaces are everywhere in text:
                // searching for one stopped at every word.
                var lead = 0
                while lead < n.count - 1, nb[lead] == 32 { lead += 1 }
                var start = 0
                let last = h.count - n.count
                while start <= last, let found = memchr(hb + start + lead, Int32(nb[lead]), last - start + 1) {
                    let at = hb.distance(to: found.assumingMemoryBound(to: UInt8.self)) - lead
                    if memcmp(hb + at, nb, n.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }
}
