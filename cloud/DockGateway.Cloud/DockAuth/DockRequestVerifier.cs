using System.Security.Cryptography;
using DockGateway.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.DockAuth;

/// <summary>
/// Checks one dock request: Content-Digest (RFC 9530, sha-256) against the body, the RFC 9421
/// Ed25519 signature against the dock's registered key (covering every tus header the request
/// carries, with a nonce), freshness (not older than <c>DockAuth:MaxAge</c>, not ahead by more than
/// <c>DockAuth:FutureSkew</c>) and replay (keyid + nonce, recorded in the shared database; for a streamed tus PATCH checked here and
/// recorded by the endpoint with the chunk's offset, see <see cref="PendingReplay"/>).
/// </summary>
public sealed class DockRequestVerifier(
    IDockKeys keys,
    IReplayCache replays,
    IOptions<DockAuthOptions> options,
    TimeProvider time,
    ILogger<DockRequestVerifier> logger)
{
    /// <summary>The problem detail of a replayed signature.</summary>
    public const string AlreadyUsed = "This signature (or its nonce) was already used.";

    private readonly HttpSignatureVerifier _signatures = new(options.Value.FutureSkew);

    /// <summary>Verifies the request; on success the body (unless streamed) is buffered and rewound.</summary>
    public async Task<DockVerification> VerifyAsync(HttpContext http, bool streamedBody, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var settings = options.Value;
        var digestHeader = request.Headers["Content-Digest"].ToString();
        var signatureInput = request.Headers["Signature-Input"].ToString();
        var signature = request.Headers["Signature"].ToString();
        if (signatureInput.Length == 0 || signature.Length == 0)
        {
            return DockVerification.Fail("The request carries no RFC 9421 Signature-Input and Signature headers.");
        }
        if (!ContentDigestValue.TryParseSha256(digestHeader, out var promised))
        {
            return DockVerification.Fail("The Content-Digest header is missing or has no sha-256 member.");
        }
        var keyId = SignatureKeyId.Find(signatureInput);
        var dock = keyId is null ? null : await keys.FindAsync(keyId, cancellationToken);
        if (dock is null)
        {
            return DockVerification.Fail($"The signature's keyid '{keyId}' is not an enrolled dock.");
        }

        if (!streamedBody)
        {
            var body = await BodyBuffer.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                return DockVerification.Fail($"The body exceeds DockAuth:MaxBodyBytes ({settings.MaxBodyBytes} bytes).", StatusCodes.Status413PayloadTooLarge);
            }
            if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)), promised))
            {
                return DockVerification.Fail("The body does not match its Content-Digest.");
            }
        }

        var now = time.GetUtcNow();
        var result = _signatures.Verify(
            request.Method, TargetUri.For(request, settings.TrustForwardedHeaders), digestHeader, signatureInput, signature,
            name => request.Headers.TryGetValue(name, out var values) ? string.Join(", ", values.ToArray()) : null,
            id => id == dock.DockId ? dock.PublicKey : null, now, settings.MaxAge);
        if (!result.Valid)
        {
            return DockVerification.Fail($"The signature does not verify: {result.Error}");
        }
        var created = DateTimeOffset.FromUnixTimeSeconds(result.Created);
        if (created > now + settings.FutureSkew)
        {
            return DockVerification.Fail($"The signature was created at {created:O}, ahead of the cloud's clock by more than {settings.FutureSkew}.");
        }
        if (created < now - settings.MaxAge)
        {
            return DockVerification.Fail($"The signature was created at {created:O}, more than {settings.MaxAge} ago.");
        }

        var replayKey = "nonce:" + result.Nonce; // the verifier refuses a signature without one
        var forgetBefore = now - settings.MaxAge - settings.FutureSkew;
        PendingReplay? pending = null;
        if (streamedBody)
        {
            // A tus PATCH records its row with the chunk's offset (one commit per chunk); refuse a known one now.
            pending = new PendingReplay(dock.DockId, replayKey, now);
            if (await replays.SeenAsync(dock.DockId, replayKey, forgetBefore, cancellationToken))
            {
                return Replayed(dock, request);
            }
        }
        else if (!await replays.TryRecordAsync(dock.DockId, replayKey, now, forgetBefore, cancellationToken))
        {
            return Replayed(dock, request);
        }

        await keys.TouchAsync(dock.DockId, now, cancellationToken);
        return DockVerification.Succeed(dock, promised, pending);
    }

    /// <summary>Records a <see cref="PendingReplay"/> the endpoint left unrecorded; false (and a warning) when it is a replay.</summary>
    public async Task<bool> RecordAsync(PendingReplay pending, HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var forgetBefore = time.GetUtcNow() - settings.MaxAge - settings.FutureSkew;
        if (await replays.TryRecordAsync(pending.KeyId, pending.ReplayKey, pending.SeenAt, forgetBefore, cancellationToken))
        {
            pending.MarkRecorded();
            return true;
        }
        logger.LogWarning("Replayed signature from dock {Dock} rejected ({Method} {Path})", pending.KeyId, request.Method, request.Path);
        return false;
    }

    private DockVerification Replayed(DockIdentity dock, HttpRequest request)
    {
        logger.LogWarning("Replayed signature from dock {Dock} rejected ({Method} {Path})", dock.DockId, request.Method, request.Path);
        return DockVerification.Fail(AlreadyUsed);
    }
}
