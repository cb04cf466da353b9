using System.CommandLine;

namespace DockGateway.Provisioning;

/// <summary>
/// Parses and runs a dockctl command line, mapping the outcomes onto <see cref="ExitCodes"/>:
/// parse errors become <see cref="ExitCodes.UsageError"/> (System.CommandLine would say 1, which
/// dockctl reserves for failed verifications), <see cref="InputException"/> too, anything else
/// <see cref="ExitCodes.InternalError"/>.
/// </summary>
public static class DockctlInvocation
{
    public static int Run(RootCommand root, IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        var parse = root.Parse(args);
        try
        {
            var code = parse.Invoke(config);
            return parse.Errors.Count > 0 ? ExitCodes.UsageError : code;
        }
        catch (InputException e)
        {
            config.Error.WriteLine($"dockctl: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e)
        {
            config.Error.WriteLine($"dockctl: internal error: {e}");
            return ExitCodes.InternalError;
        }
    }
}
