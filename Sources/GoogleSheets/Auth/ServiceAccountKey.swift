import Foundation
import _CryptoExtras

/// The service account key file Google gives (GOOGLE_APPLICATION_CREDENTIALS).
public struct ServiceAccountKey: Sendable {
    public let clientEmail: String
    public let keyID: String
    public let tokenURI: URL
    let privateKey: _RSA.Signing.PrivateKey

    /// Problems with the key file, each one line an operator can act on. Never includes the key.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case missingFile(path: String)
        case unreadable(path: String, reason: String)
        case invalidJSON(path: String)
        case notAServiceAccount(path: String, type: String)
        case missingField(path: String, field: String)
        case notRSAPKCS8(path: String)

        public var description: String {
            let variable = "GOOGLE_APPLICATION_CREDENTIALS"
            switch self {
            case .missingFile(let path):
                return "\(variable): no file at \(path) — download the key of the service account and put it there (see service_account/README.md)"
            case .unreadable(let path, let reason):
                return "\(variable): cannot read \(path) (\(reason)) — check its permissions"
            case .invalidJSON(let path):
                return "\(variable): \(path) is not valid JSON — download the key again (Keys → Add key → JSON) instead of copying it by hand"
            case .notAServiceAccount(let path, let type):
                return "\(variable): \(path) is a \"\(type)\" file, not a service account key — create a key for a service account (see service_account/README.md)"
            case .missingField(let path, let field):
                return "\(variable): \(path) has no \"\(field)\" — it is not a complete service account key; download it again"
            case .notRSAPKCS8(let path):
                return "\(variable): the private_key in \(path) is not a PKCS#8 RSA key (a PEM block labelled PRIVATE KEY) — download a new JSON key"
            }
        }
    }

    /// A key other users of the server can read is as good as theirs: one line saying how to
    /// fix it, or nil when only its owner can read it.
    public static func permissionWarning(path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 else { return nil }
        return "GOOGLE_APPLICATION_CREDENTIALS: \(path) can be read by other users of this machine (mode \(String(mode & 0o777, radix: 8))) — run `chmod 600 \(path)`"
    }

    public static func load(path: String) throws(Problem) -> ServiceAccountKey {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws(Problem) -> ServiceAccountKey {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .invalidJSON(path: path)
        }
        let type = object["type"] as? String ?? "unknown"
        guard type == "service_account" else { throw .notAServiceAccount(path: path, type: type) }
        func field(_ name: String) throws(Problem) -> String {
            guard let value = object[name] as? String, !value.isEmpty else { throw .missingField(path: path, field: name) }
            return value
        }
        let pem = try field("private_key")
        // Google's keys are PKCS#8; an older PKCS#1 key ("RSA PRIVATE KEY") is refused by name.
        guard pemLabel(pem) == "PRIVATE KEY", let key = try? _RSA.Signing.PrivateKey(pemRepresentation: pem) else {
            throw .notRSAPKCS8(path: path)
        }
        guard let tokenURI = URL(string: try field("token_uri")) else { throw .missingField(path: path, field: "token_uri") }
        return ServiceAccountKey(clientEmail: try field("client_email"), keyID: try field("private_key_id"),
                                 tokenURI: tokenURI, privateKey: key)
    }

    /// The label of the first PEM block ("PRIVATE KEY", "RSA PRIVATE KEY", "CERTIFICATE").
    static func pemLabel(_ pem: String) -> String? {
        guard let begin = pem.range(of: "-----BEGIN "), let end = pem[begin.upperBound...].range(of: "-----") else { return nil }
        return String(pem[begin.upperBound..<end.lowerBound])
    }
}
