package dev.clientdesk.client.api;

import dev.clientdesk.client.domain.IntakeSignals;
import dev.clientdesk.client.domain.Relationship;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.Texts;
import dev.clientdesk.kit.web.SingleLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the clients API. */
public final class ClientRequests {

    private ClientRequests() {
    }

    @Schema(name = "RegisterClient", description = "A new lead and what you noticed in the first contact")
    public record RegisterClient(
            @NotBlank @Size(max = 200) @SingleLine @Schema(example = "Aigerim Nurlanovna") String name,
            @NotBlank @Email @Size(max = 254) @SingleLine @Schema(example = "aigerim@example.kz") String email,
            @Size(max = 200) @Schema(example = "Dala Studio") String company,
            @Pattern(regexp = Texts.LOCALE_TAG, message = "must be a language tag such as en, tr, kk, ka or bg")
            @Schema(example = "kk", description = "Language for letters; en, tr, kk, ka and bg have templates") String locale,
            @Size(max = 64) @Schema(example = "Asia/Almaty") String timezone,
            @Schema(example = "REFERRAL") Relationship relationship,
            @Size(max = 200) @Schema(example = "brand identity") String requestedService,
            @Size(max = 2000) @Schema(example = "A logo and business cards for a new bakery; clear brief, launch in March",
                    description = "What the lead said they need, in their words; screening matches it with your ideal and unwanted traits")
            String needs,
            @Valid Money budget,
            @Valid IntakeSignals signals) {
    }

    @Schema(name = "Rescreen", description = "New signals noticed since the last screening")
    public record Rescreen(@Valid IntakeSignals signals) {
    }

    @Schema(name = "UpdateClient", description = "Contact details to change; omitted fields stay as they are")
    public record UpdateClient(
            @Size(min = 1, max = 200) @SingleLine @Schema(example = "Aigerim Nurlanovna") String name,
            @Size(max = 200) @Schema(example = "Dala Studio") String company,
            @Schema(example = "tr") @Pattern(regexp = Texts.LOCALE_TAG, message = "must be a language tag such as en, tr, kk, ka or bg") String locale,
            @Size(max = 64) @Schema(example = "Asia/Almaty") String timezone) {
    }
}
