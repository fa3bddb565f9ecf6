using BenchmarkDotNet.Running;
using Otp.Benchmarks;

// dotnet run -c Release --project benchmarks/Otp.Benchmarks -- --filter '*' --job short   (the BenchmarkDotNet suite)
// dotnet run -c Release --project benchmarks/Otp.Benchmarks -- --million otp|akka|proto  (one million idle processes, once)
// dotnet run -c Release --project benchmarks/Otp.Benchmarks -- --registry                (registry partitions, interleaved)
if (args is ["--million", var runtime])
{
    return await MillionSpawn.RunAsync(runtime, Console.Out);
}

if (args is ["--registry"])
{
    return await RegistryScaling.RunAsync(Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
