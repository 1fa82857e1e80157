import Crypto
import Emulators
import Fixtures
import Foundation
import Testing
import _CryptoExtras
@testable import GoogleSheets

/// The service-account key file and the signed assertion. The key is made at run time; the
/// recorded assertion (google_jwt_assertion_example.json) is what Google's own auth library
/// built for the same account and time.
@Suite struct AuthTests {
    /// A key file like the one Google gives, for a key made now.
    static func keyFile(email: String = "bot-pruebas@red-soluciones-test-only.iam.gserviceaccount.com",
                        keyID: String = "5932f2ac69629b2dd4457207ccaa097f7506b2a0",
                        key: _RSA.Signing.PrivateKey) throws -> [String: Any] {
        ["type": "service_account", "project_id": "red-soluciones-test-only", "private_key_id": keyID,
         "private_key": key.pkcs8PEMRepresentation, "client_email": email, "client_id": "1234567890",
         "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token"]
    }

    @Test func theAssertionIsExactlyWhatGoogleAuthBuilds() throws {
        let privateKey = ServiceAccountFile.sharedKey
        let file = try JSONSerialization.data(withJSONObject: try Self.keyFile(key: privateKey))
        let key = try ServiceAccountKey.parse(file, path: "example.json")
        let recorded = try Fixtures.object("google_jwt_assertion_example.json")
        let claims = try #require(recorded["claims"] as? [String: Any])
        let assertion = try JWTAssertion.make(key: key, issuedAt: Date(timeIntervalSince1970: try #require(claims["iat"] as? Double)))

        // Header and claims byte for byte as google-auth writes them; the signature is ours.
        let expected = try #require(recorded["assertion"] as? String).split(separator: ".")
        let parts = assertion.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.prefix(2) == expected.prefix(2))
        let signature = try #require(Data(base64URL: String(parts[2])))
        #expect(privateKey.publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature),
                                                      for: Data((parts[0] + "." + parts[1]).utf8),
                                                      padding: .insecurePKCS1v1_5))
    }

    @Test func keyFileProblemsAreOneClearLineWithoutTheKey() throws {
        let path = NSTemporaryDirectory() + "key-\(UUID().uuidString).json"
        #expect(throws: ServiceAccountKey.Problem.missingFile(path: path)) { try ServiceAccountKey.load(path: path) }

        #expect(throws: ServiceAccountKey.Problem.invalidJSON(path: "k")) { try ServiceAccountKey.parse(Data("{nope".utf8), path: "k") }

        let oauthClient = #"{"type": "authorized_user", "client_id": "x"}"#
        #expect(throws: ServiceAccountKey.Problem.notAServiceAccount(path: "k", type: "authorized_user")) {
            try ServiceAccountKey.parse(Data(oauthClient.utf8), path: "k")
        }

        var example = try Self.keyFile(key: ServiceAccountFile.sharedKey)
        example["private_key"] = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----\n"
        let pkcs1 = try JSONSerialization.data(withJSONObject: example)
        #expect(throws: ServiceAccountKey.Problem.notRSAPKCS8(path: "k")) { try ServiceAccountKey.parse(pkcs1, path: "k") }
        #expect(!ServiceAccountKey.Problem.notRSAPKCS8(path: "k").description.contains("MIIB"))

        example["private_key"] = nil
        let noKey = try JSONSerialization.data(withJSONObject: example)
        #expect(throws: ServiceAccountKey.Problem.missingField(path: "k", field: "private_key")) { try ServiceAccountKey.parse(noKey, path: "k") }
    }

    @Test func aKeyFileOthersCanReadIsNamedWithTheFix() throws {
        let scratch = ScratchDirectory("redsol-key")
        let path = scratch.path + "/service_account.json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let warning = try #require(ServiceAccountKey.permissionWarning(path: path))
        #expect(warning.contains("chmod 600") && warning.contains("GOOGLE_APPLICATION_CREDENTIALS"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(ServiceAccountKey.permissionWarning(path: path) == nil)
    }

    @Test func tokenErrorsSayWhatToDo() {
        let signature = AuthError.rejected(error: "invalid_grant", description: "Invalid JWT Signature.", status: 400)
        #expect(signature.description.contains("create a new JSON key"))
        let clock = AuthError.rejected(error: "invalid_grant", description: "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.", status: 400)
        #expect(clock.description.contains("clock"))
    }
}

@Suite struct A1Tests {
    @Test func titlesAreQuotedAndRangesEncodedAsOnePathSegment() {
        #expect(A1.range("Clientes") == "'Clientes'")
        #expect(A1.range("Jon's Data", "A1:B2") == "'Jon''s Data'!A1:B2")
        #expect(A1.encode("'Zonas de cobertura'!A1:B10") == "%27Zonas%20de%20cobertura%27%21A1%3AB10")
        #expect(A1.encode("Señal") == "Se%C3%B1al")
        #expect(A1.column(0) == "A" && A1.column(25) == "Z" && A1.column(26) == "AA" && A1.column(10) == "K")
        #expect(A1.firstRow(of: "Clientes!A32:K32") == 32)
        #expect(A1.firstRow(of: "'Jon''s'!B7") == 7)
    }
}

extension Data {
    init?(base64URL: String) {
        var text = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        self.init(base64Encoded: text)
    }
}
