namespace DockGateway.Cloud.Witness;

/// <summary>A tlog-witness response: status, plain-text body and its content type.</summary>
public sealed record WitnessAnswer(int Status, string Body, string ContentType)
{
    public const string SizeContentType = "text/x.tlog.size";

    public static WitnessAnswer Cosigned(string lines) => new(200, lines, "text/plain; charset=utf-8");

    public static WitnessAnswer Size(long size) => new(409, size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n", SizeContentType);

    public static WitnessAnswer Refused(int status, string why) => new(status, why + "\n", "text/plain; charset=utf-8");
}
