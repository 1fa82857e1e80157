import AsyncHTTPClient
import Crypto
import Emulators
import Foundation
import Testing
import _CryptoExtras

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Google emulator itself, over real HTTP: the token endpoint, auth, the Sheets shapes and faults.
@Suite struct GoogleEmulatorTests {
    static let email = "bot-pruebas@red-soluciones-test.iam.gserviceaccount.com"
    static let sheetID = "1EmuTestSpreadsheet_0123456789abcdef"

    // MARK: Token endpoint

    @Test func aCorrectlySignedAssertionGetsABearerToken() async throws {
        let emu = try await Harness.start(tokenLifetimeSeconds: 120)
        let response = try await emu.post("/token", form: emu.account.form(assertion: try emu.account.assertion()))
        #expect(response.status == 200)
        let json = try response.object()
        #expect((json["access_token"] as? String)?.hasPrefix("ya29.emu-") == true)
        #expect(json["expires_in"] as? Int == 120)
        #expect(json["token_type"] as? String == "Bearer")
        #expect(emu.emulator.requests.map(\.kind) == ["token"])
        #expect(emu.emulator.requests[0].body.hasPrefix("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="))
    }

    @Test func theEmulatorsOwnURLIsAcceptedAsAudience() async throws {
        let emu = try await Harness.start()
        let response = try await emu.post("/token", form: emu.account.form(assertion: try emu.account.assertion(aud: emu.emulator.tokenURL)))
        #expect(response.status == 200)
    }

    @Test func anAssertionSignedWithAnotherKeyIsRefused() async throws {
        let emu = try await Harness.start()
        let impostor = try TestAccount(email: Self.email, keyID: emu.account.keyID, otherKey: true)
        let response = try await emu.post("/token", form: impostor.form(assertion: try impostor.assertion()))
        #expect(response.status == 400)
        #expect(try response.object() as NSDictionary == ["error": "invalid_grant", "error_description": "Invalid JWT Signature."])
    }

    @Test func anUnknownIssuerOrKeyIDIsAnInvalidSignature() async throws {
        let emu = try await Harness.start()
        let stranger = try TestAccount(email: "otro@x.iam.gserviceaccount.com", keyID: "abc", otherKey: true)
        let unknown = try await emu.post("/token", form: stranger.form(assertion: try stranger.assertion()))
        #expect(unknown.status == 400 && unknown.body.contains("Invalid JWT Signature."))
        let wrongKid = try await emu.post("/token", form: emu.account.form(assertion: try emu.account.assertion(kid: "0000")))
        #expect(wrongKid.status == 400 && wrongKid.body.contains("Invalid JWT Signature."))
    }

    @Test func aWrongAudienceIsRefused() async throws {
        let emu = try await Harness.start()
        let response = try await emu.post("/token", form: emu.account.form(assertion: try emu.account.assertion(aud: "https://example.com/token")))
        #expect(response.status == 400)
        #expect(try response.object()["error"] as? String == "invalid_grant")
    }

