package org.bangui.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Optional;
import org.bangui.adapters.web.openapi.ApiErrors;
import org.bangui.adapters.web.security.RateLimited;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.application.ban.BanAddressUseCase;
import org.bangui.application.ban.QueryBansUseCase;
import org.bangui.application.ban.UnbanAddressUseCase;
import org.bangui.application.geo.LookupGeoUseCase;
import org.bangui.application.ratelimit.LimitedAction;
import org.bangui.domain.ban.Ban;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;

/**
 * Active bans of addresses and networks: query, ban, unban from one jail or from all. Wherever an {@code ip}
 * is taken, a CIDR network ({@code 198.18.0.0/24}) is taken too; in a path it is URL-encoded
 * ({@code 198.18.0.0%2F24}).
 */
@Controller(ApiDefinition.BASE + "/bans")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BanController {

    private final QueryBansUseCase query;
    private final BanAddressUseCase ban;
    private final UnbanAddressUseCase unban;
    private final LookupGeoUseCase geo;

    BanController(QueryBansUseCase query, BanAddressUseCase ban, UnbanAddressUseCase unban, LookupGeoUseCase geo) {
        this.query = query;
        this.ban = ban;
        this.unban = unban;
        this.geo = geo;
    }

    /** Active bans, optionally only those of one jail and/or one address or network entry. */
    @Get
    @ApiErrors.BadRequest
    @ApiErrors.Unavailable
    public BanListResponse list(@QueryValue @Nullable String jail, @QueryValue @Nullable String ip) {
        List<Ban> bans = query.activeBans(new QueryBansUseCase.BanQuery(Inputs.optionalJail(jail),
                Inputs.optionalBanTarget(ip)));
        return new BanListResponse(bans.size(), bans.stream().map(this::view).toList());
    }

    /** Where an address or network entry is banned now, with each ban's times. */
    @Get("/search")
    @ApiErrors.BadRequest
    @ApiErrors.Unavailable
    public SearchResponse search(@QueryValue @Nullable String ip) {
        IpNetwork target = Inputs.banTarget(Inputs.required(ip, "ip"));
        List<Ban> bans = query.activeBans(new QueryBansUseCase.BanQuery(Optional.empty(), Optional.of(target)));
        return new SearchResponse(target.text(), bans.stream().map(b -> b.jail().value()).distinct().toList(),
                bans.stream().map(this::view).toList());
    }

    /**
     * Bans an address or network in a jail after the safety checks; 201, 409 if it is already banned there
     * (its ban is left untouched), 503 {@code outcome_unknown} if fail2ban took the command but did not say
     * what it did in time.
     */
    @Post
    @RateLimited(LimitedAction.BAN)
    @ApiResponse(responseCode = "201", description = "The ban was created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BanCreated.class)))
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Conflict
    @ApiErrors.Unavailable
    public HttpResponse<BanCreated> create(HttpRequest<?> http, @Body BanRequest request) {
        JailName jail = Inputs.jail(Inputs.string(request.jail(), "jail"));
        IpNetwork target = Inputs.banTarget(Inputs.string(request.ip(), "ip"));
        ban.ban(new BanAddressUseCase.BanCommand(jail, target, RequestContext.actor(http)));
        return HttpResponse.created(new BanCreated(jail.value(), target.text(), !target.isHost()));
    }

    /** Unbans an address or network entry in one jail; 204, 404 if it was not banned there. */
    @Delete("/{jail}/{ip}")
    @RateLimited(LimitedAction.UNBAN)
    @ApiResponse(responseCode = "204", description = "The ban was lifted")
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Unavailable
    public HttpResponse<Void> delete(HttpRequest<?> http, @PathVariable String jail, @PathVariable String ip) {
        unban.unban(new UnbanAddressUseCase.UnbanCommand(Inputs.banTarget(ip), Optional.of(Inputs.jail(jail)),
                RequestContext.actor(http)));
        return HttpResponse.noContent();
    }

    /** Unbans an address or network entry in every jail; 404 if it was banned nowhere. */
    @Post("/unban")
    @RateLimited(LimitedAction.UNBAN)
    @ApiErrors.BadRequest
    @ApiErrors.NotFound
    @ApiErrors.Unavailable
    public UnbanResponse unbanEverywhere(HttpRequest<?> http, @Body UnbanRequest request) {
        IpNetwork target = Inputs.banTarget(Inputs.string(request.ip(), "ip"));
        int lifted = unban.unban(new UnbanAddressUseCase.UnbanCommand(target, Optional.empty(),
                RequestContext.actor(http)));
        return new UnbanResponse(target.text(), lifted);
    }

    private BanView view(Ban ban) {
        return BanView.of(ban, geo.lookup(ban.target().address()).country().orElse(null));
    }

    /** Ban request body; fields are raw JSON values so that a wrong type is refused instead of coerced. */
    @Serdeable
    public record BanRequest(@Schema(type = "string", example = "sshd") @Nullable Object jail,
                             @Schema(type = "string", example = "203.0.113.5") @Nullable Object ip) {
    }

    /** Unban-everywhere request body. */
    @Serdeable
    public record UnbanRequest(@Schema(type = "string", example = "203.0.113.5") @Nullable Object ip) {
    }

    /** The ban that was created; {@code ip} is the address, or the network in CIDR form. */
    @Serdeable
    public record BanCreated(String jail, String ip, boolean network) {
    }

    /** How many bans were lifted. */
    @Serdeable
    public record UnbanResponse(String ip, int unbanned) {
    }

    /** A list of bans. */
    @Serdeable
    public record BanListResponse(int count, List<BanView> bans) {
    }

    /** Where an address is banned. */
    @Serdeable
    public record SearchResponse(String ip, List<String> jails, List<BanView> bans) {
    }

    /**
     * One active ban; {@code ip} is the address, or the network in CIDR form with {@code network} true;
     * {@code expiresAt} is null and {@code banTimeSeconds} -1 for permanent bans; {@code country} (ISO 3166-1
     * alpha-2, of a network's first address) is null when unknown.
     */
    @Serdeable
    public record BanView(String jail, String ip, boolean network, String bannedAt, long banTimeSeconds,
                          boolean permanent, @Nullable String expiresAt, @Nullable String country) {

        static BanView of(Ban ban, String country) {
            return new BanView(ban.jail().value(), ban.target().text(), !ban.target().isHost(),
                    ban.bannedAt().toString(),
                    ban.duration().seconds(), ban.duration().isPermanent(),
                    ban.expiresAt().map(Object::toString).orElse(null), country);
        }
    }
}
