using BenchmarkDotNet.Running;
using IswPanel.Benchmarks.Deadlines;

namespace IswPanel.Benchmarks;

// IswPanel's benchmark suite (issue 10). Each benchmark class has its baseline in the same class, so the ratio column
// means something on any machine. From the repository root:
//   dotnet run -c Release --project tests/IswPanel.Benchmarks -- --filter '*B1*'               (one benchmark)
//   dotnet run -c Release --project tests/IswPanel.Benchmarks -- --filter '*B1*' --job short   (ShortRun: quicker, rougher)
//   dotnet run -c Release --project tests/IswPanel.Benchmarks -- --list flat                   (what there is)
//   dotnet run -c Release --project tests/IswPanel.Benchmarks -- first-sweeps                  (B4a: each sweep once on fresh data)
//   dotnet run -c Release --project tests/IswPanel.Benchmarks -- shortlist-sql [postgres]      (B2's SQL, each command timed)
// Results go to BenchmarkDotNet.Artifacts/results/ (git-ignored) as Markdown, CSV and HTML.
// B2, B4 and B5 need the generated data set: docs/performance.md.
public static class EntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["first-sweeps", ..]) return await FirstSweeps.RunAsync(args[1..]);
        if (args is ["shortlist-sql", ..]) return await Shortlisting.ShortlistSql.RunAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(EntryPoint).Assembly).Run(args);
        return 0;
    }
}
