using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IswPanel.Benchmarks.Infrastructure;

/// <summary>
/// For the database benchmarks (B2, B4, B5): a ShortRun-style job (1 launch, 3 warm-ups, few iterations) run in process,
/// so the hosted application and its connection pools are built once per benchmark case. Adding `--job short` on the
/// command line replaces it with BenchmarkDotNet's own ShortRun (out of process).
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8).WithId("ShortInProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95);
    }
}
