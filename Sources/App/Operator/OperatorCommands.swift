import AgentCore

/// What the operator's subcommands do, so the launcher stays a thin argument parser.
extension BotRuntime {
    /// `launcher classify`: the understanding of each line, as printed JSON lines.
    public func classify(lines: some AsyncSequence<String, Never>, print: (String) -> Void) async {
        let workbook = await cache.snapshot()
        // The operator's tool: read as staff would be, with every name of the sheet at hand.
        let context = UnderstandingContext(workbook: workbook, session: nil, role: .staff)
        for await line in lines {
            print(ClassifyOutput.line(for: await understanding.understand(line, context: context)))
        }
    }

    /// `launcher export`: a tab as the bot sees it.
    public func export(_ tab: Tab, as format: TabExport.Format) async throws -> String {
        TabExport.render(try await backOffice.read(tab), as: format)
    }
}
