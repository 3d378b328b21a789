import ChatCLI

await CLIEntryPoint.main()
