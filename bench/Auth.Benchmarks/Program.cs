using Auth.Benchmarks.Outbox;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Auth.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Auth.Benchmarks -- outbox [count] [runs]
// dotnet run -c Release --project bench/Auth.Benchmarks -- import [rows]
if (args.Length > 0 && args[0] == "outbox") return await OutboxThroughput.RunAsync(args);
if (args.Length > 0 && args[0] == "import") return await Auth.Benchmarks.Transfer.UserImportThroughput.RunAsync(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
