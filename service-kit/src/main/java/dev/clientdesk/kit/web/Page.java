package dev.clientdesk.kit.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with what a caller needs to fetch the next. {@code total} is there only when the caller
 * asked for it with {@code includeTotal=true}: counting every match costs a scan of all of them, which a page
 * itself never needs.
 */
public record Page<T>(List<T> items, int page, int size, boolean hasMore,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "How many items match in all; only with includeTotal=true", nullable = true)
        Long total) {

    /**
     * @param fetched up to {@code request.size + 1} rows, as {@link PageRequest#fetchSize()} asked for: the
     *        extra row only tells that there is a next page
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Long total) {
        boolean more = fetched.size() > request.size;
        return new Page<>(more ? List.copyOf(fetched.subList(0, request.size)) : fetched, request.page, request.size,
                more, total);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, hasMore, total);
    }
}
