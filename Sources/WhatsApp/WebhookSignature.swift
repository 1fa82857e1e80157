import AgentCore
import ChannelKit
import Crypto
import Foundation

/// `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the raw body with the App Secret,
/// checked in constant time before the body is parsed.
public struct WebhookSignature: Sendable {
    let key: SymmetricKey

    public init(appSecret: String) {
        self.key = SymmetricKey(data: Data(appSecret.utf8))
    }

    public func isValid(_ header: String?, body: Data) -> Bool {
        guard let header, header.hasPrefix("sha256="), let given = Self.bytes(hex: header.dropFirst(7)) else { return false }
        let expected = Array(HMAC<SHA256>.authenticationCode(for: body, using: key))
        return ConstantTime.equals(expected, given)
    }

    public func header(for body: Data) -> String {
        "sha256=" + HMAC<SHA256>.authenticationCode(for: body, using: key).map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: Substring) -> [UInt8]? {
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
