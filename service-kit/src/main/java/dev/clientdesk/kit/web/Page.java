package dev.clientdesk.kit.web;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a caller needs to fetch the next. */
public record Page<T>(List<T> items, int page, int size, long total) {

    @JsonProperty("hasMore")
    public boolean hasMore() {
        return (long) (page + 1) * size < total;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
