import BackOffice
import Foundation
import Testing

extension EndToEnd {
/// `launcher --mode console`, fed through stdin as a program would.
@Suite struct ConsoleTests {
    @Test func aConversationEndsInOneCorrectRow() async throws {
        let launcher = LauncherProcess()
        let output = try await launcher.run(
            ["--mode", "console", "--channel", "whatsapp", "--user", "5214447770001"],
            input: "quiero contratar, soy Luis Ramírez\nen el Oriente\nel de 20\nsí\n")
        #expect(output.status == 0)
        #expect(output.replies.count == 4)
        #expect(output.replies.last?.contains("C-0031") == true)
        #expect(!output.stdout.contains("consola"), "banners go to stderr")
        #expect(output.stderr.contains("consola"))
        #expect(output.stderr.contains("Nuevo cliente C-0031"), "staff alerts go to stderr")

        let clients = try await launcher.export("clients")
        #expect(clients.count == SampleWorkbook.clients.rows.count + 1)
        let row = try #require(clients.last)
        #expect(row["ID"] == "C-0031" && row["Nombre"] == "Luis Ramírez" && row["Zona"] == "Oriente")
        #expect(row["Plan (Mbps)"] == "20" && row["Precio"] == "350" && row["Estado"] == "pendiente de instalación")
    }

    @Test func aSignupContinuesInTheNextProcess() async throws {
        let launcher = LauncherProcess()
        let args = ["--mode", "console", "--channel", "whatsapp", "--user", "5214447770002", "--name", "Ana Soto"]
        _ = try await launcher.run(args, input: "quiero contratar\nen el norte\n")
        let second = try await launcher.run(args, input: "el de 50\nsí\nsí\n")
        #expect(second.status == 0)
        #expect(second.replies.last?.contains("C-0031") == true)
        let row = try #require(try await launcher.export("clients").last)
        #expect(row["Nombre"] == "Ana Soto" && row["Zona"] == "Norte" && row["Plan (Mbps)"] == "50")
    }

    @Test func staffGetStatisticsCustomersDoNot() async throws {
        let launcher = LauncherProcess()
        let staff = try await launcher.run(["--mode", "console", "--as", "staff"], input: "estadisticas\n")
        #expect(staff.stdout.contains("Clientes: 30"))
        let customer = try await launcher.run(["--mode", "console"], input: "estadisticas\n")
        #expect(customer.stdout.contains("solo para el personal"))
        #expect(!customer.stdout.contains("Clientes: 30"))
    }

    @Test func aFreshDataFolderIsSeededBeforeTheFirstMessage() async throws {
        let launcher = LauncherProcess()
        let plans = try await launcher.export("plans")
        #expect(plans.map { $0["Mbps"] } == ["20", "50", "100"])
        #expect(plans.map { $0["Precio mensual"] } == ["350", "450", "600"])
        let zones = try await launcher.export("zones")
        #expect(zones.filter { $0["Cobertura"] == "sí" }.map { $0["Zona"] } == ["Centro", "Norte", "Sur", "Oriente"])
        #expect(try await launcher.export("clients").count == SampleWorkbook.clients.rows.count)
    }

    @Test func aFormulaIsExportedAsStored() async throws {
        let launcher = LauncherProcess()
        _ = try await launcher.run(["--mode", "console", "--channel", "whatsapp", "--user", "5214447770003"],
                                   input: "quiero contratar el de 50 en el sur\n=IMPORTXML(\"http://x\",\"//a\")\nsí\n")
        let row = try #require(try await launcher.export("clients").last)
        #expect(row["Nombre"] == "'=IMPORTXML(\"http://x\",\"//a\")")
        let csv = try await launcher.run(["export", "--tab", "clients", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("ID,Nombre,Teléfono,Canal,Chat ID,Zona,Plan (Mbps),Precio,Estado,Fecha de alta,Notas\r\n"))
        #expect(csv.stdout.contains("\"'=IMPORTXML(\"\"http://x\"\",\"\"//a\"\")\""))
    }
}
}
