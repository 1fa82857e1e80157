import Crypto
import Foundation
import _CryptoExtras

/// A registered service account.
struct ServiceAccount: Sendable {
    var email: String
    var keyID: String
    var publicKey: _RSA.Signing.PublicKey
    var revoked = false
}

/// An access token the token endpoint issued.
struct IssuedToken: Sendable {
    var email: String
    var scopes: Set<String>
    var expiresAt: ContinuousClock.Instant
}

enum Scopes {
    static let spreadsheets = "https://www.googleapis.com/auth/spreadsheets"
    static let spreadsheetsReadOnly = "https://www.googleapis.com/auth/spreadsheets.readonly"
    static let drive = "https://www.googleapis.com/auth/drive"
    static let driveFile = "https://www.googleapis.com/auth/drive.file"
    static let driveReadOnly = "https://www.googleapis.com/auth/drive.readonly"

    static func allows(_ scopes: Set<String>, write: Bool) -> Bool {
        if !scopes.isDisjoint(with: [spreadsheets, drive, driveFile]) { return true }
        return !write && !scopes.isDisjoint(with: [spreadsheetsReadOnly, driveReadOnly])
    }
}

/// `POST /token`: the OAuth 2.0 JWT-bearer grant (RFC 7523) as Google's token endpoint does it.
extension EmulatorState {
    static let googleAudience = "https://oauth2.googleapis.com/token"
    static let jwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    mutating func handleToken(_ request: IncomingRequest, now: Date, clock: ContinuousClock.Instant) -> HTTPAnswer {
        guard request.method == "POST" else {
            return OAuthError(status: 405, error: "invalid_request", description: "Method not allowed: use POST.").answer
        }
        do throws(OAuthError) {
            let form = try Self.formFields(request)
            guard let grant = form["grant_type"] else {
                throw OAuthError(error: "invalid_request", description: "Missing required parameter: grant_type")
            }
            guard grant == Self.jwtBearer else {
                throw OAuthError(error: "unsupported_grant_type", description: "Invalid grant_type: \(grant)")
            }
            guard let assertion = form["assertion"], !assertion.isEmpty else {
                throw OAuthError(error: "invalid_request", description: "Missing required parameter: assertion")
            }
            let issued = try verify(assertion: assertion, now: now)
            let token = "ya29.emu-" + Self.randomHex(32)
            tokens[token] = IssuedToken(email: issued.email, scopes: issued.scopes, expiresAt: clock + .seconds(tokenLifetimeSeconds))
            return .json(200, .object([
                ("access_token", .string(token)),
                ("expires_in", .number(Double(tokenLifetimeSeconds))),
                ("token_type", .string("Bearer")),
            ]))
        } catch {
            return error.answer
        }
    }

    /// The form fields (Google also takes a JSON body; so does the emulator).
    private static func formFields(_ request: IncomingRequest) throws(OAuthError) -> [String: String] {
        let contentType = request.contentType?.lowercased() ?? ""
        let text = String(decoding: request.body, as: UTF8.self)
        if contentType.hasPrefix("application/json") {
            guard let json = try? JSON.parse(request.body), case .object(let pairs) = json else {
                throw OAuthError(error: "invalid_request", description: "Invalid JSON payload received.")
            }
            var out: [String: String] = [:]
            for (k, v) in pairs { if let s = v.stringValue { out[k] = s } }
            return out
        }
        var out: [String: String] = [:]
        for (k, v) in FormDecoding.pairs(text) where out[k] == nil { out[k] = v }
        return out
    }

    private func verify(assertion: String, now: Date) throws(OAuthError) -> (email: String, scopes: Set<String>) {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let headerBytes = Base64URL.decode(parts[0]), let claimBytes = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]),
            let header = try? JSON.parse(headerBytes), header.isObject,
            let claims = try? JSON.parse(claimBytes), claims.isObject
        else {
            throw OAuthError(error: "invalid_grant", description: "Invalid JWT Signature.")
        }
        guard header["alg"]?.stringValue == "RS256" else { throw .invalidSignature }
        guard let iss = claims["iss"]?.stringValue, let account = accounts[iss.lowercased()] else {
            throw .invalidSignature
        }
        if account.revoked { throw .accountNotFound }
        if let kid = header["kid"] {
            guard kid.stringValue == account.keyID else { throw .invalidSignature }
        }
        let signedPart = Array((parts[0] + "." + parts[1]).utf8)
        let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
        guard account.publicKey.isValidSignature(rsaSignature, for: signedPart, padding: .insecurePKCS1v1_5) else {
            throw .invalidSignature
        }
        guard let aud = claims["aud"]?.stringValue, acceptedAudiences.contains(aud) else { throw .badAudience }
        guard let iat = claims["iat"]?.integerValue, let exp = claims["exp"]?.integerValue else { throw .badTime }
        let nowSeconds = Int(now.timeIntervalSince1970)
        guard exp > iat, exp - iat <= 3600, iat <= nowSeconds + 60, exp >= nowSeconds else { throw .badTime }
        guard let scope = claims["scope"]?.stringValue, !scope.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missingScope
        }
        let scopes = Set(scope.split(separator: " ").map(String.init))
        for s in scopes where !(s.hasPrefix("https://www.googleapis.com/auth/") || ["openid", "email", "profile"].contains(s)) {
            throw .badScope
        }
        return (account.email, scopes)
    }

    var acceptedAudiences: Set<String> {
        [Self.googleAudience, "http://127.0.0.1:\(port)/token", "http://localhost:\(port)/token"]
    }

    static func randomHex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int.random(in: 0..<16)] })
    }
}

enum Base64URL {
    static func decode(_ text: Substring) -> [UInt8]? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !s.contains("=") else { return nil }
        while s.count % 4 != 0 { s.append("=") }
        guard let data = Data(base64Encoded: s) else { return nil }
        return Array(data)
    }
}

enum FormDecoding {
    /// `application/x-www-form-urlencoded` (and query strings): `+` is a space, `%XX` bytes are UTF-8.
    static func pairs(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(kv[0])
            let value = kv.count > 1 ? decode(kv[1]) : ""
            return (key, value)
        }
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
