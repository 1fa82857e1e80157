import Crypto
import Foundation
import _CryptoExtras

/// The signed JWT a service account trades for an access token (RS256; header with `kid`,
/// claims iss, scope, aud, iat, exp — as google-auth builds it).
enum JWTAssertion {
    static let sheetsScope = "https://www.googleapis.com/auth/spreadsheets"
    /// google-auth uses this audience whatever token_uri the key file names.
    static let audience = "https://oauth2.googleapis.com/token"

    static func make(key: ServiceAccountKey, issuedAt: Date, lifetime: Int = 3600) throws -> String {
        let iat = Int(issuedAt.timeIntervalSince1970)
        // Fixed field order and no spaces: the same input always gives the same assertion.
        let header = #"{"alg":"RS256","typ":"JWT","kid":\#(json(key.keyID))}"#
        let claims = #"{"iss":\#(json(key.clientEmail)),"scope":\#(json(sheetsScope)),"aud":\#(json(audience)),"iat":\#(iat),"exp":\#(iat + lifetime)}"#
        let signingInput = base64URL(Data(header.utf8)) + "." + base64URL(Data(claims.utf8))
        let signature = try key.privateKey.signature(for: SHA256.hash(data: Data(signingInput.utf8)), padding: .insecurePKCS1v1_5)
        return signingInput + "." + base64URL(signature.rawRepresentation)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func json(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
