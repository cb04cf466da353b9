using System.Data;
using Dapper;

namespace DockGateway.Cloud.Storage;

/// <summary>
/// Maps <see cref="DateTimeOffset"/> parameters and columns to BIGINT Unix milliseconds (UTC), the
/// portable timestamp form. Registered once by the databases, so every Dapper call uses it.
/// </summary>
public sealed class UnixMillisecondsTypeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static int s_registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            // Dapper's built-in DateTimeOffset parameter mapping would win over the handler otherwise.
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new UnixMillisecondsTypeHandler());
        }
    }

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value.ToUnixTimeMilliseconds();
    }

    public override DateTimeOffset Parse(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
}
