using Microsoft.Win32.SafeHandles;
using static DockGateway.Shared.Interop.Interop;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// Owns a <c>struct mosquitto*</c>. Released with <c>mosquitto_destroy</c>, which the owner only
/// lets happen after its network loop thread has stopped.
/// </summary>
internal sealed class MosquittoHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public MosquittoHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Mosquitto.mosquitto_destroy(handle);
        return true;
    }
}
