using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Auth.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
