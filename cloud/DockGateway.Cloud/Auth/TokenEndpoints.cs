using Dapper;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Auth;

/// <summary><c>/api/v1/tokens</c> (admins) and <c>/api/v1/me</c> (anyone authenticated).</summary>
public static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (HttpContext http) =>
        {
            var caller = CallerScope.From(http.User);
            return Results.Ok(new CallerView(caller.TokenId, caller.Name, caller.Role, caller.IsGlobal, caller.Agencies));
        }).RequirePeople(CloudPolicies.Read).WithTags("People")
            .WithSummary("Who the caller is").WithDescription("The bearer token's id, name, role and agencies (empty and global for admins and global auditors).")
            .Produces<CallerView>();

        var tokens = api.MapGroup("/tokens").RequirePeople(CloudPolicies.Admin).WithTags("People");
        tokens.MapPost("/", CreateAsync).WithSummary("Create a people token")
            .WithDescription("The plaintext token is in this answer only; the cloud keeps its hash. Location names the new token.")
            .Produces<TokenCreated>(StatusCodes.Status201Created);
        tokens.MapGet("/", async (PeopleTokenStore store, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(ct)).Select(TokenView.From))).WithSummary("List people tokens").Produces<IReadOnlyList<TokenView>>();
        tokens.MapGet("/{id}", async (string id, PeopleTokenStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } t ? Results.Ok(TokenView.From(t)) : ProblemResults.NotFound($"no token '{id}'")).WithSummary("Get a people token").Produces<TokenView>();
        tokens.MapDelete("/{id}", RevokeAsync).WithSummary("Revoke a people token")
            .WithDescription("Refused with 409 for the last active admin token.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> CreateAsync(
        TokenCreateRequest request, HttpContext http, PeopleTokenStore store, ICloudDatabase database, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var agencies = request.Agencies ?? [];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["required, at most 200 characters"];
        }

        if (request.Role is null || !CloudRoles.All.Contains(request.Role))
        {
            errors["role"] = [$"must be one of {string.Join(", ", CloudRoles.All)}"];
        }
        else if (request.Role == CloudRoles.EquipmentManager && agencies.Count == 0)
        {
            errors["agencies"] = ["an equipment manager needs at least one agency"];
        }
        else if (request.Role == CloudRoles.Reviewer && agencies.Count == 0)
        {
            errors["agencies"] = ["a reviewer needs at least one agency"];
        }
        else if (request.Role == CloudRoles.Admin && agencies.Count > 0)
        {
            errors["agencies"] = ["an admin is global: list no agencies"];
        }

        await using (var connection = await database.OpenConnectionAsync(ct))
        {
            for (var i = 0; i < agencies.Count; i++)
            {
                var exists = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM agencies WHERE code = @code", new { code = agencies[i] ?? string.Empty });
                if (exists == 0)
                {
                    errors[$"agencies[{i}]"] = [$"unknown agency '{agencies[i]}'"];
                }
            }
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var (token, plaintext) = await store.CreateAsync(request.Name!, request.Role!, agencies, CallerScope.From(http.User).TokenId, ct);
        return Results.Created($"/api/v1/tokens/{token.Id}",
            new TokenCreated(token.Id, token.Name, token.Role, token.Agencies, token.CreatedAt, plaintext));
    }

    private static async Task<IResult> RevokeAsync(string id, PeopleTokenStore store, CancellationToken ct)
    {
        var token = await store.FindAsync(id, ct);
        if (token is null || token.RevokedAt is not null)
        {
            return ProblemResults.NotFound($"no active token '{id}'");
        }

        if (token.Role == CloudRoles.Admin && (await store.ListAsync(ct)).Count(t => t.Role == CloudRoles.Admin && t.RevokedAt is null) == 1)
        {
            return ProblemResults.Conflict("this is the last active admin token; create another admin first");
        }

        await store.RevokeAsync(id, ct);
        return Results.NoContent();
    }
}
