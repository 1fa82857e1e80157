import Foundation
import Testing
@testable import GoogleSheets

/// The service-account key file and the signed assertion, against the reference fixtures.
@Suite struct AuthTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/reference/fixtures")

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    @Test func theAssertionIsExactlyWhatGoogleAuthBuilds() throws {
        let key = try ServiceAccountKey.parse(try Self.fixture("google_service_account_example.json"), path: "example.json")
        let expected = try JSONSerialization.jsonObject(with: try Self.fixture("google_jwt_assertion_example.json")) as! [String: Any]
        let claims = expected["claims"] as! [String: Any]
        let assertion = try JWTAssertion.make(key: key, issuedAt: Date(timeIntervalSince1970: claims["iat"] as! Double))
        #expect(assertion == expected["assertion"] as? String)
    }

    @Test func keyFileProblemsAreOneClearLineWithoutTheKey() throws {
        let path = NSTemporaryDirectory() + "key-\(UUID().uuidString).json"
        #expect(throws: ServiceAccountKey.Problem.missingFile(path: path)) { try ServiceAccountKey.load(path: path) }

        #expect(throws: ServiceAccountKey.Problem.invalidJSON(path: "k")) { try ServiceAccountKey.parse(Data("{nope".utf8), path: "k") }

        let oauthClient = #"{"type": "authorized_user", "client_id": "x"}"#
        #expect(throws: ServiceAccountKey.Problem.notAServiceAccount(path: "k", type: "authorized_user")) {
            try ServiceAccountKey.parse(Data(oauthClient.utf8), path: "k")
        }

        var example = try JSONSerialization.jsonObject(with: try Self.fixture("google_service_account_example.json")) as! [String: Any]
        example["private_key"] = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----\n"
        let pkcs1 = try JSONSerialization.data(withJSONObject: example)
        #expect(throws: ServiceAccountKey.Problem.notRSAPKCS8(path: "k")) { try ServiceAccountKey.parse(pkcs1, path: "k") }
        #expect(!ServiceAccountKey.Problem.notRSAPKCS8(path: "k").description.contains("MIIB"))

        example["private_key"] = nil
        let noKey = try JSONSerialization.data(withJSONObject: example)
        #expect(throws: ServiceAccountKey.Problem.missingField(path: "k", field: "private_key")) { try ServiceAccountKey.parse(noKey, path: "k") }
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
