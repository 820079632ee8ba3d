package dev.clientdesk.client.api;

import dev.clientdesk.client.domain.FriendsAndFamilyPolicy;
import dev.clientdesk.client.domain.WorkspacePolicy;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.Texts;
import dev.clientdesk.kit.web.SingleLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "WorkspacePolicy", description = "Your ideal client, your limits and how letters are signed")
public record PolicyDocument(
        @NotNull @Size(max = 50) @Schema(example = "[\"brand identity\", \"web design\"]")
        List<@NotBlank @Size(max = 200) String> servicesOffered,
        @Valid Money minimumBudget,
        @NotNull @Size(max = 50) @Schema(example = "[\"clear brief\", \"pays on time\"]") List<@NotBlank @Size(max = 200) String> idealClientTraits,
        @NotNull @Size(max = 50) @Schema(example = "[\"wants it yesterday\"]") List<@NotBlank @Size(max = 200) String> unwantedTraits,
        @NotNull @Schema(example = "DECLINE_AND_REFER") FriendsAndFamilyPolicy friendsAndFamily,
        @Valid Money targetHourlyRate,
        @Min(0) @Max(100) @Schema(description = "Largest share (percent) of your logged time that clients below the target rate may take", example = "20")
        int maxBelowTargetShare,
        @NotNull @Size(max = 500) @Schema(example = "Elif, Studio Nar") String letterSignature,
        @Schema(example = "en") @NotNull @Pattern(regexp = Texts.LOCALE_TAG, message = "must be a language tag such as en") String defaultLocale,
        @Size(max = 2000) @SingleLine @Schema(example = "https://studionar.example/free-guides",
                description = "Your own free resources, an absolute http(s) URL; decline letters point to them")
        String freeResourcesUrl,
        @Schema(readOnly = true) Long version) {

    public static PolicyDocument of(WorkspacePolicy policy) {
        return new PolicyDocument(policy.servicesOffered(), policy.minimumBudget(), policy.idealClientTraits(),
                policy.unwantedTraits(), policy.friendsAndFamily(), policy.targetHourlyRate(),
                policy.maxBelowTargetShare(), policy.letterSignature(), policy.defaultLocale(),
                policy.freeResourcesUrl(), policy.version());
    }
}
