using System.Runtime.Versioning;

// The dock runs on Linux only (glibc P/Invoke, Unix file modes, sysfs).
[assembly: SupportedOSPlatform("linux")]
