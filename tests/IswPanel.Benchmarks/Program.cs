using BenchmarkDotNet.Running;

// IswPanel's benchmark suite (issue 10). Each benchmark class has its baseline in the same class, so the ratio column
// means something on any machine. From the repository root:
//   dotnet run -c Release --project tests/IswPanel.Benchmarks -- --filter '*B1*'               (one benchmark)
//   dotnet run -c Release --project tests/IswPanel.Benchmarks -- --filter '*B1*' --job short   (ShortRun: quicker, rougher)
//   dotnet run -c Release --project tests/IswPanel.Benchmarks -- --list flat                   (what there is)
// Results go to BenchmarkDotNet.Artifacts/results/ (git-ignored) as Markdown, CSV and HTML.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
