import AgentCore

/// What the operator's subcommands do, so the launcher stays a thin argument parser.
extension BotRuntime {
    /// `launcher classify`: the understanding of each line, as printed JSON lines.
    public func classify(lines: some AsyncSequence<String, Never>, print: (String) -> Void) async {
        let workbook = await cache.snapshot()
        let context = UnderstandingContext(zones: workbook.zones.map(\.name), planSpeeds: workbook.plansBySpeed.map(\.mbps))
        for await line in lines {
            print(ClassifyOutput.line(for: await understanding.understand(line, context: context)))
        }
    }

    /// `launcher export`: a tab as the bot sees it.
    public func export(_ tab: Tab, as format: TabExport.Format) async throws -> String {
        TabExport.render(try await backOffice.read(tab), as: format)
    }
}