    @Test(arguments: [
        (iatOffset: 0, lifetime: 3601),  // longer than an hour
        (iatOffset: 600, lifetime: 3600),  // issued in the future
        (iatOffset: -7200, lifetime: 3600),  // already expired
    ])
    func aTokenThatIsNotShortLivedIsRefused(iatOffset: Int, lifetime: Int) async throws {
        let emu = try await Harness.start()
        let iat = Int(Date().timeIntervalSince1970) + iatOffset
        let response = try await emu.post("/token", form: emu.account.form(assertion: try emu.account.assertion(iat: iat, exp: iat + lifetime)))
        #expect(response.status == 400)
        let json = try response.object()
        #expect(json["error"] as? String == "invalid_grant")
        #expect(json["error_description"] as? String
            == "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.")
    }

    @Test func theReferenceAssertionVerifiesButIsOutOfTime() async throws {
        // protocols fixtures: a JWT signed with the example key, iat 2026-01-01 (expired now).
        let emulator = GoogleEmulator()
        try await emulator.start()
        defer { Task { await emulator.stop() } }
        let publicKey = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApcvVrr5AYVuf0cA8Ojm9
            4XhpYytZ2Q74IeWAgFWI/eoPA/VuMtcjGYCgH+1E5ahmFGIzqZoMeTsiDuQrgOLT
            5i0VWfuq3MICBxT0IBl6ZNjug0keTX1SrAV6mowzojA92Rs2JDrL+f9Hy9AobdJP
            a2/pI6F6z0d6mv4rbd/JL5Lz6tFs2aUyOnJzefDR82uhIfLM82tDqIEwf5yRYGLU
            eevmXDflweZA/suRoSdKPf/bk134ENrIQaa3FqaLF6a/aFGg+q3LGx0pPSKObx2r
            q8eCZjq5LgfIHL2F1Y9WotGiaX4FjRMwNRXfWcdK8GArbK0n0BgNzQhOhWbuwjL2
            WwIDAQAB
            -----END PUBLIC KEY-----
            """
        emulator.registerServiceAccount(email: "bot-pruebas@red-soluciones-test-only.iam.gserviceaccount.com",
                                        keyID: "5932f2ac69629b2dd4457207ccaa097f7506b2a0", publicKeyPEM: publicKey)
        let assertion = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjU5MzJmMmFjNjk2MjliMmRkNDQ1NzIwN2NjYWEwOTdmNzUwNmIyYTAifQ.eyJpc3MiOiJib3QtcHJ1ZWJhc0ByZWQtc29sdWNpb25lcy10ZXN0LW9ubHkuaWFtLmdzZXJ2aWNlYWNjb3VudC5jb20iLCJzY29wZSI6Imh0dHBzOi8vd3d3Lmdvb2dsZWFwaXMuY29tL2F1dGgvc3ByZWFkc2hlZXRzIiwiYXVkIjoiaHR0cHM6Ly9vYXV0aDIuZ29vZ2xlYXBpcy5jb20vdG9rZW4iLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6MTc2NzIyOTIwMH0.ljcD_ift47H0epPnlw2T4qALuQf1bCGDpAaXdDvrWxstWj3_9jl6Vwf9Ir6B92EyOcdJR17HPHG0zlj2UWcsEUhHMKj-iqMLsFSk4G1z-BbFT_Qk0Nm0wNX11HQf0Dm0nRkXyUzAs0I-6wkFV5TbdJqdFiH07_ms0YdS65qDLhoNTm9OLn2ADaayVxeu8gqAHnzK0DwX-RgT5fBDE60j8A859v45GRP5PZWyh7LTF7NuCc6MrsAUwe6JhhcbVY5vMBW3yLlzIL4LOS9VU_VCXSJQK2N7JENUeABzqJSPefuxcBZlxPv_x69eWKqaSV50MKFVJzUeIoehQE1ArPbmzw"
        let good = try await HTTP.send("POST", emulator.baseURL + "/token", contentType: "application/x-www-form-urlencoded",
                                       body: "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + assertion)
        #expect(good.status == 400 && good.body.contains("short-lived token"), "signature accepted, time refused")
        let tampered = assertion.replacingOccurrences(of: ".ljcD_", with: ".ljcE_")
        let bad = try await HTTP.send("POST", emulator.baseURL + "/token", contentType: "application/x-www-form-urlencoded",
                                      body: "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + tampered)
        #expect(bad.status == 400 && bad.body.contains("Invalid JWT Signature."))
    }

    @Test func otherGrantTypesAndMethodsAreRefused() async throws {
        let emu = try await Harness.start()
        let refresh = try await emu.post("/token", form: "grant_type=refresh_token&refresh_token=x")
        #expect(refresh.status == 400)
        #expect(try refresh.object()["error"] as? String == "unsupported_grant_type")
        let get = try await HTTP.send("GET", emu.emulator.tokenURL)
        #expect(get.status == 405)
    }

    @Test func aRevokedAccountGetsAccountNotFoundAndItsTokensStopWorking() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        emu.emulator.revokeServiceAccount(email: Self.email)
        let response = try await emu.post("/token", form: emu.account.form(assertion: try emu.account.assertion()))
        #expect(response.status == 400)
        #expect(try response.object() as NSDictionary == ["error": "invalid_grant", "error_description": "Invalid grant: account not found"])
        let read = try await emu.get("/v4/spreadsheets/\(Self.sheetID)", token: token)
        #expect(read.status == 401)
    }

    @Test func anInjectedTokenOutageAnswers503Once() async throws {
        let emu = try await Harness.start()
        emu.emulator.inject(.tokenUnavailable)
        let first = try await emu.post("/token", form: emu.account.form(assertion: try emu.account.assertion()))
        #expect(first.status == 503)
        let second = try await emu.post("/token", form: emu.account.form(assertion: try emu.account.assertion()))
        #expect(second.status == 200)
    }

    // MARK: Sheets auth

    @Test func sheetsRefusesAMissingUnknownOrExpiredToken() async throws {
        let emu = try await Harness.start(tokenLifetimeSeconds: 1)
        let missing = try await HTTP.send("GET", emu.emulator.baseURL + "/v4/spreadsheets/\(Self.sheetID)")
        #expect(missing.status == 401)
        let error = try #require(try missing.object()["error"] as? [String: Any])
        #expect(error["code"] as? Int == 401)
        #expect(error["status"] as? String == "UNAUTHENTICATED")
        #expect((error["message"] as? String)?.hasPrefix("Request had invalid authentication credentials.") == true)
        let unknown = try await emu.get("/v4/spreadsheets/\(Self.sheetID)", token: "ya29.not-issued")
        #expect(unknown.status == 401)
        let token = try await emu.token()
        #expect(try await emu.get("/v4/spreadsheets/\(Self.sheetID)", token: token).status == 200)
        try await Task.sleep(for: .milliseconds(1100))
        #expect(try await emu.get("/v4/spreadsheets/\(Self.sheetID)", token: token).status == 401, "expired")
    }

    @Test func anUnsharedSpreadsheetIs403AndAnUnknownOneIs404() async throws {
        let emu = try await Harness.start()
        emu.emulator.createSpreadsheet(id: "1Unshared", title: "Otro", sharedWith: ["alguien@x.com"], tabs: [(title: "Hoja 1", rows: [])])
        let token = try await emu.token()
        let unshared = try await emu.get("/v4/spreadsheets/1Unshared", token: token)
        #expect(unshared.status == 403)
        #expect(try unshared.object()["error"] as? NSDictionary
            == ["code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED"])
        let missing = try await emu.get("/v4/spreadsheets/1DoesNotExist/values/Clientes", token: token)
        #expect(missing.status == 404)
        #expect(try missing.object()["error"] as? NSDictionary
            == ["code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"])
    }

    // MARK: Reads

    @Test func spreadsheetGetListsTheTabs() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let response = try await emu.get("/v4/spreadsheets/\(Self.sheetID)?fields=spreadsheetId,properties.title,sheets.properties", token: token)
        #expect(response.status == 200)
        let json = try response.object()
        #expect(json["spreadsheetId"] as? String == Self.sheetID)
        #expect((json["properties"] as? [String: Any])?["title"] as? String == "Red Soluciones - Back office")
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        let props = sheets.compactMap { $0["properties"] as? [String: Any] }
        #expect(props.compactMap { $0["title"] as? String } == ["Clientes", "Incidencias", "Jon's Señal"])
        #expect(props[0]["sheetId"] as? Int == 0)
        #expect(props[1]["index"] as? Int == 1)
        #expect(props[0]["sheetType"] as? String == "GRID")
        #expect(props[0]["gridProperties"] as? NSDictionary == ["rowCount": 1000, "columnCount": 26])
    }

    @Test func batchGetOmitsValuesForAnEmptyTabAndTrimsRaggedRows() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let response = try await emu.get(
            "/v4/spreadsheets/\(Self.sheetID)/values:batchGet?ranges=Clientes&ranges=Incidencias%21A2%3AF&ranges=Clientes%21B1%3AC3", token: token)
        #expect(response.status == 200)
        let json = try response.object()
        let ranges = try #require(json["valueRanges"] as? [[String: Any]])
        #expect(ranges.count == 3)
        #expect(ranges[0]["range"] as? String == "Clientes!A1:Z1000")
        #expect(ranges[0]["majorDimension"] as? String == "ROWS")
        #expect(ranges[0]["values"] as? [[String]] == [["ID", "Nombre", "Teléfono", "Plan"], ["C-001", "Ana"], [], ["C-003", "", "0055"]])
        #expect(ranges[1]["range"] as? String == "Incidencias!A2:F1000")
        #expect(ranges[1].keys.sorted() == ["majorDimension", "range"], "no values key at all")
        #expect(ranges[2]["range"] as? String == "Clientes!B1:C3")
        #expect(ranges[2]["values"] as? [[String]] == [["Nombre", "Teléfono"], ["Ana"]])
    }

    @Test func rangeFormsAreNormalisedLikeSheets() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let forms = ["Clientes!A:B", "Clientes!2:3", "A1:B2", "'Clientes'", "Clientes!B2:A1", "Clientes!A2:B", "'Jon''s Señal'", "Clientes!C4"]
        let query = forms.map { "ranges=" + $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }.joined(separator: "&")
        let response = try await emu.get("/v4/spreadsheets/\(Self.sheetID)/values:batchGet?" + query + "&majorDimension=COLUMNS", token: token)
        #expect(response.status == 200, "\(response.body)")
        let ranges = try #require(try response.object()["valueRanges"] as? [[String: Any]])
        #expect(ranges.compactMap { $0["range"] as? String } == [
            "Clientes!A1:B1000", "Clientes!A2:Z3", "Clientes!A1:B2", "Clientes!A1:Z1000", "Clientes!A1:B2", "Clientes!A2:B1000",
            "'Jon''s Señal'!A1:Z1000", "Clientes!C4",
        ])
        #expect(ranges[0]["majorDimension"] as? String == "COLUMNS")
        #expect(ranges[0]["values"] as? [[String]] == [["ID", "C-001", "", "C-003"], ["Nombre", "Ana"]])
        #expect(ranges[7]["values"] as? [[String]] == [["0055"]])
    }

    @Test func anUnknownSheetIsUnableToParseRange() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let response = try await emu.get("/v4/spreadsheets/\(Self.sheetID)/values/Clientess%21A%3AG", token: token)
        #expect(response.status == 400)
        #expect(try response.object()["error"] as? NSDictionary
            == ["code": 400, "message": "Unable to parse range: Clientess!A:G", "status": "INVALID_ARGUMENT"])
        let beyond = try await emu.get("/v4/spreadsheets/\(Self.sheetID)/values/Clientes%21A1%3AAB2", token: token)
        #expect(beyond.status == 400)
        #expect(beyond.body.contains("Range ('Clientes'!A1:AB2) exceeds grid limits. Max rows: 1000, max columns: 26"))
    }

    @Test func quotedTitlesWithApostrophesAndAccentsRoundTrip() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        // gspread-style: every byte percent-encoded, the verb appended literally.
        let path = "/v4/spreadsheets/\(Self.sheetID)/values/%27Jon%27%27s%20Se%C3%B1al%27%21A2%3AB3"
        let put = try await emu.send("POST", "/v4/spreadsheets/\(Self.sheetID)/values:batchUpdate", token: token, json: #"""
            {"valueInputOption":"RAW","data":[{"range":"'Jon''s Señal'!A2:B3","values":[["Colonia","Señal"],["Centro","Sí"]]}]}
            """#)
        #expect(put.status == 200)
        #expect((try put.object()["responses"] as? [NSDictionary])?.first == [
            "spreadsheetId": Self.sheetID, "updatedRange": "'Jon''s Señal'!A2:B3", "updatedRows": 2, "updatedColumns": 2, "updatedCells": 4,
        ])
        let get = try await emu.get(path, token: token)
        #expect(try get.object()["range"] as? String == "'Jon''s Señal'!A2:B3")
        #expect(try get.object()["values"] as? [[String]] == [["Colonia", "Señal"], ["Centro", "Sí"]])
        // Undoubled apostrophes are accepted too, as Google's own docs write them.
        let loose = try await emu.get("/v4/spreadsheets/\(Self.sheetID)/values/%27Jon%27s%20Se%C3%B1al%27%21A3", token: token)
        #expect(try loose.object()["values"] as? [[String]] == [["Centro"]])
        #expect(emu.emulator.values(spreadsheetID: Self.sheetID, tab: "Jon's Señal") == [["Encabezado"], ["Colonia", "Señal"], ["Centro", "Sí"]])
    }

    // MARK: Writes

    @Test func appendWithRawKeepsFormulasAsTextAndReturnsTheUpdatesRange() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let response = try await emu.send(
            "POST", "/v4/spreadsheets/\(Self.sheetID)/values/Clientes%21A1:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS",
            token: token, json: #"{"range":"Clientes!A1","majorDimension":"ROWS","values":[["C-004","=1+1","0055"]]}"#)
        #expect(response.status == 200, "\(response.body)")
        let json = try response.object()
        #expect(json.keys.sorted() == ["spreadsheetId", "tableRange", "updates"])
        #expect(json["tableRange"] as? String == "Clientes!A1:D4")
        #expect(json["updates"] as? NSDictionary == [
            "spreadsheetId": Self.sheetID, "updatedRange": "Clientes!A5:C5", "updatedRows": 1, "updatedColumns": 3, "updatedCells": 3,
        ])
        #expect(emu.emulator.values(spreadsheetID: Self.sheetID, tab: "Clientes").last == ["C-004", "=1+1", "0055"])
        #expect(emu.emulator.cells(spreadsheetID: Self.sheetID, tab: "Clientes").last?[1] == .text("=1+1"))
        #expect(emu.emulator.requests.last?.body.contains("=1+1") == true)

        // USER_ENTERED: the formula is a formula and "0055" becomes the number 55.
        let entered = try await emu.send(
            "POST", "/v4/spreadsheets/\(Self.sheetID)/values/Clientes:append?valueInputOption=USER_ENTERED",
            token: token, json: #"{"values":[["C-005","=1+1","0055"]]}"#)
        #expect(try entered.object()["updates"] as? NSDictionary != nil)
        let cells = emu.emulator.cells(spreadsheetID: Self.sheetID, tab: "Clientes")
        #expect(cells.last == [.text("C-005"), .formula("=1+1"), .number(55)])
        let unformatted = try await emu.get("/v4/spreadsheets/\(Self.sheetID)/values/Clientes%21C5%3AC6?valueRenderOption=UNFORMATTED_VALUE", token: token)
        let values = try #require(try unformatted.object()["values"] as? [[Any]])
        #expect(values[0][0] as? String == "0055")
        #expect(values[1][0] as? Int == 55)
    }

    @Test func appendToAnEmptySheetHasNoTableRange() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let response = try await emu.send(
            "POST", "/v4/spreadsheets/\(Self.sheetID)/values/Incidencias%21A1%3AF1:append?valueInputOption=RAW",
            token: token, json: #"{"values":[["Folio","Fecha"],["F-1","hoy"]]}"#)
        let json = try response.object()
        #expect(json["tableRange"] == nil)
        #expect((json["updates"] as? [String: Any])?["updatedRange"] as? String == "Incidencias!A1:B2")
    }

    @Test func writesNeedAValueInputOptionAndStayInsideTheGrid() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let missing = try await emu.send("POST", "/v4/spreadsheets/\(Self.sheetID)/values/Clientes:append", token: token, json: #"{"values":[["x"]]}"#)
        #expect(missing.status == 400)
        func write(_ range: String, _ values: String) async throws -> HTTP.Result {
            try await emu.send("POST", "/v4/spreadsheets/\(Self.sheetID)/values:batchUpdate", token: token,
                               json: #"{"valueInputOption":"RAW","data":[{"range":"\#(range)","values":\#(values)}]}"#)
        }
        let wide = try await write("Clientes!Z1", #"[["a","b"]]"#)
        #expect(wide.status == 400 && wide.body.contains("exceeds grid limits"))
        let outside = try await write("Clientes!A1:B1", #"[["a","b","c"]]"#)
        #expect(outside.status == 400 && outside.body.contains("but tried writing to column [C]"))
        #expect(emu.emulator.values(spreadsheetID: Self.sheetID, tab: "Clientes")[0] == ["ID", "Nombre", "Teléfono", "Plan"], "nothing written")
    }

    @Test func batchUpdateWritesEachRange() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let update = try await emu.send("POST", "/v4/spreadsheets/\(Self.sheetID)/values:batchUpdate", token: token, json: """
            {"valueInputOption":"RAW","data":[{"range":"Clientes!D2","values":[["50 Mbps"]]},{"range":"Clientes!E3:F3","values":[["Activo","x"]]}]}
            """)
        #expect(try update.object()["totalUpdatedCells"] as? Int == 3)
        #expect(try update.object()["totalUpdatedSheets"] as? Int == 1)
        #expect(emu.emulator.values(spreadsheetID: Self.sheetID, tab: "Clientes")[2] == ["", "", "", "", "Activo", "x"])
    }

    @Test func addSheetAddsATabAndADuplicateFailsTheWholeBatch() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let path = "/v4/spreadsheets/\(Self.sheetID):batchUpdate"
        let added = try await emu.send("POST", path, token: token, json: #"{"requests":[{"addSheet":{"properties":{"title":"Altas"}}}]}"#)
        #expect(added.status == 200)
        let reply = try #require((try added.object()["replies"] as? [[String: Any]])?.first?["addSheet"] as? [String: Any])
        let props = try #require(reply["properties"] as? [String: Any])
        #expect(props["title"] as? String == "Altas" && props["index"] as? Int == 3 && props["sheetType"] as? String == "GRID")
        let twice = try await emu.send("POST", path, token: token,
                                       json: #"{"requests":[{"addSheet":{"properties":{"title":"Bajas"}}},{"addSheet":{"properties":{"title":"Altas"}}}]}"#)
        #expect(twice.status == 400)
        #expect(try twice.object()["error"] as? NSDictionary == [
            "code": 400, "status": "INVALID_ARGUMENT",
            "message": "Invalid requests[1].addSheet: A sheet with the name \"Altas\" already exists. Please enter another name.",
        ])
        #expect(emu.emulator.tabTitles(spreadsheetID: Self.sheetID) == ["Clientes", "Incidencias", "Jon's Señal", "Altas"], "Bajas not added")
    }

    // MARK: Faults, quota, restart

    @Test func anInjected429ReturnsGooglesBodyOnceThenSucceeds() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        emu.emulator.inject(.tooManyRequests)
        let path = "/v4/spreadsheets/\(Self.sheetID)/values:batchGet?ranges=Clientes"
        let first = try await emu.get(path, token: token)
        #expect(first.status == 429)
        let error = try #require(try first.object()["error"] as? [String: Any])
        #expect(error["code"] as? Int == 429 && error["status"] as? String == "RESOURCE_EXHAUSTED")
        #expect((error["message"] as? String)?.hasPrefix("Quota exceeded for quota metric 'Read requests'") == true)
        let details = try #require(error["details"] as? [[String: Any]])
        #expect(details.first?["reason"] as? String == "RATE_LIMIT_EXCEEDED")
        #expect(try await emu.get(path, token: token).status == 200)
        #expect(emu.emulator.requests.map(\.status) == [200, 429, 200])
    }

    @Test func injectedServerErrorsAndDelays() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        let path = "/v4/spreadsheets/\(Self.sheetID)"
        emu.emulator.inject(.unavailable)
        emu.emulator.inject(.internalError)
        emu.emulator.inject(.slow(seconds: 0.3))
        let unavailable = try await emu.get(path, token: token)
        #expect(unavailable.status == 503 && unavailable.body.contains("UNAVAILABLE"))
        let internalError = try await emu.get(path, token: token)
        #expect(internalError.status == 500 && internalError.body.contains("INTERNAL"))
        let started = ContinuousClock.now
        #expect(try await emu.get(path, token: token).status == 200)
        #expect(ContinuousClock.now - started >= .milliseconds(300))
    }

    @Test func applyThenStallWritesBeforeTheClientGivesUp() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        emu.emulator.inject(.applyThenStall(seconds: 2))
        await #expect(throws: (any Error).self) {
            _ = try await emu.send("POST", "/v4/spreadsheets/\(Self.sheetID)/values/Clientes:append?valueInputOption=RAW",
                                   token: token, json: #"{"values":[["C-009"]]}"#, timeout: .milliseconds(300))
        }
        #expect(emu.emulator.values(spreadsheetID: Self.sheetID, tab: "Clientes").last == ["C-009"], "applied although the client timed out")
    }

    @Test func quotaCountsReadsAndWritesSeparately() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        emu.emulator.setQuota(readsPerMinute: 2, writesPerMinute: 1)
        let read = "/v4/spreadsheets/\(Self.sheetID)/values/Clientes"
        #expect(try await emu.get(read, token: token).status == 200)
        #expect(try await emu.get(read, token: token).status == 200)
        let third = try await emu.get(read, token: token)
        #expect(third.status == 429 && third.body.contains("'Read requests per minute per user'"))
        let write = "/v4/spreadsheets/\(Self.sheetID)/values/Clientes:append?valueInputOption=RAW"
        #expect(try await emu.send("POST", write, token: token, json: #"{"values":[["x"]]}"#).status == 200)
        let second = try await emu.send("POST", write, token: token, json: #"{"values":[["y"]]}"#)
        #expect(second.status == 429 && second.body.contains("\"quota_limit_value\": \"1\""))
        emu.emulator.setQuota(readsPerMinute: nil, writesPerMinute: nil)
        #expect(try await emu.get(read, token: token).status == 200)
    }

    @Test func stopRefusesConnectionsAndStartReusesThePort() async throws {
        let emu = try await Harness.start()
        let port = emu.emulator.port
        #expect(port > 0)
        #expect(emu.emulator.baseURL == "http://127.0.0.1:\(port)")
        #expect(emu.emulator.tokenURL == "http://127.0.0.1:\(port)/token")
        let token = try await emu.token()
        await emu.emulator.stop()
        #expect(!HTTP.canConnect(port: port), "connection refused")
        await #expect(throws: (any Error).self) {
            _ = try await emu.get("/v4/spreadsheets/\(Self.sheetID)", token: token, timeout: .seconds(1))
        }
        try await emu.emulator.start()
        #expect(emu.emulator.port == port)
        #expect(HTTP.canConnect(port: port))
        #expect(try await emu.get("/v4/spreadsheets/\(Self.sheetID)", token: token).status == 200, "state kept across restarts")
    }

    @Test func staffEditsAreSeenByTheAPI() async throws {
        let emu = try await Harness.start()
        let token = try await emu.token()
        emu.emulator.setValues(spreadsheetID: Self.sheetID, tab: "Clientes", rows: [["ID"], ["C-100"], [""], []])
        let response = try await emu.get("/v4/spreadsheets/\(Self.sheetID)/values/Clientes", token: token)
        #expect(try response.object()["values"] as? [[String]] == [["ID"], ["C-100"]])
        emu.emulator.resetRecording()
        #expect(emu.emulator.requests.isEmpty)
    }
}

// MARK: - Helpers

/// A service account with a key made at run time, able to sign its own assertions.
struct TestAccount: Sendable {
    let email: String
    let keyID: String
    let key: _RSA.Signing.PrivateKey

    /// Two keys for the whole run (making one costs up to a second of CPU): the usual one, and
    /// another for "signed with the wrong key" tests.
    static let usualKey = ServiceAccountFile.sharedKey
    static let otherKey: _RSA.Signing.PrivateKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    init(email: String, keyID: String, otherKey: Bool = false) throws {
        self.email = email
        self.keyID = keyID
        key = otherKey ? Self.otherKey : Self.usualKey
    }

    func assertion(aud: String = "https://oauth2.googleapis.com/token", iat: Int? = nil, exp: Int? = nil,
                   scope: String = "https://www.googleapis.com/auth/spreadsheets", kid: String? = nil) throws -> String {
        let issued = iat ?? Int(Date().timeIntervalSince1970)
        let header = #"{"alg":"RS256","typ":"JWT","kid":"\#(kid ?? keyID)"}"#
        let claims = #"{"iss":"\#(email)","scope":"\#(scope)","aud":"\#(aud)","iat":\#(issued),"exp":\#(exp ?? issued + 3600)}"#
        let signingInput = Self.base64URL(Data(header.utf8)) + "." + Self.base64URL(Data(claims.utf8))
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Self.base64URL(signature.rawRepresentation)
    }

    func form(assertion: String) -> String {
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + assertion
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// A started emulator with one account and one spreadsheet shared with it.
struct Harness {
    let emulator: GoogleEmulator
    let account: TestAccount

    static func start(tokenLifetimeSeconds: Int = 3599) async throws -> Harness {
        let emulator = GoogleEmulator(tokenLifetimeSeconds: tokenLifetimeSeconds)
        try await emulator.start()
        let account = try TestAccount(email: GoogleEmulatorTests.email, keyID: "5932f2ac69629b2dd4457207ccaa097f7506b2a0")
        emulator.registerServiceAccount(email: account.email, keyID: account.keyID, publicKeyPEM: account.key.publicKey.pemRepresentation)
        emulator.createSpreadsheet(id: GoogleEmulatorTests.sheetID, title: "Red Soluciones - Back office", sharedWith: [account.email], tabs: [
            (title: "Clientes", rows: [["ID", "Nombre", "Teléfono", "Plan", ""], ["C-001", "Ana", ""], [], ["C-003", "", "0055"], ["", ""]]),
            (title: "Incidencias", rows: []),
            (title: "Jon's Señal", rows: [["Encabezado"]]),
        ])
        return Harness(emulator: emulator, account: account)
    }

    func token() async throws -> String {
        let response = try await post("/token", form: account.form(assertion: try account.assertion()))
        return try #require(try response.object()["access_token"] as? String)
    }

    func post(_ path: String, form: String) async throws -> HTTP.Result {
        try await HTTP.send("POST", emulator.baseURL + path, contentType: "application/x-www-form-urlencoded", body: form)
    }

    func get(_ path: String, token: String, timeout: Duration = .seconds(10)) async throws -> HTTP.Result {
        try await HTTP.send("GET", emulator.baseURL + path, headers: [("Authorization", "Bearer " + token)], timeout: timeout)
    }

    func send(_ method: String, _ path: String, token: String, json: String, timeout: Duration = .seconds(10)) async throws -> HTTP.Result {
        try await HTTP.send(method, emulator.baseURL + path, headers: [("Authorization", "Bearer " + token)],
                            contentType: "application/json", body: json, timeout: timeout)
    }
}

extension HTTP {
    /// A plain TCP connect to 127.0.0.1:port (true when something accepts it).
    static func canConnect(port: Int) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}
