using DockGateway.Benchmarks.Mqtt;

return args.FirstOrDefault() switch
{
    "will-client" => await WillClient.RunAsync(args[1..]),
    _ => await OutboxBenchmark.RunAsync(args),
};
